package nl.samenspraak.reliability;

import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.FetchSize;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.util.List;
import java.util.function.Consumer;

/** The codes that reliability matrices are built from, streamed row by row (millions of them for a large project). */
@RegisterRowMapper(ReliabilityDao.CodedMapper.class)
public interface ReliabilityDao {
    /** One code of a unit: the unit's number in its transcript, the coder and the code. */
    record Coded(int seq, long coderId, String code) {}

    /** By position, not by name: this mapper runs once per code. */
    final class CodedMapper implements RowMapper<Coded> {
        @Override
        public Coded map(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws java.sql.SQLException {
            return new Coded(rs.getInt(1), rs.getLong(2), rs.getString(3));
        }
    }

    /** The chosen coders' codes of one dimension in one transcript, in unit order. */
    @SqlQuery("""
            SELECT u.seq, c.coder_id, c.code FROM utterances u JOIN codes c ON c.utterance_id = u.id
            WHERE u.transcript_id = :transcriptId AND c.dimension = :dimension AND c.coder_id IN (<coders>) ORDER BY u.seq""")
    @FetchSize(10_000)
    void codes(long transcriptId, String dimension, @BindList("coders") List<Long> coders, Consumer<Coded> rows);
}
