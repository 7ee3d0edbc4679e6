package nl.samenspraak.app;

import io.javalin.Javalin;

/**
 * The yardstick of {@link StartupBench}: a bare Javalin hello world with one {@code /api/health}
 * route, started from the same jar (same JVM, same Javalin, Jetty and logging) as the real server,
 * so that the difference between the two is what Samenspraak itself adds to a start.
 * Run: {@code java -cp samenspraak.jar:test-classes nl.samenspraak.app.HelloHealth PORT}.
 */
public final class HelloHealth {
    private HelloHealth() {}

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        Javalin.create(c -> {
            c.jetty.port = port;
            c.routes.get("/api/health", ctx -> ctx.result("ok"));
        }).start();
    }
}
