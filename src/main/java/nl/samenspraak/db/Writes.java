package nl.samenspraak.db;

import nl.samenspraak.http.ApiException;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one way to write. SQLite has one writer at a time, and a writer that finds the lock taken
 * sleeps in SQLite's busy handler (1, 2, 5 ... 100 ms), which ruins latency under load; so writers
 * of this process queue on a fair Java lock instead. Small independent writes (a coder's save) go
 * through {@link #grouped}: a committer ({@link GroupCommit}, one long task on the executor the app
 * gives it) runs everything waiting in one transaction (a write that is refused undoes only itself), and answers
 * each caller after the commit (group commit), so every acknowledged write is durable and one fsync
 * serves many. No caller waits without end: after {@link #WAIT} it gets a 503, and a failed batch
 * fails its own callers (503) while the next batch is committed.
 */
public final class Writes implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Writes.class);
    /** How long a caller waits for the lock or its commit before a 503; long enough for an import queued before it. */
    public static final Duration WAIT = Duration.ofSeconds(30);

    /** The write path as {@code /api/health} shows it. */
    public enum State { IDLE, RUNNING, STOPPED;
        @com.fasterxml.jackson.annotation.JsonValue public String key() { return name().toLowerCase(Locale.ROOT); }
    }

    /** {@code queued}: writes waiting for the committer; {@code batches}, {@code failedBatches}: since the start. */
    public record Status(State state, int queued, long batches, long failedBatches) {}

    private final Jdbi jdbi;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final GroupCommit committer;
    private final ExecutorService executor;
    private final boolean ownsExecutor;
    private final Duration wait;
    private Future<?> running;
    private volatile boolean closed;

    /** Over the app's executor for the committer (a single thread; the app shuts it down after {@link #close}). */
    public Writes(Jdbi jdbi, ExecutorService committerExecutor) {
        this(jdbi, committerExecutor, false, WAIT);
    }

    /** On its own, for the command line and tests: with an executor of its own, shut down by {@link #close}. */
    public Writes(Jdbi jdbi) {
        this(jdbi, ownExecutor(), true, WAIT);
    }

    /** On its own, with another wait (tests of the timeout). */
    Writes(Jdbi jdbi, Duration wait) {
        this(jdbi, ownExecutor(), true, wait);
    }

    private Writes(Jdbi jdbi, ExecutorService executor, boolean ownsExecutor, Duration wait) {
        this.jdbi = jdbi;
        this.executor = executor;
        this.ownsExecutor = ownsExecutor;
        this.wait = wait;
        this.committer = new GroupCommit(jdbi, lock, this::lockWriter);
    }

    private static ExecutorService ownExecutor() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "group-commit");
            t.setDaemon(true);
            return t;
        });
    }

    public <T, X extends Exception> T inTransaction(HandleCallback<T, X> work) throws X {
        try {
            if (!lock.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ApiException(503, "writes.busy", "The server is busy with other changes and did not get to this one within "
                        + wait.toSeconds() + " seconds; nothing was stored. Try again.").with("seconds", wait.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw stopped();
        }
        try {
            return jdbi.inTransaction(h -> {
                lockWriter(h);
                return work.withHandle(h);
            });
        } finally {
            lock.unlock();
        }
    }

    /**
     * The database's own write lock, taken first in every transaction of this class, so that one writer at a time
     * holds across server processes as it does within one (the fair lock above). SQLite takes it already: the app's
     * connections begin IMMEDIATE, which takes the file's one write lock. PostgreSQL would let two servers' writers
     * run at once (each reading a code before the other's change commits, so the change log's "before" would be
     * wrong), so a transaction-level advisory lock stands in, held until commit or rollback. Its key is the one the
     * PostgreSQL triggers of V015 take before they write {@code code_changes}, so a writer that holds it takes it
     * there again at no cost, and the ids of the cache's change feed follow commit order.
     */
    void lockWriter(Handle h) {
        if (!postgres()) return;
        try (Statement s = h.getConnection().createStatement()) {
            s.execute("SELECT pg_advisory_xact_lock(" + WRITE_LOCK + ")");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the database's write lock: " + e.getMessage(), e);
        }
    }

    /** The key of PostgreSQL's write lock (pg_advisory_xact_lock), shared with migration V015's triggers. */
    public static final long WRITE_LOCK = 715015;

    private volatile Boolean postgres;

    /** Whether the database is PostgreSQL, asked once (the few write statements that differ by store branch on it). */
    public boolean postgres() {
        Boolean p = postgres;
        if (p == null) postgres = p = Database.isPostgres(jdbi);
        return p;
    }

    public <X extends Exception> void useTransaction(HandleConsumer<X> work) throws X {
        inTransaction(h -> { work.useHandle(h); return null; });
    }

    /** Runs {@code work} in a transaction shared with other waiting writes; returns once it is committed. */
    public <T> T grouped(HandleCallback<T, RuntimeException> work) {
        GroupedWrite<T> write = new GroupedWrite<>(work);
        startCommitter();
        committer.queue.add(write);
        try {
            return write.result.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            if (write.cancel()) {
                throw new ApiException(503, "writes.notStarted", "The server did not get to this change within " + wait.toSeconds()
                        + " seconds, so it was not stored; try again.").with("seconds", wait.toSeconds());
            }
            throw new ApiException(503, "writes.notFinished", "The server did not finish saving this change within " + wait.toSeconds()
                    + " seconds; it may have been stored. Saving it again is safe.").with("seconds", wait.toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            write.cancel();
            throw stopped();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The write path's state for {@code /api/health}. */
    public Status status() {
        State state;
        synchronized (this) {
            state = closed || (running != null && running.isDone()) ? State.STOPPED : running == null ? State.IDLE : State.RUNNING;
        }
        return new Status(state, committer.queue.size(), committer.batches.get(), committer.failedBatches.get());
    }

    /** Starts the committer on first use, and again should its task have ended (its executor stopped, say). */
    private synchronized void startCommitter() {
        if (closed) throw stopped();
        if (running != null && !running.isDone()) return;
        try {
            running = executor.submit(committer);
        } catch (RejectedExecutionException e) {
            throw stopped();
        }
    }

    static ApiException stopped() {
        return new ApiException(503, "writes.stopped", "The server is stopping, or its write path has stopped; nothing was stored. Try again in a moment.");
    }

    /** Stops the committer after the writes already queued. */
    @Override
    public synchronized void close() {
        closed = true;
        if (running != null) {
            committer.queue.add(GroupedWrite.stop());
            try {
                running.get(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                log.error("The group-commit task did not end cleanly", e);
            }
        }
        if (ownsExecutor) executor.shutdown();
    }
}
