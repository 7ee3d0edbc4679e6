package nl.samenspraak.coding;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.List;
import java.util.Optional;

@RegisterConstructorMapper(Code.class)
@RegisterConstructorMapper(Rating.class)
@RegisterConstructorMapper(Change.class)
@RegisterConstructorMapper(CodingDao.Target.class)
@RegisterConstructorMapper(CodingDao.Counted.class)
public interface CodingDao extends org.jdbi.v3.sqlobject.SqlObject {
    /** A count per transcript of a project, optionally per key (a dimension); {@code key} is null for totals. */
    record Counted(long transcriptId, String name, String key, int count) {}

    /**
     * Where an utterance sits: its transcript, project and speaker role (live transcripts only),
     * and the codebook version its project codes with now; {@code assigned}: the transcript is open to the
     * caller (view {@code open_transcripts}); {@code speakerLabel}: who speaks, to name in a refusal. Read by
     * {@link CodeWrites#target}.
     */
    record Target(long utteranceId, long transcriptId, long projectId, String speakerRole, long codebookId, boolean assigned,
                  String speakerLabel) {}


    @SqlQuery("SELECT project_id FROM transcripts WHERE id = :transcriptId AND deleted_at IS NULL")
    Optional<Long> projectOf(long transcriptId);

    @SqlQuery("""
            SELECT c.utterance_id, c.dimension, c.code, c.codebook_id, c.updated_at FROM codes c
            JOIN utterances u ON u.id = c.utterance_id
            WHERE u.transcript_id = :transcriptId AND c.coder_id = :coderId ORDER BY u.seq, c.dimension""")
    List<Code> codes(long transcriptId, long coderId);

    @SqlQuery("SELECT value FROM ratings WHERE transcript_id = :transcriptId AND coder_id = :coderId AND scale = :scale AND item = :item")
    Optional<Double> rating(long transcriptId, long coderId, String scale, String item);

    @SqlUpdate("""
            INSERT INTO ratings(transcript_id, coder_id, scale, item, value, codebook_id, updated_at)
            VALUES (:transcriptId, :coderId, :scale, :item, :value, :codebookId, :now)
            ON CONFLICT(transcript_id, coder_id, scale, item)
            DO UPDATE SET value = excluded.value, codebook_id = excluded.codebook_id, updated_at = excluded.updated_at""")
    void upsertRating(long transcriptId, long coderId, String scale, String item, double value, long codebookId, String now);

    @SqlUpdate("DELETE FROM ratings WHERE transcript_id = :transcriptId AND coder_id = :coderId AND scale = :scale AND item = :item")
    void deleteRating(long transcriptId, long coderId, String scale, String item);

    @SqlQuery("""
            SELECT transcript_id, scale, item, value, codebook_id, updated_at FROM ratings
            WHERE transcript_id = :transcriptId AND coder_id = :coderId ORDER BY scale, item""")
    List<Rating> ratings(long transcriptId, long coderId);

    /**
     * A change-log row (a rating's; a code save writes the same row in plain JDBC, {@link CodeWrites#log},
     * and CodeWritesEquivalenceTest holds the two to identical rows).
     */
    @SqlQuery("""
            INSERT INTO change_log(at, user_id, entity, project_id, transcript_id, utterance_id, coder_id, field, before_value, after_value, op_id)
            VALUES (:at, :userId, :entity, :projectId, :transcriptId, :utteranceId, :coderId, :field, :before, :after, :opId)
            RETURNING id""")
    long log(String at, long userId, String entity, long projectId, Long transcriptId, Long utteranceId, Long coderId,
             String field, String before, String after, String opId);

    @SqlQuery("""
            SELECT id, at, user_id, entity, transcript_id, utterance_id, coder_id, field, before_value, after_value, op_id
            FROM change_log WHERE op_id = :opId""")
    Optional<Change> changeByOp(String opId);

    @SqlQuery("""
            SELECT id, at, user_id, entity, transcript_id, utterance_id, coder_id, field, before_value, after_value, op_id
            FROM change_log WHERE transcript_id = :transcriptId AND coder_id = :coderId AND id > :afterId ORDER BY id LIMIT 1000""")
    List<Change> changesSince(long transcriptId, long coderId, long afterId);

    @SqlQuery("SELECT COALESCE(MAX(id), 0) FROM change_log WHERE transcript_id = :transcriptId AND coder_id = :coderId")
    long lastChangeId(long transcriptId, long coderId);

    String UNIT_COUNTS = """
            SELECT t.id AS transcript_id, t.name, NULL AS key,
                   (SELECT COUNT(*) FROM utterances u WHERE u.transcript_id = t.id) AS count
            FROM transcripts t WHERE t.project_id = :projectId AND t.deleted_at IS NULL""";

    @SqlQuery(UNIT_COUNTS + " ORDER BY t.name, t.id")
    List<Counted> unitCounts(long projectId);

    /** The same for the transcripts open to a coder (view open_transcripts). */
    @SqlQuery(UNIT_COUNTS + """
             AND t.id IN (SELECT o.transcript_id FROM open_transcripts o WHERE o.project_id = :projectId AND o.user_id = :userId)
            ORDER BY t.name, t.id""")
    List<Counted> openUnitCounts(long projectId, long userId);

    /** The project's transcripts whose reference coding is another coder's than this one. */
    @SqlQuery("""
            SELECT r.transcript_id FROM transcript_references r JOIN transcripts t ON t.id = r.transcript_id
            WHERE t.project_id = :projectId AND t.deleted_at IS NULL AND r.coder_id <> :coderId""")
    List<Long> referencedBy(long projectId, long coderId);

    @SqlQuery("""
            SELECT t.id AS transcript_id, t.name, c.dimension AS key, COUNT(*) AS count
            FROM codes c JOIN utterances u ON u.id = c.utterance_id JOIN transcripts t ON t.id = u.transcript_id
            WHERE t.project_id = :projectId AND t.deleted_at IS NULL AND c.coder_id = :coderId
            GROUP BY t.id, c.dimension""")
    List<Counted> codedCounts(long projectId, long coderId);

    @SqlQuery("""
            SELECT t.id AS transcript_id, t.name, r.scale || '/' || r.item AS key, 1 AS count
            FROM ratings r JOIN transcripts t ON t.id = r.transcript_id
            WHERE t.project_id = :projectId AND t.deleted_at IS NULL AND r.coder_id = :coderId""")
    List<Counted> ratedItems(long projectId, long coderId);
}
