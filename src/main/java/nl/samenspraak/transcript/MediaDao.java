package nl.samenspraak.transcript;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.List;
import java.util.Optional;

@RegisterConstructorMapper(Media.class)
@RegisterConstructorMapper(MediaDao.UnitCopy.class)
public interface MediaDao {
    /** A live coder's own copy of a transcript's recording (independent unitizing): its coder, its units, its stored file. */
    record UnitCopy(long id, String coder, int units, String storedName) {}

    @SqlQuery("""
            SELECT c.id, u.name AS coder, (SELECT COUNT(*) FROM utterances x WHERE x.transcript_id = c.id) AS units, m.stored_name
            FROM transcripts c JOIN users u ON u.id = c.unitized_by LEFT JOIN media m ON m.transcript_id = c.id
            WHERE c.source_transcript_id = :transcriptId AND c.deleted_at IS NULL ORDER BY u.name, c.id""")
    List<UnitCopy> unitCopies(long transcriptId);

    /** The transcript whose recording this one is a coder's own copy of, if it is one. */
    @SqlQuery("SELECT source_transcript_id FROM transcripts WHERE id = :transcriptId AND source_transcript_id IS NOT NULL")
    Optional<Long> sourceOf(long transcriptId);

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
