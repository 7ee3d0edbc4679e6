package nl.samenspraak.app;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every thread the app starts besides Jetty's: tasks on these executors, made when the app is built and
 * shut down when the server stops (after the services that use them have closed).
 * <ul>
 *   <li>{@link #commits}: one thread, for the group-commit task of {@code db.Writes};</li>
 *   <li>{@link #exportJobs}: one thread, so export jobs run one at a time;</li>
 *   <li>{@link #exportWork}: an export's helpers (the database reader, a deflater per sheet), each of which
 *       must start at once, since the export waits on them: threads are made as needed and end when idle.</li>
 * </ul>
 */
record Workers(ExecutorService commits, ExecutorService exportJobs, ExecutorService exportWork) implements AutoCloseable {
    static Workers start() {
        ThreadPoolExecutor jobs = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), named("export-job"));
        jobs.allowCoreThreadTimeOut(true);
        return new Workers(Executors.newSingleThreadExecutor(named("group-commit")), jobs, Executors.newCachedThreadPool(named("export-work")));
    }

    /** Stops what still runs (an export in progress is interrupted) and waits a little for it to end. */
    @Override
    public void close() {
        for (ExecutorService e : List.of(commits, exportJobs, exportWork)) e.shutdownNow();
        for (ExecutorService e : List.of(commits, exportJobs, exportWork)) {
            try {
                e.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Daemon threads with a name that says what they do, numbered. */
    private static ThreadFactory named(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
