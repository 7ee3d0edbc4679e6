package nl.samenspraak.erasure;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.List;
import java.util.Optional;

/**
 * Everything a transcript's erasure reads and removes. The deletes run in one transaction, children
 * first (foreign keys are on), between {@link #begin} and {@link #end}, which open and close the one
 * way past the change log's append-only trigger (migration V012).
 */
@RegisterConstructorMapper(ErasureDao.Subject.class)
@RegisterConstructorMapper(Erasure.Tombstone.class)
public interface ErasureDao {
    /** A transcript as erasure sees it: live or soft-deleted, with its project. */
    record Subject(long id, long projectId, String project, String name, boolean deleted) {}

    String UNITS = "(SELECT id FROM utterances WHERE transcript_id = :t)";
    /** The transcript and the coders' own copies of its recording. */
    String FAMILY = "(SELECT id FROM transcripts WHERE id = :t OR source_transcript_id = :t)";
    String CHANGES = "(SELECT id FROM change_log WHERE transcript_id = :t OR utterance_id IN " + UNITS + ")";

    @SqlQuery("""
            SELECT t.id, t.project_id, p.name AS project, t.name, t.deleted_at IS NOT NULL AS deleted
            FROM transcripts t JOIN projects p ON p.id = t.project_id WHERE t.id = :t""")
    Optional<Subject> subject(long t);

    @SqlQuery("""
            SELECT e.id, e.transcript_id, e.project_id, u.name AS erased_by, e.erased_at, e.reason, e.removed
            FROM erasures e JOIN users u ON u.id = e.erased_by WHERE e.transcript_id = :t""")
    Optional<Erasure.Tombstone> tombstone(long t);

    @SqlQuery("SELECT COUNT(*) FROM utterances WHERE transcript_id = :t")
    int units(long t);

    @SqlQuery("SELECT COUNT(*) FROM codes WHERE utterance_id IN " + UNITS)
    int codes(long t);

    @SqlQuery("SELECT COUNT(DISTINCT coder_id) FROM (SELECT coder_id FROM codes WHERE utterance_id IN " + UNITS
            + " UNION ALL SELECT coder_id FROM ratings WHERE transcript_id = :t) AS coders")
    int coders(long t);

    @SqlQuery("SELECT COUNT(*) FROM ratings WHERE transcript_id = :t")
    int ratings(long t);

    @SqlQuery("SELECT COUNT(*) FROM feedback WHERE transcript_id = :t")
    int feedback(long t);

    @SqlQuery("""
            SELECT (SELECT COUNT(*) FROM session_values WHERE transcript_id = :t)
                 + (SELECT COUNT(*) FROM questionnaire_responses WHERE transcript_id = :t)
                 + (SELECT COUNT(*) FROM session_professionals WHERE transcript_id = :t)""")
    int sessionData(long t);

    @SqlQuery("SELECT COUNT(*) FROM calibrations WHERE transcript_id = :t")
    int calibrations(long t);

    @SqlQuery("SELECT COUNT(*) FROM change_log WHERE id IN " + CHANGES)
    int changes(long t);

    /** The coders' own copies of the transcript's recording (independent unitizing, V014) not erased yet, soft-deleted ones too. */
    @SqlQuery("SELECT id FROM transcripts WHERE source_transcript_id = :t AND id NOT IN (SELECT transcript_id FROM erasures) ORDER BY id")
    List<Long> copies(long t);

    /** The coders of the transcript and of its copies, each once. */
    @SqlQuery("SELECT COUNT(DISTINCT coder_id) FROM (SELECT coder_id FROM codes WHERE utterance_id IN (SELECT id FROM utterances WHERE transcript_id IN "
            + FAMILY + ") UNION ALL SELECT coder_id FROM ratings WHERE transcript_id IN " + FAMILY + ") AS coders")
    int codersWithCopies(long t);

    @SqlQuery("SELECT file_name FROM media WHERE transcript_id = :t")
    Optional<String> recording(long t);

    @SqlQuery("SELECT stored_name FROM media WHERE transcript_id = :t")
    Optional<String> storedRecording(long t);

    @SqlUpdate("INSERT INTO erasing(transcript_id) VALUES (:t)")
    void begin(long t);

    @SqlUpdate("DELETE FROM erasing WHERE transcript_id = :t")
    void end(long t);

    @SqlUpdate("DELETE FROM adjudications WHERE change_id IN " + CHANGES)
    void deleteAdjudications(long t);

    @SqlUpdate("DELETE FROM change_log WHERE id IN " + CHANGES)
    int deleteChanges(long t);

    @SqlUpdate("DELETE FROM feedback WHERE transcript_id = :t")
    void deleteFeedback(long t);

    @SqlUpdate("DELETE FROM codes WHERE utterance_id IN " + UNITS)
    void deleteCodes(long t);

    @SqlUpdate("DELETE FROM ratings WHERE transcript_id = :t")
    void deleteRatings(long t);

    @SqlUpdate("DELETE FROM session_values WHERE transcript_id = :t")
    void deleteSessionValues(long t);

    @SqlUpdate("DELETE FROM questionnaire_responses WHERE transcript_id = :t")
    void deleteQuestionnaireResponses(long t);

    @SqlUpdate("DELETE FROM session_professionals WHERE transcript_id = :t")
    void deleteSessionProfessional(long t);

    @SqlUpdate("DELETE FROM calibrations WHERE transcript_id = :t")
    void deleteCalibrations(long t);

    @SqlUpdate("DELETE FROM transcript_references WHERE transcript_id = :t")
    void deleteReference(long t);

    @SqlUpdate("DELETE FROM assignments WHERE transcript_id = :t")
    void deleteAssignments(long t);

    @SqlUpdate("DELETE FROM media WHERE transcript_id = :t")
    void deleteMedia(long t);

    /** The newest row of the code change log (migration V015), 0 when it is empty. */
    @SqlQuery("SELECT COALESCE(MAX(id), 0) FROM code_changes")
    long lastCodeChange();

    /** The transcript's rows of the code change log: its units' codes and its unit marks. */
    @SqlUpdate("DELETE FROM code_changes WHERE (coder_id IS NULL AND target = :t) OR (coder_id IS NOT NULL AND target IN " + UNITS + ")")
    void deleteCodeChanges(long t);

    /** The rows the triggers wrote while the erasure deleted codes and units: every row after {@code after}. */
    @SqlUpdate("DELETE FROM code_changes WHERE id > :after")
    void deleteCodeChangesAfter(long after);

    /**
     * A row naming no transcript above every id the log had, so that the next row's id does not reuse one a cache
     * has seen (SQLite gives the largest id + 1); the erased transcript leaves the caches as no longer live.
     */
    @SqlUpdate("INSERT INTO code_changes(id, target) VALUES (:id, 0)")
    void codeChangesPassed(long id);

    @SqlUpdate("DELETE FROM utterances WHERE transcript_id = :t")
    void deleteUtterances(long t);

    @SqlUpdate("DELETE FROM transcript_speakers WHERE transcript_id = :t")
    void deleteSpeakers(long t);

    /** The project's saved copy of its code cache (reliability.CodeCache): it holds the erased transcript's codes as numbers. */
    @SqlUpdate("DELETE FROM code_cache_snapshots WHERE project_id = :projectId")
    void deleteCodeCacheCopy(long projectId);

    /** The row stays (other tables' foreign keys, the tombstone point at it) without its name or file name. */
    @SqlUpdate("""
            UPDATE transcripts SET name = 'erased-' || id, file_name = '', deleted_at = COALESCE(deleted_at, :now),
                   deleted_by = COALESCE(deleted_by, :userId) WHERE id = :t""")
    void blank(long t, String now, long userId);

    @SqlQuery("""
            INSERT INTO erasures(transcript_id, project_id, erased_by, erased_at, reason, removed)
            VALUES (:t, :projectId, :userId, :now, :reason, :removed) RETURNING id""")
    long insertTombstone(long t, long projectId, long userId, String now, String reason, String removed);

    @SqlUpdate("""
            INSERT INTO change_log(at, user_id, entity, project_id, transcript_id, field, before_value, after_value)
            VALUES (:now, :userId, 'transcript', :projectId, :t, 'erased', NULL, :entry)""")
    void logTombstone(long t, long projectId, long userId, String now, String entry);
}
