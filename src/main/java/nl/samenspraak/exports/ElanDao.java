package nl.samenspraak.exports;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.util.List;

/** The codes {@link ElanExport} writes: per unit (by its place in the transcript) and coder, the coder's name with it. */
@RegisterConstructorMapper(ElanDao.Row.class)
public interface ElanDao {
    record Row(int seq, long coderId, String coder, String dimension, String code) {}

    /** Every coder's codes on the transcript ({@code everyone}), or only those of {@code me}; by coder name, then unit. */
    @SqlQuery("""
            SELECT u.seq, c.coder_id, us.name AS coder, c.dimension, c.code FROM codes c JOIN utterances u ON u.id = c.utterance_id
            JOIN users us ON us.id = c.coder_id
            WHERE u.transcript_id = :transcriptId AND (:everyone = 1 OR c.coder_id = :me) ORDER BY us.name, c.coder_id, u.seq""")
    List<Row> codes(long transcriptId, boolean everyone, long me);
}
