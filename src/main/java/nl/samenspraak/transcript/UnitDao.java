package nl.samenspraak.transcript;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.List;
import java.util.Optional;

/** Units (utterances) as the unit editor reads and corrects them, and what blocks a correction. */
@RegisterConstructorMapper(UnitDao.Unit.class)
public interface UnitDao {
    /**
     * A unit with what blocks changing it: its codes (any coder), code changes in the log (a code
     * set and cleared still counts), and trainer feedback on it.
     */
    record Unit(long id, long transcriptId, int seq, String speakerLabel, String speakerRole, String text, Long startMs, Long endMs,
                int codes, int coders, int loggedCodes, int feedback) {}

    String SELECT = """
            SELECT u.id, u.transcript_id, u.seq, u.speaker_label, u.speaker_role, u.text, u.start_ms, u.end_ms,
                   (SELECT COUNT(*) FROM codes c WHERE c.utterance_id = u.id) AS codes,
                   (SELECT COUNT(DISTINCT c.coder_id) FROM codes c WHERE c.utterance_id = u.id) AS coders,
                   (SELECT COUNT(*) FROM change_log l WHERE l.utterance_id = u.id AND l.entity = 'code') AS logged_codes,
                   (SELECT COUNT(*) FROM feedback f WHERE f.utterance_id = u.id) AS feedback
            FROM utterances u""";

    @SqlQuery(SELECT + " WHERE u.id = :id")
    Optional<Unit> find(long id);

    @SqlQuery(SELECT + " WHERE u.transcript_id = :transcriptId AND u.seq = :seq")
    Optional<Unit> at(long transcriptId, int seq);

    @SqlQuery(SELECT + " WHERE u.transcript_id = :transcriptId ORDER BY u.seq")
    List<Unit> all(long transcriptId);

    /** Makes room after {@code seq} (or closes a gap): two steps, as SQLite checks UNIQUE(transcript_id, seq) row by row. */
    @SqlUpdate("UPDATE utterances SET seq = -(seq + :by) WHERE transcript_id = :transcriptId AND seq > :seq")
    void shiftAway(long transcriptId, int seq, int by);

    @SqlUpdate("UPDATE utterances SET seq = -seq WHERE transcript_id = :transcriptId AND seq < 0")
    void shiftBack(long transcriptId);

    @SqlUpdate("""
            INSERT INTO utterances(transcript_id, seq, speaker_label, speaker_role, text, start_ms, end_ms)
            VALUES (:transcriptId, :seq, :speakerLabel, :speakerRole, :text, :startMs, :endMs)""")
    void insert(long transcriptId, int seq, String speakerLabel, String speakerRole, String text, Long startMs, Long endMs);

    @SqlUpdate("UPDATE utterances SET text = :text, start_ms = :startMs, end_ms = :endMs WHERE id = :id")
    void retext(long id, String text, Long startMs, Long endMs);

    @SqlUpdate("UPDATE utterances SET speaker_label = :label, speaker_role = :role WHERE id = :id")
    void respeak(long id, String label, String role);

    /** The seq after which a unit starting at {@code startMs} goes: the last unit starting before it (0 when none). */
    @SqlQuery("SELECT COALESCE(MAX(seq), 0) FROM utterances WHERE transcript_id = :transcriptId AND start_ms < :startMs")
    int seqBefore(long transcriptId, long startMs);

    @SqlQuery("SELECT COUNT(*) FROM utterances WHERE transcript_id = :transcriptId AND start_ms IS NULL")
    int untimed(long transcriptId);

    @SqlQuery("""
            INSERT INTO utterances(transcript_id, seq, speaker_label, speaker_role, text, start_ms, end_ms)
            VALUES (:transcriptId, :seq, :speakerLabel, :speakerRole, :text, :startMs, :endMs) RETURNING id""")
    long insertReturningId(long transcriptId, int seq, String speakerLabel, String speakerRole, String text, Long startMs, Long endMs);

    @SqlUpdate("""
            UPDATE utterances SET speaker_label = :speakerLabel, speaker_role = :speakerRole, text = :text, start_ms = :startMs, end_ms = :endMs
            WHERE id = :id""")
    void rewrite(long id, String speakerLabel, String speakerRole, String text, Long startMs, Long endMs);

    /** A project's unitizing settings and a recording's duration (null when unknown). */
    @SqlQuery("SELECT CASE WHEN units_per_coder = 1 THEN 'independent' ELSE unitizing END || ' ' || units_after_coding FROM projects WHERE id = :projectId")
    String unitRules(long projectId);

    @SqlQuery("SELECT duration_ms FROM media WHERE transcript_id = :transcriptId")
    Optional<Long> durationMs(long transcriptId);

    /** A logged unit change, as undo and a replayed operation read it. */
    record Logged(long id, String at, long userId, Long transcriptId, String entity, String field, String beforeValue, String afterValue) {}

    @SqlQuery("SELECT id, at, user_id, transcript_id, entity, field, before_value, after_value FROM change_log WHERE op_id = :opId")
    @RegisterConstructorMapper(Logged.class)
    Optional<Logged> byOp(String opId);

    /** The caller's newest unit change to a transcript that has not been undone (undo rows are 'unit.undo:<id of the change>'). */
    @SqlQuery("""
            SELECT l.id, l.at, l.user_id, l.transcript_id, l.entity, l.field, l.before_value, l.after_value FROM change_log l
            WHERE l.transcript_id = :transcriptId AND l.user_id = :userId AND l.entity = 'transcript'
              AND l.field LIKE 'unit.%' AND l.field NOT LIKE 'unit.undo:%'
              AND NOT EXISTS (SELECT 1 FROM change_log x WHERE x.transcript_id = l.transcript_id AND x.field = 'unit.undo:' || l.id)
            ORDER BY l.id DESC LIMIT 1""")
    @RegisterConstructorMapper(Logged.class)
    Optional<Logged> lastUndoable(long transcriptId, long userId);

    @SqlQuery("""
            INSERT INTO change_log(at, user_id, entity, project_id, transcript_id, field, before_value, after_value, op_id)
            VALUES (:now, :userId, 'transcript', :projectId, :transcriptId, :field, :before, :after, :opId) RETURNING id""")
    long logOp(String now, long userId, long projectId, long transcriptId, String field, String before, String after, String opId);

    @SqlUpdate("DELETE FROM utterances WHERE id = :id")
    void delete(long id);

    @SqlUpdate("""
            INSERT INTO change_log(at, user_id, entity, project_id, transcript_id, field, before_value, after_value)
            VALUES (:now, :userId, 'transcript', :projectId, :transcriptId, :field, :before, :after)""")
    void log(String now, long userId, long projectId, long transcriptId, String field, String before, String after);
}
