package nl.samenspraak.review;

import nl.samenspraak.account.Access;
import nl.samenspraak.account.Role;
import nl.samenspraak.account.User;
import nl.samenspraak.http.ApiException;
import org.jdbi.v3.core.Jdbi;

/**
 * Who may review a session: admins and trainers of its project, and the professional linked to it
 * (for their own session only; they need not be a project member). Anyone else: a 404 when they are not
 * a member (nothing is revealed), a 403 when their project role does not allow it.
 */
final class ReviewAccess {
    /** A live transcript and who is asking: staff (admin/trainer) or the session's own professional. */
    record Session(long transcriptId, long projectId, String name, String createdAt, boolean staff) {}

    private final Jdbi jdbi;
    private final Access access;

    ReviewAccess(Jdbi jdbi, Access access) {
        this.jdbi = jdbi;
        this.access = access;
    }

    Session read(User user, long transcriptId) {
        Session s = find(transcriptId);
        if (access.roleIn(user, s.projectId()).filter(r -> r == Role.ADMIN || r == Role.TRAINER).isPresent()) return withStaff(s, true);
        if (isProfessionalOf(user, transcriptId)) return withStaff(s, false);
        access.require(user, s.projectId(), Role.ADMIN, Role.TRAINER);
        throw ApiException.notFound("Transcript " + transcriptId);
    }

    /** Only admins and trainers of the project (giving feedback, linking a professional). */
    Session staff(User user, long transcriptId) {
        Session s = find(transcriptId);
        if (access.roleIn(user, s.projectId()).isEmpty() && isProfessionalOf(user, transcriptId)) {
            throw ApiException.forbidden("Only an admin or trainer of the project may do this; you may read this session's profile and feedback.");
        }
        access.require(user, s.projectId(), Role.ADMIN, Role.TRAINER);
        return withStaff(s, true);
    }

    private static Session withStaff(Session s, boolean staff) {
        return new Session(s.transcriptId(), s.projectId(), s.name(), s.createdAt(), staff);
    }

    private boolean isProfessionalOf(User user, long transcriptId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT 1 FROM session_professionals WHERE transcript_id = :t AND user_id = :u")
                .bind("t", transcriptId).bind("u", user.id()).mapTo(Integer.class).findOne().isPresent());
    }

    private Session find(long transcriptId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, project_id, name, created_at FROM transcripts WHERE id = :t AND deleted_at IS NULL")
                .bind("t", transcriptId).map((rs, c) -> new Session(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), false))
                .findOne()).orElseThrow(() -> ApiException.notFound("Transcript " + transcriptId));
    }
}
