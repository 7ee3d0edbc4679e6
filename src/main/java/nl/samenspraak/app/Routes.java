package nl.samenspraak.app;

import io.javalin.config.RoutesConfig;

import java.util.Map;

/** The route table: everything under /api, one line per route, handlers in the feature packages. */
final class Routes {
    private Routes() {}

    static void register(RoutesConfig r, Services s) {
        r.get("/api/health", ctx -> ctx.json(Map.of("status", "ok")));
    }
}
