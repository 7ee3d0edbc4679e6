package nl.samenspraak.account;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import nl.samenspraak.http.ApiException;
import nl.samenspraak.http.Requests;

import java.util.Map;

/** /api/login, /api/logout, /api/me, /api/session, /api/users. */
public final class AccountRoutes {
    public record LoginRequest(String name, String password) {}
    public record NewUser(String name, String password, Role role) {}
    /** Who is logged in, for pages: a 200 either way (user null when not), so a log-in page's check leaves no error behind. */
    public record SessionState(boolean loggedIn, User user) {}

    private final AccountService accounts;
    private final Access access;
    private final boolean secureCookies;

    public AccountRoutes(AccountService accounts, Access access, boolean secureCookies) {
        this.accounts = accounts;
        this.access = access;
        this.secureCookies = secureCookies;
    }

    public void register(RoutesConfig r) {
        r.post("/api/login", this::login);
        r.post("/api/logout", this::logout);
        r.get("/api/me", ctx -> ctx.json(access.user(ctx)));
        r.get("/api/session", ctx -> ctx.json(access.current(ctx).map(u -> new SessionState(true, u)).orElse(new SessionState(false, null))));
        r.get("/api/users", this::list);
        r.post("/api/users", this::create);
    }

    private void login(Context ctx) {
        LoginRequest req = Requests.body(ctx, LoginRequest.class);
        var login = accounts.login(req.name(), req.password())
                .orElseThrow(() -> new ApiException(401, "The user name or password is not right."));
        Cookie cookie = new Cookie(Access.COOKIE, login.token());
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSecure(secureCookies);
        cookie.setSameSite(SameSite.STRICT);
        cookie.setMaxAge((int) AccountService.SESSION_LIFETIME.toSeconds());
        ctx.cookie(cookie).json(Map.of("user", login.user()));
    }

    private void logout(Context ctx) {
        accounts.logout(ctx.cookie(Access.COOKIE));
        ctx.removeCookie(Access.COOKIE, "/");
        ctx.status(204);
    }

    private void list(Context ctx) {
        ctx.json(accounts.list(access.user(ctx)));
    }

    private void create(Context ctx) {
        User user = access.user(ctx);
        NewUser req = Requests.body(ctx, NewUser.class);
        ctx.status(201).json(accounts.createUser(user, req.name(), req.password(), req.role()));
    }
}
