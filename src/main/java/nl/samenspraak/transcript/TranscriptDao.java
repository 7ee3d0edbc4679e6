package nl.samenspraak.transcript;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.List;
import java.util.Optional;

@RegisterConstructorMapper(Transcript.class)
@RegisterConstructorMapper(Utterance.class)
public interface TranscriptDao {
    String SELECT = """
            SELECT t.id, t.project_id, t.name, t.file_name, t.format, t.segmentation, t.roles_confirmed, t.created_at,
                   (SELECT COUNT(*) FROM utterances u WHERE u.transcript_id = t.id) AS units,
                   t.source_transcript_id, (SELECT s.name FROM transcripts s WHERE s.id = t.source_transcript_id) AS source_transcript,
                   t.unitized_by, (SELECT c.name FROM users c WHERE c.id = t.unitized_by) AS unitized_by_name
            FROM transcripts t""";

    @SqlQuery(SELECT + " WHERE t.id = :id AND t.deleted_at IS NULL")
    Optional<Transcript> find(long id);

    @SqlQuery(SELECT + " WHERE t.project_id = :projectId AND t.name = :name AND t.deleted_at IS NULL")
    Optional<Transcript> findByName(long projectId, String name);

    @SqlQuery(SELECT + " WHERE t.project_id = :projectId AND t.deleted_at IS NULL ORDER BY t.name, t.id")
    List<Transcript> list(long projectId);

    /** The transcripts open to a coder (view open_transcripts): those assigned to them, or all while the project has no assignment. */
    @SqlQuery(SELECT + """
             WHERE t.project_id = :projectId AND t.deleted_at IS NULL
              AND t.id IN (SELECT o.transcript_id FROM open_transcripts o WHERE o.project_id = :projectId AND o.user_id = :userId)
            ORDER BY t.name, t.id""")
    List<Transcript> listAssigned(long projectId, long userId);


    @SqlQuery("""
            SELECT id, seq, speaker_label, speaker_role, text, start_ms, end_ms FROM utterances
            WHERE transcript_id = :transcriptId ORDER BY seq""")
    List<Utterance> utterances(long transcriptId);

    @SqlUpdate("INSERT INTO transcript_speakers(transcript_id, label, role, source) VALUES (:transcriptId, :label, :role, :source)")
    void insertSpeaker(long transcriptId, String label, String role, String source);

    @SqlUpdate("UPDATE transcript_speakers SET role = :role, source = 'given' WHERE transcript_id = :transcriptId AND label = :label")
    int confirmSpeaker(long transcriptId, String label, String role);

    @SqlQuery("""
            SELECT s.label, s.role AS role, s.source,
                   (SELECT COUNT(*) FROM utterances u WHERE u.transcript_id = s.transcript_id AND u.speaker_label = s.label) AS units
            FROM transcript_speakers s WHERE s.transcript_id = :transcriptId ORDER BY s.label""")
    @RegisterConstructorMapper(Speaker.class)
    List<Speaker> speakers(long transcriptId);

    @SqlUpdate("UPDATE utterances SET speaker_role = :role WHERE transcript_id = :transcriptId AND speaker_label = :label")
    int setRole(long transcriptId, String label, String role);

    @SqlUpdate("""
            UPDATE transcripts SET roles_confirmed = CASE WHEN EXISTS (
              SELECT 1 FROM transcript_speakers s WHERE s.transcript_id = :transcriptId AND s.source <> 'given') THEN 0 ELSE 1 END
            WHERE id = :transcriptId""")
    void updateRolesConfirmed(long transcriptId);

    @SqlUpdate("UPDATE transcripts SET deleted_at = :now, deleted_by = :userId WHERE id = :id AND deleted_at IS NULL")
    int softDelete(long id, String now, long userId);

    @SqlUpdate("""
            INSERT INTO change_log(at, user_id, entity, project_id, transcript_id, field, before_value, after_value)
            VALUES (:now, :userId, 'transcript', :projectId, :transcriptId, :field, :before, :after)""")
    void log(String now, long userId, long projectId, long transcriptId, String field, String before, String after);

    /** One utterance to insert; {@code role()} is the stored key. */
    record NewUtterance(int seq, String speakerLabel, String role, String text, Long startMs, Long endMs) {}
}
