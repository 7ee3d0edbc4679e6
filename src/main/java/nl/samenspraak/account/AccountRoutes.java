package nl.samenspraak.account;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import nl.samenspraak.http.ApiException;
import nl.samenspraak.http.Requests;

import java.util.Map;

/** /api/login, /api/logout, /api/me (and the owner's password), /api/session, /api/users (system administrators). */
public final class AccountRoutes {
    public record LoginRequest(String name, String password) {}
    public record PasswordChange(String current, String password) {}
    public record PasswordReset(String password) {}
    /** Who is logged in, for pages: a 200 either way (user null when not), so a log-in page's check leaves no error behind. */
    public record SessionState(boolean loggedIn, User user) {}

    private final AccountService accounts;
    private final LoginGuard guard;
    private final UserAdmin users;
    private final Access access;
    private final boolean secureCookies;

    public AccountRoutes(AccountService accounts, LoginGuard guard, UserAdmin users, Access access, boolean secureCookies) {
        this.accounts = accounts;
        this.guard = guard;
        this.users = users;
        this.access = access;
        this.secureCookies = secureCookies;
    }

    public void register(RoutesConfig r) {
        r.post("/api/login", this::login);
        r.post("/api/logout", this::logout);
        r.get("/api/me", ctx -> ctx.json(access.user(ctx)));
        r.get("/api/session", ctx -> ctx.json(access.current(ctx).map(u -> new SessionState(true, u)).orElse(new SessionState(false, null))));
        r.put("/api/me/password", this::changeOwnPassword);
        r.get("/api/users", ctx -> ctx.json(users.list(access.user(ctx))));
        r.post("/api/users", ctx -> ctx.status(201).json(users.create(access.user(ctx), Requests.body(ctx, UserAdmin.NewUser.class))));
        r.put("/api/users/{userId}/password", this::resetPassword);
        r.post("/api/users/{userId}/deactivate", ctx -> ctx.json(users.deactivate(access.user(ctx), Requests.id(ctx, "userId"))));
        r.post("/api/users/{userId}/reactivate", ctx -> ctx.json(users.reactivate(access.user(ctx), Requests.id(ctx, "userId"))));
    }

    private void login(Context ctx) {
        LoginRequest req = Requests.body(ctx, LoginRequest.class);
        var login = guard.login(ctx, req.name(), req.password())
                .orElseThrow(() -> new ApiException(401, "auth.loginFailed", "The user name or password is not right."));
        setSessionCookie(ctx, login, secureCookies);
        ctx.json(Map.of("user", login.user()));
    }

    /** The session cookie: HTTP-only, same-site strict, Secure behind HTTPS. */
    static void setSessionCookie(Context ctx, AccountService.Login login, boolean secure) {
        Cookie cookie = new Cookie(Access.COOKIE, login.token());
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSecure(secure);
        cookie.setSameSite(SameSite.STRICT);
        cookie.setMaxAge((int) AccountService.SESSION_LIFETIME.toSeconds());
        ctx.cookie(cookie);
    }

    private void logout(Context ctx) {
        accounts.logout(ctx.cookie(Access.COOKIE));
        ctx.removeCookie(Access.COOKIE, "/");
        ctx.status(204);
    }

    private void changeOwnPassword(Context ctx) {
        User user = access.user(ctx);
        PasswordChange req = Requests.body(ctx, PasswordChange.class);
        guard.bounded(ctx, LoginGuard.Lane.KNOWN, () -> { accounts.changeOwnPassword(user, ctx.cookie(Access.COOKIE), req.current(), req.password()); return null; });
        ctx.status(204);
    }

    private void resetPassword(Context ctx) {
        User caller = access.user(ctx);
        PasswordReset req = Requests.body(ctx, PasswordReset.class);
        String set = users.resetPassword(caller, Requests.id(ctx, "userId"), req.password());
        boolean generated = req.password() == null || req.password().isEmpty();
        ctx.json(generated ? Map.of("generatedPassword", set) : Map.of());
    }
}
