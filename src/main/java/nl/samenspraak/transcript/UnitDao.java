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

    @SqlUpdate("DELETE FROM utterances WHERE id = :id")
    void delete(long id);

    @SqlUpdate("""
            INSERT INTO change_log(at, user_id, entity, project_id, transcript_id, field, before_value, after_value)
            VALUES (:now, :userId, 'transcript', :projectId, :transcriptId, :field, :before, :after)""")
    void log(String now, long userId, long projectId, long transcriptId, String field, String before, String after);
}
