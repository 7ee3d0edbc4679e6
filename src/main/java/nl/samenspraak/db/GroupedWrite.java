package nl.samenspraak.db;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One small write waiting for the group commit, and its caller's answer. It is taken up by the committer
 * ({@link #start}) or given up by its caller after the wait ({@link #cancel}), never both, so a caller told
 * "not stored" is right.
 */
final class GroupedWrite<T> {
    private static final int WAITING = 0, STARTED = 1, CANCELLED = 2;

    final HandleCallback<T, RuntimeException> work;
    final CompletableFuture<T> result = new CompletableFuture<>();
    private final AtomicInteger state = new AtomicInteger(WAITING);
    private T value;
    private RuntimeException failure;

    GroupedWrite(HandleCallback<T, RuntimeException> work) {
        this.work = work;
    }

    /** The stop marker for the committer. */
    static GroupedWrite<Void> stop() {
        return new GroupedWrite<>(null);
    }

    boolean isStop() {
        return work == null;
    }

    /** The committer takes it up, unless its caller gave up first. */
    boolean start() {
        return state.compareAndSet(WAITING, STARTED);
    }

    /** The caller gives up, unless the committer has taken it up already. */
    boolean cancel() {
        return state.compareAndSet(WAITING, CANCELLED);
    }

    /**
     * Runs without a savepoint, as every write of a batch first does ({@link GroupCommit}); false when it was refused
     * (a RuntimeException), after which the committer rolls the batch back and runs it again through {@link #runIn}.
     */
    boolean runBare(Handle h) {
        try {
            value = work.withHandle(h);
            return true;
        } catch (RuntimeException e) {
            failure = e;
            return false;
        }
    }

    /** Forgets what a run that was rolled back gave. */
    void reset() {
        value = null;
        failure = null;
    }

    /**
     * Runs in a savepoint, so one refused write (a RuntimeException: a 400, a conflict) does not undo the
     * others of its batch. Anything else (an Error) is not caught here: it fails the whole batch.
     */
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

    /** After the commit: the caller gets its value, or the refusal of its own write. */
    void finish() {
        if (failure != null) result.completeExceptionally(failure);
        else result.complete(value);
    }

    void fail(RuntimeException e) {
        result.completeExceptionally(e);
    }
}
