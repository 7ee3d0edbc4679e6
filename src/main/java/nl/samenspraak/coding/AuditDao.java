package nl.samenspraak.coding;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.util.List;
import java.util.Optional;

/** Reads across coders, for admins: the change history and everyone's progress. */
@RegisterConstructorMapper(HistoryEntry.class)
@RegisterConstructorMapper(AuditDao.Count.class)
@RegisterConstructorMapper(AuditDao.Person.class)
public interface AuditDao {
    /** A count per coder and transcript, per key (a dimension, or "scale/item" for a rating with count 1). */
    record Count(long coderId, long transcriptId, String key, int count) {}

    record Person(long id, String name) {}

    String HISTORY = """
            SELECT c.id, c.at, c.user_id, u.name AS user_name, c.entity, c.transcript_id, t.name AS transcript_name,
                   c.utterance_id, ut.seq AS unit, c.coder_id, cu.name AS coder_name, c.field,
                   c.before_value AS "before", c.after_value AS "after"
            FROM change_log c JOIN users u ON u.id = c.user_id
            LEFT JOIN transcripts t ON t.id = c.transcript_id
            LEFT JOIN utterances ut ON ut.id = c.utterance_id
            LEFT JOIN users cu ON cu.id = c.coder_id
            """;

    @SqlQuery(HISTORY + " WHERE c.utterance_id = :utteranceId AND c.id > :after ORDER BY c.id LIMIT :limit")
    List<HistoryEntry> ofUtterance(long utteranceId, long after, int limit);

    @SqlQuery(HISTORY + " WHERE c.transcript_id = :transcriptId AND c.id > :after ORDER BY c.id LIMIT :limit")
    List<HistoryEntry> ofTranscript(long transcriptId, long after, int limit);

    @SqlQuery(HISTORY + " WHERE c.project_id = :projectId AND (:coderId IS NULL OR c.coder_id = :coderId) AND c.id > :after ORDER BY c.id LIMIT :limit")
    List<HistoryEntry> ofProject(long projectId, Long coderId, long after, int limit);

    /** The project of a transcript, deleted or not: its history outlives it. */
    @SqlQuery("SELECT project_id FROM transcripts WHERE id = :transcriptId")
    Optional<Long> projectOfTranscript(long transcriptId);

    @SqlQuery("SELECT t.project_id FROM utterances u JOIN transcripts t ON t.id = u.transcript_id WHERE u.id = :utteranceId")
    Optional<Long> projectOfUtterance(long utteranceId);

    /** Members with the coder role, anyone given a transcript, and anyone who coded or rated in the project. */
    @SqlQuery("""
            SELECT u.id, u.name FROM users u WHERE u.id IN (
              SELECT user_id FROM project_members WHERE project_id = :projectId AND role = 'coder'
              UNION SELECT user_id FROM assignments WHERE project_id = :projectId
              UNION SELECT c.coder_id FROM codes c JOIN utterances ut ON ut.id = c.utterance_id
                    JOIN transcripts t ON t.id = ut.transcript_id WHERE t.project_id = :projectId
              UNION SELECT r.coder_id FROM ratings r JOIN transcripts t ON t.id = r.transcript_id WHERE t.project_id = :projectId)
            ORDER BY u.name, u.id""")
    List<Person> coders(long projectId);

    @SqlQuery("""
            SELECT c.coder_id, t.id AS transcript_id, c.dimension AS key, COUNT(*) AS count
            FROM codes c JOIN utterances u ON u.id = c.utterance_id JOIN transcripts t ON t.id = u.transcript_id
            WHERE t.project_id = :projectId AND t.deleted_at IS NULL GROUP BY c.coder_id, t.id, c.dimension""")
    List<Count> coded(long projectId);

    @SqlQuery("""
            SELECT r.coder_id, t.id AS transcript_id, r.scale || '/' || r.item AS key, 1 AS count
            FROM ratings r JOIN transcripts t ON t.id = r.transcript_id
            WHERE t.project_id = :projectId AND t.deleted_at IS NULL""")
    List<Count> rated(long projectId);

    /** Who is given which live transcript (view open_transcripts): by assignment, or every coder while the project has none. */
    @SqlQuery("SELECT user_id AS coder_id, transcript_id, NULL AS key, 1 AS count FROM open_transcripts WHERE project_id = :projectId")
    List<Count> open(long projectId);
}
