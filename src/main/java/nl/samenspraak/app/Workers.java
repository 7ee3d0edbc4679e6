package nl.samenspraak.app;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
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
 *       must start at once, since the export waits on them: threads are made as needed and end when idle;</li>
 *   <li>{@link #waveforms}: one thread, for the waveform of a recording just stored (computed in the background,
 *       one recording at a time, so that decoding never takes both of a small server's cores).</li>
 *   <li>{@link #housekeeping}: one thread for tasks on a timer (trimming the code change log of reliability.CodeCache, saving copies of its projects).</li>
 *   <li>{@link #codeCache}: reading the projects' codes into reliability.CodeCache after a start ({@link Startup#warm}), and the
 *       readers of a project read whole (each must start at once, since the read waits on them): threads made as needed.</li>
 * </ul>
 */
record Workers(ExecutorService commits, ExecutorService exportJobs, ExecutorService exportWork, ExecutorService waveforms,
               ScheduledExecutorService housekeeping, ExecutorService codeCache) implements AutoCloseable {
    static Workers start() {
        return new Workers(Executors.newSingleThreadExecutor(named("group-commit")), oneAtATime("export-job"),
                Executors.newCachedThreadPool(named("export-work")), oneAtATime("waveform"),
                Executors.newSingleThreadScheduledExecutor(named("housekeeping")), Executors.newCachedThreadPool(named("code-cache")));
    }

    /** One thread, ended when idle for 30 s and made again for the next task; tasks wait their turn. */
    private static ExecutorService oneAtATime(String name) {
        ThreadPoolExecutor e = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), named(name));
        e.allowCoreThreadTimeOut(true);
        return e;
    }

    /** Stops what still runs (an export in progress is interrupted) and waits a little for it to end. */
    @Override
    public void close() {
        for (ExecutorService e : List.of(housekeeping, codeCache, commits, exportJobs, exportWork, waveforms)) e.shutdownNow();
        for (ExecutorService e : List.of(housekeeping, codeCache, commits, exportJobs, exportWork, waveforms)) {
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
