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

    static String code(Connection c, long utteranceId, long coderId, String dimension) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT code FROM codes WHERE utterance_id = ? AND coder_id = ? AND dimension = ?")) {
            s.setLong(1, utteranceId);
            s.setLong(2, coderId);
            s.setString(3, dimension);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    static void upsert(Connection c, long utteranceId, long coderId, String dimension, String code, long codebookId, String now)
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

    static void delete(Connection c, long utteranceId, long coderId, String dimension) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM codes WHERE utterance_id = ? AND coder_id = ? AND dimension = ?")) {
            s.setLong(1, utteranceId);
            s.setLong(2, coderId);
            s.setString(3, dimension);
            s.executeUpdate();
        }
    }

    /** Appends the change-log row of a code save; returns its id. */
    static long log(Connection c, String now, long userId, long coderId, long projectId, long transcriptId, long utteranceId,
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
