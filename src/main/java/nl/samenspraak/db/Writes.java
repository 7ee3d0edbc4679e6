package nl.samenspraak.db;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one way to write. SQLite has one writer at a time, and a writer that finds the lock taken
 * sleeps in SQLite's busy handler (1, 2, 5 ... 100 ms), which ruins latency under load; so writers
 * of this process queue on a fair Java lock instead. Small independent writes (a coder's save) go
 * through {@link #grouped}: a committer (one long task on the executor the app gives it) runs
 * everything waiting in one transaction, each write in its own savepoint, and answers each caller
 * after the commit (group commit), so every acknowledged write is durable and one fsync serves many.
 */
public final class Writes implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Writes.class);
    /** Enough to amortise a commit over many saves, small enough to keep one batch short. */
    static final int MAX_BATCH = 256;

    private final Jdbi jdbi;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final LinkedBlockingQueue<Job<?>> queue = new LinkedBlockingQueue<>();
    private final ExecutorService executor;
    private final boolean ownsExecutor;
    private Future<?> committer;
    private volatile boolean closed;

    /** Over the app's executor for the committer (a single thread; the app shuts it down after {@link #close}). */
    public Writes(Jdbi jdbi, ExecutorService committerExecutor) {
        this(jdbi, committerExecutor, false);
    }

    /** On its own, for the command line and tests: with an executor of its own, shut down by {@link #close}. */
    public Writes(Jdbi jdbi) {
        this(jdbi, Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "group-commit");
            t.setDaemon(true);
            return t;
        }), true);
    }

    private Writes(Jdbi jdbi, ExecutorService executor, boolean ownsExecutor) {
        this.jdbi = jdbi;
        this.executor = executor;
        this.ownsExecutor = ownsExecutor;
    }

    public <T, X extends Exception> T inTransaction(HandleCallback<T, X> work) throws X {
        lock.lock();
        try {
            return jdbi.inTransaction(work);
        } finally {
            lock.unlock();
        }
    }

    public <X extends Exception> void useTransaction(HandleConsumer<X> work) throws X {
        inTransaction(h -> { work.useHandle(h); return null; });
    }

    /** Runs {@code work} in a transaction shared with other waiting writes; returns once it is committed. */
    public <T> T grouped(HandleCallback<T, RuntimeException> work) {
        Job<T> job = new Job<>(work);
        startCommitter();
        queue.add(job);
        try {
            return job.result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while saving", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        }
    }

    private synchronized void startCommitter() {
        if (closed) throw new IllegalStateException("The database is closed.");
        if (committer != null) return;
        committer = executor.submit(this::commitLoop);
    }

    private void commitLoop() {
        try (Handle h = jdbi.open()) {
            List<Job<?>> batch = new ArrayList<>(MAX_BATCH);
            boolean stop = false;
            while (!stop) {
                batch.add(queue.take());
                queue.drainTo(batch, MAX_BATCH - 1);
                stop = batch.removeIf(j -> j.work == null);
                if (!batch.isEmpty()) commit(h, batch);
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("The group-commit thread stopped", e);
        }
    }

    private void commit(Handle h, List<Job<?>> batch) {
        lock.lock();
        try {
            h.begin();
            for (int i = 0; i < batch.size(); i++) batch.get(i).runIn(h, "job" + i);
            h.commit();
            for (Job<?> job : batch) job.finish();
        } catch (RuntimeException e) {
            try { h.rollback(); } catch (RuntimeException ignored) { /* the connection reports the first error */ }
            for (Job<?> job : batch) job.result.completeExceptionally(e);
        } finally {
            lock.unlock();
        }
    }

    /** Stops the committer after the writes already queued. */
    @Override
    public synchronized void close() {
        closed = true;
        if (committer != null) {
            queue.add(new Job<>(null));
            try {
                committer.get(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                log.error("The group-commit task did not end cleanly", e);
            }
        }
        if (ownsExecutor) executor.shutdown();
    }

    private static final class Job<T> {
        final HandleCallback<T, RuntimeException> work;
        final CompletableFuture<T> result = new CompletableFuture<>();
        T value;
        RuntimeException failure;

        Job(HandleCallback<T, RuntimeException> work) { this.work = work; }

        /** Runs in a savepoint, so one refused write does not undo the others of its batch. */
        void runIn(Handle h, String savepoint) {
            h.savepoint(savepoint);
            try {
                value = work.withHandle(h);
                h.releaseSavepoint(savepoint);
            } catch (RuntimeException e) {
                h.rollbackToSavepoint(savepoint); // Jdbi forgets the savepoint here; the commit releases it
                failure = e;
            }
        }

        void finish() {
            if (failure != null) result.completeExceptionally(failure);
            else result.complete(value);
        }
    }
}
