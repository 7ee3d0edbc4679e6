package nl.samenspraak.app;

import com.zaxxer.hikari.HikariDataSource;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.JavalinStaticResourceHandler;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import nl.samenspraak.db.Database;
import nl.samenspraak.db.Migrations;
import nl.samenspraak.http.ErrorMapper;
import nl.samenspraak.http.Json;
import nl.samenspraak.http.Limits;
import nl.samenspraak.http.SecurityHeaders;
import org.jdbi.v3.core.Jdbi;

import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The composition root: builds every service over one {@link Jdbi} and one Javalin with the route
 * table under {@code /api}. {@link ServeCommand} starts it with {@link #serve}, the tests with {@link #create}.
 */
public final class App {
    private App() {}

    /** A started server, and the start's work on the database ({@link Startup}), which may still run: when it fails, stop the server. */
    public record Started(Javalin app, CompletableFuture<Void> ready) {}

    /**
     * The server as {@code serve} runs it, over a pooled database that it closes when it stops. The port
     * opens as soon as the web server has started; the database is opened and migrated, and the start's
     * other work done ({@link Startup#prepare}), on {@code startThread} meanwhile, and requests wait for it; then
     * the code cache is filled in the background ({@link Startup#warm}).
     */
    public static Started serve(AppConfig config, PrintStream out, Executor startThread) {
        HikariDataSource pool = Database.pool(config.store());
        BackupSchedule backups = backups(config);
        CompletableFuture<Services> built = new CompletableFuture<>();
        CompletableFuture<Void> work = CompletableFuture.runAsync(() -> {
            Migrations.apply(pool);
            Startup.prepare(built.join(), backups, out);
            Startup.warm(built.join());
        }, startThread);
        Database.Pooled db = Database.over(pool);
        Services services;
        try {
            services = Services.build(config, db.jdbi());
        } catch (RuntimeException e) {
            built.completeExceptionally(e);
            db.close();
            throw e;
        }
        built.complete(services);
        return new Started(javalin(config, services, backups, Startup.over(work), db).start(), work);
    }

    /**
     * Builds the app over a database, the start's work done first ({@link Startup#prepare}: shipped codebooks
     * installed, the demo project where {@link DemoData#start} allows it). {@code closeOnStop} is closed after
     * the server stops (the pool).
     */
    public static Javalin create(AppConfig config, Jdbi jdbi, PrintStream out, AutoCloseable closeOnStop) {
        Services services = Services.build(config, jdbi);
        BackupSchedule backups = backups(config);
        Startup.prepare(services, backups, out);
        return javalin(config, services, backups, Startup.done(), closeOnStop);
    }

    private static BackupSchedule backups(AppConfig config) {
        return config.backups() == null ? null : new BackupSchedule(config.backups(), config.database(), config.media());
    }

    private static Javalin javalin(AppConfig config, Services services, BackupSchedule backups, Startup startup, AutoCloseable closeOnStop) {
        return Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.jsonMapper(new JavalinJackson(Json.mapper(), false));
            c.http.maxRequestSize = Limits.MAX_REQUEST_BYTES;
            // Javalin copies every answer to Jetty through a new buffer of this size (by default Jetty's output buffer,
            // 32 KiB): for a save's 200-byte answer that was half of all the memory a save allocated, and so of the
            // collector's pauses. Jetty still buffers the output at its own size, so large downloads are not slowed.
            c.http.responseBufferSize = 4096;
            c.jetty.port = config.port();
            // Javalin's own handler reads the pages through the class loader; Jetty's would mount the whole jar
            // (27,000 entries) as a zip file system, and build a second Jetty server, before the port opens.
            c.resourceHandler(new JavalinStaticResourceHandler());
            c.staticFiles.add(s -> {
                s.hostedPath = "/";
                s.directory = "/web";
                s.location = Location.CLASSPATH;
                s.headers = SecurityHeaders.PAGE_HEADERS;
            });
            c.routes.before(SecurityHeaders::apply);
            c.routes.before(startup::gate);
            c.events.serverStopped(() -> {
                if (backups != null) backups.close();
                services.close();
                closeOnStop.close();
            });
            Routes.register(c.routes, services, new BackupStatus(backups, services.access()));
            ErrorMapper.register(c.routes);
        });
    }
}
