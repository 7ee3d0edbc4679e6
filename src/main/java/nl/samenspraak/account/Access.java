package nl.samenspraak.account;

import io.javalin.http.Context;
import nl.samenspraak.http.ApiException;
import org.jdbi.v3.core.Jdbi;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * The access rules, in one place: who is calling, what role they hold in a project, and the rules
 * built on it. A system admin holds the admin role in every project; everyone else holds the role of
 * their membership, or none. Services check; routes only pass the caller. A non-member gets a 404
 * (a project's existence is not revealed), a member whose role does not allow it a 403.
 */
public final class Access {
    public static final String COOKIE = "samenspraak_session";
    private static final String USER_ATTRIBUTE = "samenspraak.user";
    /** Roles that code: coders, and admins and trainers making expert or reference codings. */
    public static final Role[] CODING_ROLES = {Role.CODER, Role.ADMIN, Role.TRAINER};
    /** Roles that read everyone's codes, whatever the project's blind coding. */
    public static final Role[] READERS = {Role.ADMIN, Role.TRAINER, Role.ANALYST};

    /** A session under review and who reads it: staff (an admin or trainer of its project) or its own professional. */
    public record SessionReader(long transcriptId, long projectId, boolean staff) {}

    private final AccountService accounts;
    private final Jdbi jdbi;
    private final Map<String, Optional<Role>> roles = new ConcurrentHashMap<>();

    public Access(AccountService accounts, Jdbi jdbi) {
        this.accounts = accounts;
        this.jdbi = jdbi;
    }

    /** Before-handler for /api/*: resolves the session cookie; routes call {@link #user}. */
    public void resolve(Context ctx) {
        accounts.userForToken(ctx.cookie(COOKIE)).ifPresent(u -> ctx.attribute(USER_ATTRIBUTE, u));
    }

    /** The logged-in user, or a 401. */
    public User user(Context ctx) {
        User u = ctx.attribute(USER_ATTRIBUTE);
        if (u == null) throw ApiException.unauthorized();
        return u;
    }

    /** The logged-in user, if any (for the pages' log-in check, which must not answer 401). */
    public Optional<User> current(Context ctx) {
        return Optional.ofNullable(ctx.attribute(USER_ATTRIBUTE));
    }

    /** The caller's role in a project; remembered per user and project until {@link #membersChanged}. */
    public Optional<Role> roleIn(User user, long projectId) {
        if (user.isAdmin()) return Optional.of(Role.ADMIN);
        return roles.computeIfAbsent(user.id() + ":" + projectId,
                k -> jdbi.withExtension(AccessDao.class, dao -> dao.role(projectId, user.id())).map(Role::fromKey));
    }

    /** Forgets remembered roles after a membership changed (called by the project service). */
    public void membersChanged() {
        roles.clear();
    }

    /**
     * The caller's role in the project when it is one of {@code allowed} (none given: any member);
     * a 404 when the caller is not a member, a 403 when the role does not allow it.
     */
    public Role require(User user, long projectId, Role... allowed) {
        Role role = roleIn(user, projectId).orElseThrow(() -> ApiException.notFound("project.notFound", "Project " + projectId).with("id", projectId));
        if (allowed.length > 0 && Arrays.stream(allowed).noneMatch(r -> r == role)) {
            throw ApiException.forbidden("access.roleNotAllowed", "Your role in this project (" + role.key() + ") does not allow this.").with("role", role.key());
        }
        return role;
    }

    /** A system administrator only (users, projects, codebooks); a rule on the user alone, so it needs no instance. */
    public static void requireSystemAdmin(User user) {
        if (!user.isAdmin()) throw ApiException.forbidden("access.adminOnly", "Only an administrator may do this.");
    }

    /**
     * Reading every coder's codes (reports, reliability, exports): admins, trainers and analysts; coders
     * only while the project does not code blind.
     */
    public Role requireOthersCodes(User user, long projectId) {
        return requireSeesOthers(user, projectId, () -> ApiException.forbidden("access.blindCodes", "This project codes blind: coders may not see other coders' codes, "
                + "so reports, reliability and exports are for admins, trainers and analysts."));
    }

    /** Everyone's progress: the same rule as {@link #requireOthersCodes}, since it shows how far the others are. */
    public Role requireOthersProgress(User user, long projectId) {
        return requireSeesOthers(user, projectId, () -> ApiException.forbidden("access.blindProgress", "This project codes blind: coders may not see how far other coders are."));
    }

    private Role requireSeesOthers(User user, long projectId, java.util.function.Supplier<ApiException> refusal) {
        Role role = require(user, projectId);
        if (!seesOthers(role, projectId)) throw refusal.get();
        return role;
    }

    /**
     * Whether the caller, a member, may read other coders' codes: the rule of {@link #requireOthersCodes} as an
     * answer, for reads that show a blind coder their own codes only (a 404 when not a member).
     */
    public boolean seesOthersCodes(User user, long projectId) {
        return seesOthers(require(user, projectId), projectId);
    }

    /** The one rule: every role but a coder sees the others' work, and a coder too while the project does not code blind. */
    private boolean seesOthers(Role role, long projectId) {
        return role != Role.CODER || !jdbi.withExtension(AccessDao.class, dao -> dao.blind(projectId)).orElse(true);
    }

    /** Whether a transcript is open to the user under its project's assignments. */
    public boolean openTo(long transcriptId, long userId) {
        return jdbi.withExtension(AccessDao.class, dao -> dao.openTo(transcriptId, userId));
    }

    /**
     * Reading a transcript's content: any member; a coder only a transcript open to them (else a 404, as
     * for a transcript that does not exist: transcripts are personal data).
     */
    public Role requireReadable(User user, long projectId, long transcriptId) {
        Role role = require(user, projectId);
        if (role == Role.CODER && !openTo(transcriptId, user.id())) throw transcriptNotFound(transcriptId);
        return role;
    }

    /**
     * Coding a transcript: coders, admins and trainers; once the project assigns work, a coder codes only
     * the transcripts given to them. {@code open} answers whether it is open to the caller (asked for coders only).
     */
    public Role requireCodable(User user, long projectId, long transcriptId, BooleanSupplier open) {
        Role role = require(user, projectId, CODING_ROLES);
        if (role == Role.CODER && !open.getAsBoolean()) {
            throw ApiException.forbidden("access.notAssigned", "Transcript " + transcriptId
                    + " is not assigned to you; ask the project's admin to assign it before you code it.").with("transcriptId", transcriptId);
        }
        return role;
    }

    /**
     * Making and changing units while coding from a recording (issue 14): admins and trainers of the project; coders
     * too when the project lets them ({@code codersMayUnitize}, the setting 'unitizing'), on a transcript open to them.
     */
    public Role requireUnitizer(User user, long projectId, long transcriptId, boolean codersMayUnitize) {
        Role role = requireReadable(user, projectId, transcriptId);
        if (role == Role.ADMIN || role == Role.TRAINER) return role;
        if (role == Role.CODER && codersMayUnitize) return requireCodable(user, projectId, transcriptId);
        throw ApiException.forbidden("access.unitizingStaff", "In this project only admins and trainers make and change units (project setting "
                + "'unitizing'); your role is " + role.key() + ".").with("role", role.key());
    }

    /** As above, asking the database whether the transcript is open to the caller. */
    public Role requireCodable(User user, long projectId, long transcriptId) {
        return requireCodable(user, projectId, transcriptId, () -> openTo(transcriptId, user.id()));
    }

    /**
     * Reading a session's review (profile, feedback): admins and trainers of its project, and the
     * professional linked to the session (for their own session only; they need not be a member).
     * Anyone else: a 404 when not a member (nothing is revealed), a 403 when their role does not allow it.
     */
    public SessionReader requireSessionReader(User user, long transcriptId) {
        long projectId = liveProjectOf(transcriptId);
        if (roleIn(user, projectId).filter(r -> r == Role.ADMIN || r == Role.TRAINER).isPresent()) {
            return new SessionReader(transcriptId, projectId, true);
        }
        if (professionalOf(user, transcriptId)) return new SessionReader(transcriptId, projectId, false);
        require(user, projectId, Role.ADMIN, Role.TRAINER);
        throw transcriptNotFound(transcriptId);
    }

    /** Working on a session's review (feedback, linking its professional): admins and trainers of its project only. */
    public SessionReader requireSessionStaff(User user, long transcriptId) {
        long projectId = liveProjectOf(transcriptId);
        if (roleIn(user, projectId).isEmpty() && professionalOf(user, transcriptId)) {
            throw ApiException.forbidden("access.professionalReadsOnly",
                    "Only an admin or trainer of the project may do this; you may read this session's profile and feedback.");
        }
        require(user, projectId, Role.ADMIN, Role.TRAINER);
        return new SessionReader(transcriptId, projectId, true);
    }

    private boolean professionalOf(User user, long transcriptId) {
        return jdbi.withExtension(AccessDao.class, dao -> dao.professionalOf(transcriptId, user.id()));
    }

    private long liveProjectOf(long transcriptId) {
        return jdbi.withExtension(AccessDao.class, dao -> dao.projectOfLiveTranscript(transcriptId))
                .orElseThrow(() -> transcriptNotFound(transcriptId));
    }

    /** A transcript that does not exist, or that the caller may not know of: the same answer. */
    public static ApiException transcriptNotFound(long transcriptId) {
        return ApiException.notFound("transcript.notFound", "Transcript " + transcriptId).with("id", transcriptId);
    }
}
