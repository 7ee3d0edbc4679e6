package nl.samenspraak.account;

import io.javalin.http.Context;
import nl.samenspraak.http.ApiException;
import org.jdbi.v3.core.Jdbi;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The access rules: who is calling, and what role they hold in a project. A system admin holds
 * the admin role in every project; everyone else holds the role of their membership, or none.
 */
public final class Access {
    public static final String COOKIE = "samenspraak_session";
    private static final String USER_ATTRIBUTE = "samenspraak.user";

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
        return roles.computeIfAbsent(user.id() + ":" + projectId, k -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT role FROM project_members WHERE project_id = :p AND user_id = :u")
                .bind("p", projectId).bind("u", user.id()).mapTo(String.class).findOne().map(Role::fromKey)));
    }

    /** Forgets remembered roles after a membership changed (called by the project service). */
    public void membersChanged() {
        roles.clear();
    }

    /**
     * The caller's role in the project when it is one of {@code allowed}; a 404 when the caller is
     * not a member (a project's existence is not revealed), a 403 when the role does not allow it.
     */
    public Role require(User user, long projectId, Role... allowed) {
        Role role = roleIn(user, projectId).orElseThrow(() -> ApiException.notFound("Project " + projectId));
        if (allowed.length > 0 && Arrays.stream(allowed).noneMatch(r -> r == role)) {
            throw ApiException.forbidden("Your role in this project (" + role.key() + ") does not allow this.");
        }
        return role;
    }

    public void requireSystemAdmin(User user) {
        if (!user.isAdmin()) throw ApiException.forbidden("Only an administrator may do this.");
    }
}
