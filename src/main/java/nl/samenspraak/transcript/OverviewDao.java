package nl.samenspraak.transcript;

import nl.samenspraak.codebook.SpeakerRole;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.util.List;

/** The speakers and recordings of all live transcripts of a project, in one query each (the transcript list page). */
@RegisterConstructorMapper(OverviewDao.ListedSpeaker.class)
@RegisterConstructorMapper(Media.class)
public interface OverviewDao {
    record ListedSpeaker(long transcriptId, String label, SpeakerRole role, String source, int units) {}

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM projects WHERE id = :projectId)")
    boolean projectExists(long projectId);

    @SqlQuery("""
            SELECT s.transcript_id, s.label, s.role, s.source,
                   (SELECT COUNT(*) FROM utterances u WHERE u.transcript_id = s.transcript_id AND u.speaker_label = s.label) AS units
            FROM transcript_speakers s JOIN transcripts t ON t.id = s.transcript_id
            WHERE t.project_id = :projectId AND t.deleted_at IS NULL ORDER BY s.transcript_id, s.label""")
    List<ListedSpeaker> speakers(long projectId);

    @SqlQuery("""
            SELECT m.transcript_id, m.file_name, m.stored_name, m.content_type, m.size_bytes, m.uploaded_at, m.uploaded_by, m.duration_ms
            FROM media m JOIN transcripts t ON t.id = m.transcript_id
            WHERE t.project_id = :projectId AND t.deleted_at IS NULL""")
    List<Media> recordings(long projectId);
}
