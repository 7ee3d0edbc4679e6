package nl.samenspraak.app;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import nl.samenspraak.db.Database;
import nl.samenspraak.http.ErrorMapper;
import nl.samenspraak.http.Json;
import nl.samenspraak.http.Limits;
import nl.samenspraak.http.SecurityHeaders;
import org.jdbi.v3.core.Jdbi;

import java.io.PrintStream;

/**
 * The composition root: builds every service over one {@link Jdbi} and one Javalin with the route
 * table under {@code /api}. {@link Main} and the tests call the same factory.
 */
public final class App {
    private App() {}

    /** The server over a pooled database, which it closes when it stops. */
    public static Javalin create(AppConfig config) {
        Database.Pooled db = Database.openPooled(config.database());
        return create(config, db.jdbi(), System.out, db);
    }

    /**
     * Builds the app over a database; shipped codebooks are installed at every start, the demo
     * project in demo mode. {@code closeOnStop} is closed after the server stops (the pool).
     */
    public static Javalin create(AppConfig config, Jdbi jdbi, PrintStream out, AutoCloseable closeOnStop) {
        Services services = Services.build(config, jdbi);
        services.codebooks().installShipped();
        if (config.demo()) DemoData.ensure(services, out);
        services.firstStart().code().ifPresent(code -> out.println("No users yet: the first visit to the server opens the set-up page,"
                + " which makes the first administrator. It asks for this set-up code (new at every start): " + code));
        return Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.jsonMapper(new JavalinJackson(Json.mapper(), false));
            c.http.maxRequestSize = Limits.MAX_REQUEST_BYTES;
            c.jetty.port = config.port();
            c.staticFiles.add(s -> {
                s.hostedPath = "/";
                s.directory = "/web";
                s.location = Location.CLASSPATH;
                s.headers = SecurityHeaders.PAGE_HEADERS;
            });
            c.routes.before(SecurityHeaders::apply);
            c.events.serverStopped(() -> {
                services.close();
                closeOnStop.close();
            });
            Routes.register(c.routes, services);
            ErrorMapper.register(c.routes);
        });
    }
}
