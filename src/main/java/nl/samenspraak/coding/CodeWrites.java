package nl.samenspraak.coding;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Optional;

/**
 * The statements of one code save, in plain JDBC on the group-commit connection. Every save of
 * every coder runs these on the one committer thread, and there Jdbi's per-statement set-up (config
 * copies, SQL Object proxies) cost several times the SQLite work itself (profiled with JFR under the
 * save benchmark), so this one hot path skips it.
 */
final class CodeWrites {
    private CodeWrites() {}

    /**
     * One query before every save (on the request thread), so it too skips Jdbi's mapping machinery. Whether
     * the transcript is open to the caller comes from the view {@code open_transcripts}, like every other use of that rule.
     */
    static final String TARGET = """
            SELECT u.id, t.id, t.project_id, u.speaker_role,
                   (SELECT MAX(cb.id) FROM codebooks cb WHERE cb.key = p.codebook_key),
                   EXISTS (SELECT 1 FROM open_transcripts o WHERE o.transcript_id = t.id AND o.user_id = ?),
                   u.speaker_label
            FROM utterances u JOIN transcripts t ON t.id = u.transcript_id JOIN projects p ON p.id = t.project_id
            WHERE u.id = ? AND t.deleted_at IS NULL""";

    static Optional<CodingDao.Target> target(Connection c, long utteranceId, long userId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(TARGET)) {
            s.setLong(1, userId);
            s.setLong(2, utteranceId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) return Optional.empty();
                return Optional.of(new CodingDao.Target(r.getLong(1), r.getLong(2), r.getLong(3), r.getString(4), r.getLong(5),
                        r.getBoolean(6), r.getString(7)));
            }
        }
    }

    static Optional<Change> changeByOp(Connection c, String opId) throws SQLException {
        if (opId == null) return Optional.empty();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT id, at, user_id, entity, transcript_id, utterance_id, coder_id, field, before_value, after_value, op_id
                FROM change_log WHERE op_id = ?""")) {
            s.setString(1, opId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) return Optional.empty();
                return Optional.of(new Change(r.getLong(1), r.getString(2), r.getLong(3), r.getString(4), nullableLong(r, 5),
                        nullableLong(r, 6), nullableLong(r, 7), r.getString(8), r.getString(9), r.getString(10), r.getString(11)));
            }
        }
    }

    /** What a save wrote: its change-log row's id and the code it replaced (null: none). */
    record Written(long changeId, String before) {}

    /**
     * Sets (code non-null) or clears (code null) one coder's code and appends its change-log row: the rows every code
     * save writes, the HTTP path's and the save benchmark's anchor's alike. Empty when {@code opId} is in the change log
     * already: then nothing was written, and the caller answers from that row (a replay, or a conflict).
     *
     * <p>SQLite runs the statements one after the other in its own process. On PostgreSQL each statement is a round
     * trip to the server, and the group commit's one thread runs every save of a batch after the other, so there the
     * operation id's check, the code before, the upsert or delete and the change-log row are one statement
     * ({@link #PG_SAVE}, {@link #PG_CLEAR}): one round trip instead of four. Both write the same rows
     * ({@code CodeWritesEquivalenceTest} runs on both stores).
     */
    static Optional<Written> save(Connection c, boolean postgres, long userId, long coderId, long projectId, long transcriptId, long utteranceId,
                                  String dimension, String code, long codebookId, String now, String opId) throws SQLException {
        if (postgres) return saveInOne(c, userId, coderId, projectId, transcriptId, utteranceId, dimension, code, codebookId, now, opId);
        if (changeByOp(c, opId).isPresent()) return Optional.empty();
        String before = code(c, utteranceId, coderId, dimension);
        if (code == null) delete(c, utteranceId, coderId, dimension);
        else upsert(c, utteranceId, coderId, dimension, code, codebookId, now);
        return Optional.of(new Written(log(c, now, userId, coderId, projectId, transcriptId, utteranceId, dimension, before, code, opId), before));
    }

    /*
     * PostgreSQL's save in one statement. Every part of a statement sees the rows as they were before it (one snapshot),
     * so "prior" reads the code the upsert replaces; "fresh" is false when the operation id was used, and then neither
     * the code nor the log is written and no row comes back. Parameters: the cell (3), the operation id, then the write's
     * own, then the change-log row's.
     */
    private static final String PG_PRIOR = """
            WITH prior AS (SELECT code FROM codes WHERE utterance_id = ? AND coder_id = ? AND dimension = ?),
                 fresh AS (SELECT NOT EXISTS (SELECT 1 FROM change_log WHERE op_id = ?) AS ok),
            """;
    private static final String PG_LOG = """
            INSERT INTO change_log(at, user_id, entity, project_id, transcript_id, utterance_id, coder_id, field,
                                   before_value, after_value, op_id)
            SELECT ?, ?, 'code', ?, ?, ?, ?, ?, (SELECT code FROM prior), ?, ? FROM fresh WHERE ok
            RETURNING id, before_value""";
    static final String PG_SAVE = PG_PRIOR + """
                 written AS (INSERT INTO codes(utterance_id, coder_id, dimension, code, codebook_id, updated_at)
                             SELECT ?, ?, ?, ?, ?, ? FROM fresh WHERE ok
                             ON CONFLICT(utterance_id, coder_id, dimension)
                             DO UPDATE SET code = excluded.code, codebook_id = excluded.codebook_id, updated_at = excluded.updated_at)
            """ + PG_LOG;
    static final String PG_CLEAR = PG_PRIOR + """
                 written AS (DELETE FROM codes WHERE utterance_id = ? AND coder_id = ? AND dimension = ? AND (SELECT ok FROM fresh))
            """ + PG_LOG;

    private static Optional<Written> saveInOne(Connection c, long userId, long coderId, long projectId, long transcriptId, long utteranceId,
                                               String dimension, String code, long codebookId, String now, String opId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(code == null ? PG_CLEAR : PG_SAVE)) {
            int i = 0;
            s.setLong(++i, utteranceId);
            s.setLong(++i, coderId);
            s.setString(++i, dimension);
            setNullable(s, ++i, opId);
            s.setLong(++i, utteranceId);
            s.setLong(++i, coderId);
            s.setString(++i, dimension);
            if (code != null) {
                s.setString(++i, code);
                s.setLong(++i, codebookId);
                s.setString(++i, now);
            }
            s.setString(++i, now);
            s.setLong(++i, userId);
            s.setLong(++i, projectId);
            s.setLong(++i, transcriptId);
            s.setLong(++i, utteranceId);
            s.setLong(++i, coderId);
            s.setString(++i, dimension);
            setNullable(s, ++i, code);
            setNullable(s, ++i, opId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new Written(r.getLong(1), r.getString(2))) : Optional.empty();
            }
        }
    }

    private static String code(Connection c, long utteranceId, long coderId, String dimension) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT code FROM codes WHERE utterance_id = ? AND coder_id = ? AND dimension = ?")) {
            s.setLong(1, utteranceId);
            s.setLong(2, coderId);
            s.setString(3, dimension);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    private static void upsert(Connection c, long utteranceId, long coderId, String dimension, String code, long codebookId, String now)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO codes(utterance_id, coder_id, dimension, code, codebook_id, updated_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT(utterance_id, coder_id, dimension)
                DO UPDATE SET code = excluded.code, codebook_id = excluded.codebook_id, updated_at = excluded.updated_at""")) {
            s.setLong(1, utteranceId);
            s.setLong(2, coderId);
            s.setString(3, dimension);
            s.setString(4, code);
            s.setLong(5, codebookId);
            s.setString(6, now);
            s.executeUpdate();
        }
    }

    private static void delete(Connection c, long utteranceId, long coderId, String dimension) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM codes WHERE utterance_id = ? AND coder_id = ? AND dimension = ?")) {
            s.setLong(1, utteranceId);
            s.setLong(2, coderId);
            s.setString(3, dimension);
            s.executeUpdate();
        }
    }

    /** Appends the change-log row of a code save; returns its id. */
    private static long log(Connection c, String now, long userId, long coderId, long projectId, long transcriptId, long utteranceId,
                    String dimension, String before, String after, String opId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO change_log(at, user_id, entity, project_id, transcript_id, utterance_id, coder_id, field,
                                       before_value, after_value, op_id)
                VALUES (?, ?, 'code', ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")) {
            s.setString(1, now);
            s.setLong(2, userId);
            s.setLong(3, projectId);
            s.setLong(4, transcriptId);
            s.setLong(5, utteranceId);
            s.setLong(6, coderId);
            s.setString(7, dimension);
            setNullable(s, 8, before);
            setNullable(s, 9, after);
            setNullable(s, 10, opId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static void setNullable(PreparedStatement s, int i, String v) throws SQLException {
        if (v == null) s.setNull(i, Types.VARCHAR);
        else s.setString(i, v);
    }

    private static Long nullableLong(ResultSet r, int i) throws SQLException {
        long v = r.getLong(i);
        return r.wasNull() ? null : v;
    }
}
