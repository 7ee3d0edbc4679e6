package nl.samenspraak.transcript;

import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.List;

/** The staged import: a hidden transcript, its units in batches, then one small step that shows it, or removal. */
public interface ImportDao {
    @SqlQuery("""
            INSERT INTO transcripts(project_id, name, file_name, format, segmentation, roles_confirmed, created_at, created_by,
                                    deleted_at, import_state)
            VALUES (:projectId, :name, :fileName, '', :segmentation, 0, :now, :createdBy, :now, 'importing') RETURNING id""")
    long insertHidden(long projectId, String name, String fileName, String segmentation, String now, Long createdBy);

    @SqlBatch("""
            INSERT INTO utterances(transcript_id, seq, speaker_label, speaker_role, text, start_ms, end_ms)
            VALUES (:transcriptId, :u.seq, :u.speakerLabel, :u.role, :u.text, :u.startMs, :u.endMs)""")
    void insertUnits(long transcriptId, @BindMethods("u") List<TranscriptDao.NewUtterance> units);

    @SqlQuery("""
            SELECT EXISTS (SELECT 1 FROM transcripts WHERE project_id = :projectId AND name = :name AND deleted_at IS NULL)""")
    boolean nameTaken(long projectId, String name);

    @SqlUpdate("""
            UPDATE transcripts SET format = :format, roles_confirmed = :rolesConfirmed, deleted_at = NULL, import_state = NULL
            WHERE id = :id AND import_state = 'importing'""")
    int show(long id, String format, boolean rolesConfirmed);

    /** A shown transcript hidden again, so that it can be removed as a failed import's (a larger import failed after it). */
    @SqlUpdate("UPDATE transcripts SET import_state = 'importing', deleted_at = :now WHERE id = :id")
    void hideAgain(long id, String now);

    @SqlQuery("SELECT id FROM transcripts WHERE import_state = 'importing' ORDER BY id")
    List<Long> unfinished();

    /** One slice of a failed import's units; repeated until none is left, so no step holds the write path long. */
    @SqlUpdate("""
            DELETE FROM utterances WHERE id IN (SELECT u.id FROM utterances u JOIN transcripts t ON t.id = u.transcript_id
                                                WHERE u.transcript_id = :id AND t.import_state = 'importing' LIMIT :limit)""")
    int removeUnits(long id, int limit);

    @SqlUpdate("DELETE FROM transcript_speakers WHERE transcript_id = :id AND EXISTS (SELECT 1 FROM transcripts WHERE id = :id AND import_state = 'importing')")
    void removeSpeakers(long id);

    @SqlUpdate("DELETE FROM transcripts WHERE id = :id AND import_state = 'importing'")
    void removeTranscript(long id);

    /** A project the command line made for an import that then failed: removed while it holds nothing. */
    @SqlUpdate("""
            DELETE FROM projects WHERE id = :id AND NOT EXISTS (SELECT 1 FROM transcripts WHERE project_id = :id)
              AND NOT EXISTS (SELECT 1 FROM project_members WHERE project_id = :id)""")
    void removeEmptyProject(long id);
}
