package nl.samenspraak.review;

import nl.samenspraak.account.User;
import nl.samenspraak.app.ApiException;
import nl.samenspraak.app.Writes;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Linking a session to its professional, feedback on a session and its units, and a professional's own sessions. */
public final class ReviewService {
    public static final int MAX_FEEDBACK = 4000;

    private final Jdbi jdbi;
    private final Writes writes;
    final ReviewAccess access;

    public ReviewService(Jdbi jdbi, Writes writes, nl.samenspraak.account.Access access) {
        this.jdbi = jdbi;
        this.writes = writes;
        this.access = new ReviewAccess(jdbi, access);
    }

    public record NewProfessional(Long userId) {}
    public record Professional(long transcriptId, Long userId, String name) {}
    public record NewFeedback(Long utteranceId, String text) {}
    public record Feedback(long id, long transcriptId, Long utteranceId, Integer unit, long authorId, String author, String createdAt, String text) {}
    public record MySession(long transcriptId, String transcript, long projectId, String project, String createdAt, int feedback) {}

    /** Links (or, with no userId, unlinks) the professional of a session. */
    public Professional link(User user, long transcriptId, NewProfessional body) {
        access.staff(user, transcriptId);
        if (body.userId() == null) {
            writes.useTransaction(h -> h.createUpdate("DELETE FROM session_professionals WHERE transcript_id = :t").bind("t", transcriptId).execute());
            return new Professional(transcriptId, null, null);
        }
        String name = jdbi.withHandle(h -> h.createQuery("SELECT name FROM users WHERE id = :u").bind("u", body.userId())
                .mapTo(String.class).findOne()).orElseThrow(() -> ApiException.badRequest(
                "Field 'userId': there is no user " + body.userId() + ".", Map.of("userId", body.userId())));
        writes.useTransaction(h -> h.createUpdate("""
                INSERT INTO session_professionals (transcript_id, user_id, set_by, set_at) VALUES (:t, :u, :by, :at)
                ON CONFLICT (transcript_id) DO UPDATE SET user_id = :u, set_by = :by, set_at = :at""")
                .bind("t", transcriptId).bind("u", body.userId()).bind("by", user.id()).bind("at", Instant.now().toString()).execute());
        return new Professional(transcriptId, body.userId(), name);
    }

    public Feedback add(User user, long transcriptId, NewFeedback body) {
        access.staff(user, transcriptId);
        String text = body.text() == null ? "" : body.text().strip();
        if (text.isEmpty()) throw ApiException.badRequest("Field 'text': write the feedback; it is empty.");
        if (text.length() > MAX_FEEDBACK) throw ApiException.badRequest("Field 'text': feedback holds at most " + MAX_FEEDBACK + " characters; this has " + text.length() + ".");
        if (body.utteranceId() != null) {
            boolean ours = jdbi.withHandle(h -> h.createQuery("SELECT 1 FROM utterances WHERE id = :u AND transcript_id = :t")
                    .bind("u", body.utteranceId()).bind("t", transcriptId).mapTo(Integer.class).findOne().isPresent());
            if (!ours) throw ApiException.badRequest("Field 'utteranceId': " + body.utteranceId() + " is not a unit of this session.");
        }
        long id = writes.inTransaction(h -> h.createQuery("""
                INSERT INTO feedback (transcript_id, utterance_id, author_id, text, created_at) VALUES (:t, :u, :a, :x, :at) RETURNING id""")
                .bind("t", transcriptId).bind("u", body.utteranceId()).bind("a", user.id()).bind("x", text)
                .bind("at", Instant.now().toString()).mapTo(Long.class).one());
        return list(transcriptId).stream().filter(f -> f.id() == id).findFirst().orElseThrow();
    }

    public List<Feedback> read(User user, long transcriptId) {
        access.read(user, transcriptId);
        return list(transcriptId);
    }

    private List<Feedback> list(long transcriptId) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT f.id, f.transcript_id, f.utterance_id, x.seq, f.author_id, a.name, f.created_at, f.text
                FROM feedback f JOIN users a ON a.id = f.author_id LEFT JOIN utterances x ON x.id = f.utterance_id
                WHERE f.transcript_id = :t ORDER BY x.seq IS NOT NULL, x.seq, f.id""").bind("t", transcriptId)
                .map((rs, c) -> new Feedback(rs.getLong(1), rs.getLong(2), rs.getObject(3) == null ? null : rs.getLong(3),
                        rs.getObject(4) == null ? null : rs.getInt(4), rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8))).list());
    }

    /** The caller's sessions as a professional, newest first. */
    public List<MySession> mine(User user) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT t.id, t.name, p.id, p.name, t.created_at, (SELECT COUNT(*) FROM feedback f WHERE f.transcript_id = t.id)
                FROM session_professionals s JOIN transcripts t ON t.id = s.transcript_id JOIN projects p ON p.id = t.project_id
                WHERE s.user_id = :u AND t.deleted_at IS NULL ORDER BY t.created_at DESC, t.id DESC""").bind("u", user.id())
                .map((rs, c) -> new MySession(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getInt(6))).list());
    }
}
