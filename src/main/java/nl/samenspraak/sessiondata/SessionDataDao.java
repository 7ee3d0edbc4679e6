package nl.samenspraak.sessiondata;

import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.List;
import java.util.Optional;

/** Session fields, their values, the project's questionnaire and its responses (V004). */
public interface SessionDataDao {
    record FieldRow(String key, String labelNl, String labelEn, String type, String allowed) {}
    record ValueRow(long transcriptId, String field, String value) {}
    record ResponseRow(long transcriptId, String item, double value) {}
    record TranscriptRow(long id, String name, long projectId) {}

    @SqlQuery("SELECT key, label_nl, label_en, type, allowed FROM session_fields WHERE project_id = :projectId ORDER BY position")
    @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(FieldRow.class)
    List<FieldRow> fields(long projectId);

    @SqlUpdate("DELETE FROM session_fields WHERE project_id = :projectId")
    void clearFields(long projectId);

    @SqlUpdate("""
            INSERT INTO session_fields(project_id, key, label_nl, label_en, type, allowed, position)
            VALUES (:projectId, :key, :labelNl, :labelEn, :type, :allowed, :position)""")
    void insertField(long projectId, String key, String labelNl, String labelEn, String type, String allowed, int position);

    @SqlQuery("""
            SELECT v.transcript_id, v.field, v.value FROM session_values v JOIN transcripts t ON t.id = v.transcript_id
            WHERE t.project_id = :projectId AND t.deleted_at IS NULL""")
    @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(ValueRow.class)
    List<ValueRow> projectValues(long projectId);

    @SqlQuery("SELECT transcript_id, field, value FROM session_values WHERE transcript_id = :transcriptId ORDER BY field")
    @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(ValueRow.class)
    List<ValueRow> values(long transcriptId);

    @SqlUpdate("""
            INSERT INTO session_values(transcript_id, field, value, updated_at, updated_by) VALUES (:transcriptId, :field, :value, :now, :userId)
            ON CONFLICT (transcript_id, field) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
    void putValue(long transcriptId, String field, String value, String now, long userId);

    @SqlUpdate("DELETE FROM session_values WHERE transcript_id = :transcriptId AND field = :field")
    void clearValue(long transcriptId, String field);

    @SqlQuery("SELECT codebook_key FROM project_questionnaires WHERE project_id = :projectId")
    Optional<String> questionnaire(long projectId);

    @SqlUpdate("""
            INSERT INTO project_questionnaires(project_id, codebook_key, set_at, set_by) VALUES (:projectId, :key, :now, :userId)
            ON CONFLICT (project_id) DO UPDATE SET codebook_key = excluded.codebook_key, set_at = excluded.set_at, set_by = excluded.set_by""")
    void setQuestionnaire(long projectId, String key, String now, long userId);

    @SqlQuery("""
            SELECT r.transcript_id, r.item, r.value FROM questionnaire_responses r JOIN transcripts t ON t.id = r.transcript_id
            WHERE t.project_id = :projectId AND t.deleted_at IS NULL AND r.instrument = :instrument""")
    @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(ResponseRow.class)
    List<ResponseRow> projectResponses(long projectId, String instrument);

    @SqlQuery("SELECT transcript_id, item, value FROM questionnaire_responses WHERE transcript_id = :transcriptId AND instrument = :instrument")
    @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(ResponseRow.class)
    List<ResponseRow> responses(long transcriptId, String instrument);

    @SqlUpdate("""
            INSERT INTO questionnaire_responses(transcript_id, instrument, item, value, updated_at, updated_by)
            VALUES (:transcriptId, :instrument, :item, :value, :now, :userId)
            ON CONFLICT (transcript_id, instrument, item) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
    void putResponse(long transcriptId, String instrument, String item, double value, String now, long userId);

    @SqlUpdate("DELETE FROM questionnaire_responses WHERE transcript_id = :transcriptId AND instrument = :instrument AND item = :item")
    void clearResponse(long transcriptId, String instrument, String item);

    @SqlQuery("SELECT id, name, project_id FROM transcripts WHERE id = :id AND deleted_at IS NULL")
    @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(TranscriptRow.class)
    Optional<TranscriptRow> transcript(long id);

    @SqlQuery("SELECT id, name, project_id FROM transcripts WHERE project_id = :projectId AND deleted_at IS NULL ORDER BY name, id")
    @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(TranscriptRow.class)
    List<TranscriptRow> transcripts(long projectId);
}
