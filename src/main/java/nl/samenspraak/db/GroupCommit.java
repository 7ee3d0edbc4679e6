package nl.samenspraak.db;

import nl.samenspraak.http.ApiException;
import nl.samenspraak.http.DiskFull;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The committer of {@link Writes#grouped}: a loop (one long task) that takes every write waiting, runs them
 * in one transaction and answers their callers after the commit. Whatever a batch throws, an Error included,
 * fails that batch's callers with a 503 and is logged; the loop goes on with the next batch on a fresh
 * connection, so one bad batch never stops the saves after it.
 */
final class GroupCommit implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
    /** Enough to amortise a commit over many saves, small enough to keep one batch short. */
    static final int MAX_BATCH = 256;

    private final Jdbi jdbi;
    private final ReentrantLock lock;
    /** Takes the database's write lock in a transaction just begun ({@link Writes#lockWriter}). */
    private final java.util.function.Consumer<Handle> lockWriter;
    final LinkedBlockingQueue<GroupedWrite<?>> queue = new LinkedBlockingQueue<>();
    final AtomicLong batches = new AtomicLong();
    final AtomicLong failedBatches = new AtomicLong();
    volatile boolean running;

    GroupCommit(Jdbi jdbi, ReentrantLock lock, java.util.function.Consumer<Handle> lockWriter) {
        this.jdbi = jdbi;
        this.lock = lock;
        this.lockWriter = lockWriter;
    }

    @Override
    public void run() {
        running = true;
        Handle h = null;
        try {
            List<GroupedWrite<?>> batch = new ArrayList<>(MAX_BATCH);
            boolean stop = false;
            while (!stop) {
                batch.add(queue.take());
                queue.drainTo(batch, MAX_BATCH - 1);
                stop = batch.removeIf(GroupedWrite::isStop);
                if (!batch.isEmpty()) h = commitOrFail(h, batch);
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running = false;
            close(h);
            // Nothing waits for a committer that has ended: what is still queued is answered now.
            for (GroupedWrite<?> w; (w = queue.poll()) != null; ) if (w.start()) w.fail(Writes.stopped());
        }
    }

    /** Commits the batch, or fails its callers; returns the connection for the next batch (a fresh one after a failure). */
    private Handle commitOrFail(Handle h, List<GroupedWrite<?>> batch) {
        List<GroupedWrite<?>> started = new ArrayList<>(batch.size());
        try {
            if (h == null) h = jdbi.open();
            commit(h, batch, started);
            return h;
        } catch (Throwable t) { // an Error too: this batch fails, the next one is committed
            failedBatches.incrementAndGet();
            log.error("A batch of {} grouped writes failed and was rolled back; its callers are answered 503", started.size(), t);
            // A full disk is the server's state, not a fault of the write path: its callers get the 507 that says so.
            ApiException answer = DiskFull.is(t) ? DiskFull.error()
                    : new ApiException(503, "writes.batchFailed", "The server could not save this change (its write path failed; the error has been logged). "
                    + "Nothing of it was stored; try again.");
            for (GroupedWrite<?> w : started) w.fail(answer);
            close(h);
            return null;
        }
    }

    /** Commits the writes of the batch still wanted (every one may have been given up by its caller: then nothing) and counts the batch. */
    private void commit(Handle h, List<GroupedWrite<?>> batch, List<GroupedWrite<?>> started) {
        lock.lock();
        try {
            // Taken up only now, with the lock held: a caller that gave up while the lock was busy is not written.
            for (GroupedWrite<?> w : batch) if (w.start()) started.add(w);
            if (started.isEmpty()) return;
            h.begin();
            try {
                lockWriter.accept(h);
                // Nearly every write succeeds, so a batch first runs without savepoints (on PostgreSQL each is two
                // round trips per write). A refused write rolls the whole batch back; it then runs again with a
                // savepoint per write, so the refusal undoes only its own write. The work is database work only,
                // so running it twice is running it once.
                if (!allBare(h, started)) {
                    h.rollback();
                    h.begin();
                    lockWriter.accept(h);
                    for (int i = 0; i < started.size(); i++) {
                        started.get(i).reset();
                        started.get(i).runIn(h, "write" + i);
                    }
                }
                h.commit();
            } catch (Throwable t) {
                try {
                    h.rollback();
                } catch (RuntimeException ignored) {
                    // the connection is replaced; the first error is the one that counts
                }
                throw t;
            }
            batches.incrementAndGet(); // before the callers hear of it, so a caller answered sees its batch counted
            for (GroupedWrite<?> w : started) w.finish();
        } finally {
            lock.unlock();
        }
    }

    /** Runs the writes in order without savepoints; false at the first that is refused. */
    private static boolean allBare(Handle h, List<GroupedWrite<?>> writes) {
        for (GroupedWrite<?> w : writes) if (!w.runBare(h)) return false;
        return true;
    }

    private static void close(Handle h) {
        if (h == null) return;
        try {
            h.close();
        } catch (RuntimeException e) {
            log.warn("Closing the group-commit connection failed", e);
        }
    }
}
