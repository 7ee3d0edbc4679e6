package nl.samenspraak.review;

import nl.samenspraak.account.Access;
import nl.samenspraak.account.User;
import nl.samenspraak.db.Writes;
import nl.samenspraak.http.ApiException;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Linking a session to its professional, feedback on a session and its units, and a professional's own sessions. */
public final class ReviewService {
    public static final int MAX_FEEDBACK = 4000;

    private final Jdbi jdbi;
    private final Writes writes;
    private final Access access;

    public ReviewService(Jdbi jdbi, Writes writes, Access access) {
        this.jdbi = jdbi;
        this.writes = writes;
        this.access = access;
    }

    public record NewProfessional(Long userId) {}
    public record Professional(long transcriptId, Long userId, String name) {}
    public record NewFeedback(Long utteranceId, String text) {}
    public record Feedback(long id, long transcriptId, Long utteranceId, Integer unit, long authorId, String author, String createdAt, String text) {}
    public record MySession(long transcriptId, String transcript, long projectId, String project, String createdAt, int feedback) {}

    /** Links (or, with no userId, unlinks) the professional of a session. */
    public Professional link(User user, long transcriptId, NewProfessional body) {
        access.requireSessionStaff(user, transcriptId);
        if (body.userId() == null) {
            writes.useTransaction(h -> h.attach(ReviewDao.class).unlink(transcriptId));
            return new Professional(transcriptId, null, null);
        }
        String name = jdbi.withExtension(ReviewDao.class, dao -> dao.userName(body.userId())).orElseThrow(() -> ApiException.badRequest("review.noSuchUser",
                "Field 'userId': there is no user " + body.userId() + ".", Map.of("userId", body.userId())).with("userId", body.userId()));
        writes.useTransaction(h -> h.attach(ReviewDao.class).link(transcriptId, body.userId(), user.id(), Instant.now().toString()));
        return new Professional(transcriptId, body.userId(), name);
    }

    public Feedback add(User user, long transcriptId, NewFeedback body) {
        access.requireSessionStaff(user, transcriptId);
        String text = body.text() == null ? "" : body.text().strip();
        if (text.isEmpty()) throw ApiException.badRequest("review.feedbackEmpty", "Field 'text': write the feedback; it is empty.");
        if (text.length() > MAX_FEEDBACK) {
            throw ApiException.badRequest("review.feedbackTooLong", "Field 'text': feedback holds at most " + MAX_FEEDBACK + " characters; this has " + text.length() + ".")
                    .with("max", MAX_FEEDBACK).with("length", text.length());
        }
        if (body.utteranceId() != null && !jdbi.withExtension(ReviewDao.class, dao -> dao.unitOf(body.utteranceId(), transcriptId))) {
            throw ApiException.badRequest("review.notAUnit", "Field 'utteranceId': " + body.utteranceId() + " is not a unit of this session.")
                    .with("utteranceId", body.utteranceId());
        }
        long id = writes.inTransaction(h -> h.attach(ReviewDao.class).addFeedback(transcriptId, body.utteranceId(), user.id(), text, Instant.now().toString()));
        return list(transcriptId).stream().filter(f -> f.id() == id).findFirst().orElseThrow();
    }

    public List<Feedback> read(User user, long transcriptId) {
        access.requireSessionReader(user, transcriptId);
        return list(transcriptId);
    }

    private List<Feedback> list(long transcriptId) {
        return jdbi.withExtension(ReviewDao.class, dao -> dao.feedback(transcriptId));
    }

    /** The caller's sessions as a professional, newest first. */
    public List<MySession> mine(User user) {
        return jdbi.withExtension(ReviewDao.class, dao -> dao.sessions(user.id()));
    }
}
