package nl.samenspraak.app;

import io.javalin.http.ContentType;
import io.javalin.http.Context;
import nl.samenspraak.db.Writes;
import nl.samenspraak.http.ApiException;

import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What a start does to the database before the app can serve, and what a request sees until that is
 * done. {@code serve} runs this work on a thread of its own while the web server starts beside it
 * ({@link App#serve}): opening and migrating the database, filling users' name keys, installing the
 * shipped codebooks, removing imports a stop cut off, the demo, the set-up code, the backups. Until it
 * has finished, {@code /api/health} answers 503 {@code "starting"} and every other request (pages
 * included: the set-up guard reads the users) waits for it, up to {@link Writes#WAIT}. Tests build the
 * app with the work already done ({@link App#create}). After it, {@code serve} reads the projects' codes
 * into the code cache in the background ({@link #warm}), which no request waits for but those that need them.
 */
final class Startup {
    private final CompletableFuture<Void> work;

    private Startup(CompletableFuture<Void> work) {
        this.work = work;
    }

    /** Over the start's work, which may still run. */
    static Startup over(CompletableFuture<Void> work) { return new Startup(work); }

    /** The work done before the app was built. */
    static Startup done() { return new Startup(CompletableFuture.completedFuture(null)); }

    /** The work itself, in this order, on a migrated database; throws {@link DemoData.Refused} for an explicit demo over a database of its own. */
    static void prepare(Services services, BackupSchedule backups, PrintStream out) {
        services.accounts().fillNameKeys();
        services.codebooks().installShipped();
        int unfinished = services.imports().removeUnfinished();
        if (unfinished > 0) out.println("Removed " + unfinished + " transcript(s) whose import a stop cut off.");
        DemoData.start(services, services.config().demo(), out);
        services.firstStart().code().ifPresent(code -> out.println("No users yet: the first visit to the server opens the set-up page,"
                + " which makes the first administrator. It asks for this set-up code (new at every start): " + code));
        if (backups != null) out.println(backups.start());
    }

    /**
     * After {@code serve}'s start has done its work: every project's codes read into the code cache in the background
     * (Workers.codeCache), so that the first reliability request, report or export after a start finds them there, or waits
     * for the read already under way rather than starting a second one; a project with a saved copy in the database is taken
     * from it and the change log's newer rows (CodeCache.saveSnapshots), and one read whole is saved so for the next start,
     * {@link #SAVE_AFTER_READ} after the read: the first requests after a start (which waited for the read) then do not share
     * the two cores with writing megabytes of copies (on PostgreSQL the first reliability request of a 1M-unit study
     * without a copy waited 2.3-3.1 s instead of 2.7-4.2 s, BENCHMARKS.md). A stop saves them too (Services.close), the timer
     * every five minutes. Not gated: other requests are served meanwhile.
     * A failure is logged; requests then read the codes themselves.
     */
    static void warm(Services services) {
        services.workers().codeCache().execute(() -> {
            org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Startup.class);
            try {
                long start = System.nanoTime();
                int projects = services.reliability().warmCache();
                var counts = services.reliability().cacheCounts();
                log.info("Code cache: the codes of {} project(s) ready in {} ms ({} from saved copies, {} read whole)",
                        projects, (System.nanoTime() - start) / 1_000_000, counts.restores(), counts.fullReads());
            } catch (RuntimeException e) {
                log.warn("Reading the projects' codes into the cache failed: {}", e.toString());
                return;
            }
            try {
                services.workers().housekeeping().schedule(() -> Services.saveQuietly(services.reliability(), services.writes()),
                        SAVE_AFTER_READ.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException stopped) {
                // the server stopped meanwhile, and saved the copies as it stopped
            }
        });
    }

    /** How long after the start's read of the code cache its projects read whole are saved (see {@link #warm}). */
    static final java.time.Duration SAVE_AFTER_READ = java.time.Duration.ofSeconds(30);

    boolean ready() {
        return work.isDone() && !work.isCompletedExceptionally();
    }

    /**
     * Before every request. Once the work is done it lets everything through. Until then {@code /api/health}
     * answers at once (503, "starting"; "unavailable" when the start failed and the server is stopping),
     * written out rather than through Jackson so that a client polling a starting server costs it little;
     * any other request waits for the work, or gets a 503.
     */
    void gate(Context ctx) {
        if (ready()) return;
        if (ctx.path().equals("/api/health")) {
            ctx.status(503).contentType(ContentType.APPLICATION_JSON).result(work.isDone() ? "{\"status\":\"unavailable\"}" : "{\"status\":\"starting\"}");
            ctx.skipRemainingHandlers();
            return;
        }
        try {
            work.get(Writes.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notReady();
        } catch (ExecutionException | TimeoutException e) {
            throw notReady();
        }
    }

    static ApiException notReady() {
        return new ApiException(503, "server.starting", "The server is still starting (or could not start); try again in a moment.");
    }
}
