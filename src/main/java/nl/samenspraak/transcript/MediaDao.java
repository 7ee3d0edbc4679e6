package nl.samenspraak.transcript;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.Optional;

@RegisterConstructorMapper(Media.class)
public interface MediaDao {
    @SqlQuery("""
            SELECT m.transcript_id, m.file_name, m.stored_name, m.content_type, m.size_bytes, m.uploaded_at, m.uploaded_by, m.duration_ms
            FROM media m JOIN transcripts t ON t.id = m.transcript_id
            WHERE m.transcript_id = :transcriptId AND t.deleted_at IS NULL""")
    Optional<Media> find(long transcriptId);

    @SqlUpdate("""
            INSERT INTO media(transcript_id, file_name, stored_name, content_type, size_bytes, uploaded_at, uploaded_by, duration_ms)
            VALUES (:transcriptId, :fileName, :storedName, :contentType, :sizeBytes, :uploadedAt, :uploadedBy, :durationMs)
            ON CONFLICT(transcript_id) DO UPDATE SET file_name = excluded.file_name, stored_name = excluded.stored_name,
              content_type = excluded.content_type, size_bytes = excluded.size_bytes,
              uploaded_at = excluded.uploaded_at, uploaded_by = excluded.uploaded_by, duration_ms = excluded.duration_ms""")
    void upsert(long transcriptId, String fileName, String storedName, String contentType, long sizeBytes,
                String uploadedAt, Long uploadedBy, Long durationMs);

    /** A transcript made from a recording alone: format 'recording', no units yet, no speakers to confirm. */
    @SqlQuery("""
            INSERT INTO transcripts(project_id, name, file_name, format, segmentation, roles_confirmed, created_at, created_by)
            VALUES (:projectId, :name, :fileName, 'recording', 'turn', 1, :now, :createdBy) RETURNING id""")
    long insertRecordingTranscript(long projectId, String name, String fileName, String now, long createdBy);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM transcripts WHERE project_id = :projectId AND name = :name AND deleted_at IS NULL)")
    boolean nameTaken(long projectId, String name);
}
