package nl.samenspraak.account;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import nl.samenspraak.http.Requests;

import java.util.Map;

/**
 * The one-time set-up of a server without users: while it has none, every page leads to
 * {@code setup.html}; afterwards that page and {@code /api/setup} answer 404 with a sentence.
 */
public final class SetupRoutes {
    public static final String PAGE = "/setup.html";

    public record SetupRequest(String code, String name, String password) {}

    private final FirstStart firstStart;
    private final boolean secureCookies;

    public SetupRoutes(FirstStart firstStart, boolean secureCookies) {
        this.firstStart = firstStart;
        this.secureCookies = secureCookies;
    }

    public void register(RoutesConfig r) {
        r.before(this::guardPages);
        r.get("/api/setup", ctx -> {
            if (!firstStart.needed()) throw FirstStart.gone();
            ctx.json(Map.of("needed", true));
        });
        r.post("/api/setup", this::setUp);
    }

    private void guardPages(Context ctx) {
        String path = ctx.path();
        boolean page = path.equals("/") || path.endsWith(".html");
        if (!page) return;
        if (path.equals(PAGE)) {
            if (!firstStart.needed()) throw FirstStart.gone();
        } else if (firstStart.needed()) {
            ctx.redirect(PAGE);
            ctx.skipRemainingHandlers();
        }
    }

    private void setUp(Context ctx) {
        SetupRequest req = Requests.body(ctx, SetupRequest.class);
        AccountService.Login login = firstStart.createFirstAdmin(req.code(), req.name(), req.password());
        AccountRoutes.setSessionCookie(ctx, login, secureCookies);
        ctx.status(201).json(Map.of("user", login.user()));
    }
}
