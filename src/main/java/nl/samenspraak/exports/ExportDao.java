package nl.samenspraak.exports;

import nl.samenspraak.results.Person;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the workbook reads besides the unit codes (which {@link ExportService} streams by two merged
 * plain-JDBC cursors, measured in ExportBench): names, and the consensus of adjudication.
 */
@RegisterConstructorMapper(Person.class)
@RegisterConstructorMapper(ExportDao.ConsensusRow.class)
public interface ExportDao {
    /**
     * One consensus code, with its unit and the source, coder and comment of the latest adjudication that set it
     * (no coder when agreed or set directly).
     */
    record ConsensusRow(int seq, String speakerLabel, String speakerRole, String text, String dimension, String code, String fromCoder,
                        String source, String comment) {}

    /** Of a transcript's units, those with a consensus code in some dimension. */
    record Covered(long transcriptId, int units, int covered) {}

    @SqlQuery("SELECT id, name FROM users WHERE id IN (<ids>)")
    List<Person> users(@BindList("ids") List<Long> ids);

    @SqlQuery("SELECT user_id FROM consensus_coders WHERE project_id = :projectId")
    Optional<Long> consensusCoder(long projectId);

    @SqlQuery("""
            SELECT x.seq, x.speaker_label, x.speaker_role, x.text, x.dimension, x.code, f.name AS from_coder, a.source, a.comment FROM (
              SELECT u.seq, u.speaker_label, u.speaker_role, u.text, c.dimension, c.code,
                     (SELECT MAX(l.id) FROM change_log l JOIN adjudications j ON j.change_id = l.id
                      WHERE l.utterance_id = u.id AND l.coder_id = c.coder_id AND l.field = c.dimension) AS note
              FROM codes c JOIN utterances u ON u.id = c.utterance_id
              WHERE u.transcript_id = :transcriptId AND c.coder_id = :consensusId) x
            LEFT JOIN adjudications a ON a.change_id = x.note LEFT JOIN users f ON f.id = a.from_coder_id
            ORDER BY x.seq, x.dimension""")
    void consensus(long transcriptId, long consensusId, Consumer<ConsensusRow> rows);

    @SqlQuery("""
            SELECT t.id AS transcript_id, (SELECT COUNT(*) FROM utterances u WHERE u.transcript_id = t.id) AS units,
                   (SELECT COUNT(DISTINCT c.utterance_id) FROM codes c JOIN utterances u ON u.id = c.utterance_id
                    WHERE u.transcript_id = t.id AND c.coder_id = :consensusId) AS covered
            FROM transcripts t WHERE t.id IN (<ids>)""")
    @RegisterConstructorMapper(Covered.class)
    List<Covered> covered(@BindList("ids") List<Long> ids, long consensusId);

    @SqlQuery("SELECT transcript_id, COUNT(*) AS units, 0 AS covered FROM utterances WHERE transcript_id IN (<ids>) GROUP BY transcript_id")
    @RegisterConstructorMapper(Covered.class)
    List<Covered> units(@BindList("ids") List<Long> ids);
}
