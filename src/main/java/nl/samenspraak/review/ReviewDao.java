package nl.samenspraak.review;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.List;
import java.util.Optional;

@RegisterConstructorMapper(ReviewService.Feedback.class)
@RegisterConstructorMapper(ReviewService.MySession.class)
@RegisterConstructorMapper(ReviewDao.Session.class)
public interface ReviewDao {
    /** A live session (transcript) under review. */
    record Session(long transcriptId, long projectId, String name, String createdAt) {}

    @SqlQuery("SELECT id AS transcript_id, project_id, name, created_at FROM transcripts WHERE id = :transcriptId AND deleted_at IS NULL")
    Optional<Session> session(long transcriptId);

    @SqlQuery("SELECT name FROM users WHERE id = :userId")
    Optional<String> userName(long userId);

    @SqlUpdate("""
            INSERT INTO session_professionals (transcript_id, user_id, set_by, set_at) VALUES (:transcriptId, :userId, :setBy, :now)
            ON CONFLICT (transcript_id) DO UPDATE SET user_id = excluded.user_id, set_by = excluded.set_by, set_at = excluded.set_at""")
    void link(long transcriptId, long userId, long setBy, String now);

    @SqlUpdate("DELETE FROM session_professionals WHERE transcript_id = :transcriptId")
    void unlink(long transcriptId);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM utterances WHERE id = :utteranceId AND transcript_id = :transcriptId)")
    boolean unitOf(long utteranceId, long transcriptId);

    @SqlQuery("""
            INSERT INTO feedback (transcript_id, utterance_id, author_id, text, created_at)
            VALUES (:transcriptId, :utteranceId, :authorId, :text, :now) RETURNING id""")
    long addFeedback(long transcriptId, Long utteranceId, long authorId, String text, String now);

    /** Session feedback first, then by unit, each in the order written. */
    @SqlQuery("""
            SELECT f.id, f.transcript_id, f.utterance_id, x.seq AS unit, f.author_id, a.name AS author, f.created_at, f.text
            FROM feedback f JOIN users a ON a.id = f.author_id LEFT JOIN utterances x ON x.id = f.utterance_id
            WHERE f.transcript_id = :transcriptId ORDER BY x.seq IS NOT NULL, x.seq, f.id""")
    List<ReviewService.Feedback> feedback(long transcriptId);

    @SqlQuery("""
            SELECT t.id AS transcript_id, t.name AS transcript, p.id AS project_id, p.name AS project, t.created_at,
                   (SELECT COUNT(*) FROM feedback f WHERE f.transcript_id = t.id) AS feedback
            FROM session_professionals s JOIN transcripts t ON t.id = s.transcript_id JOIN projects p ON p.id = t.project_id
            WHERE s.user_id = :userId AND t.deleted_at IS NULL ORDER BY t.created_at DESC, t.id DESC""")
    List<ReviewService.MySession> sessions(long userId);
}
