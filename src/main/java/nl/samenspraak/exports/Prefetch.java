package nl.samenspraak.exports;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs a producer of rows (the database read) as a task on the given executor (the app's export executor,
 * which runs it at once) and hands its rows, in batches through
 * a small bounded queue, to the consumer on the calling thread (the writer): reading and decoding rows
 * overlaps with writing and compressing them. At most {@code QUEUED} batches wait, so memory stays flat.
 * A failure on either side stops both and is rethrown on the calling thread.
 */
final class Prefetch {
    private Prefetch() {}

    static final int BATCH = 2048;
    static final int QUEUED = 8;

    static <T> void run(Consumer<Consumer<T>> producer, Consumer<T> consumer, Executor executor) {
        BlockingQueue<List<T>> queue = new ArrayBlockingQueue<>(QUEUED);
        List<T> end = new ArrayList<>(0);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean cancelled = new AtomicBoolean();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            List<List<T>> batch = new ArrayList<>(List.of(new ArrayList<>(BATCH)));
            try {
                producer.accept(row -> {
                    if (cancelled.get()) throw new CancellationException("the writer stopped");
                    batch.get(0).add(row);
                    if (batch.get(0).size() == BATCH) {
                        put(queue, batch.get(0));
                        batch.set(0, new ArrayList<>(BATCH));
                    }
                });
                put(queue, batch.get(0));
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            } finally {
                put(queue, end);
            }
        }, executor);
        try {
            for (List<T> rows = take(queue); rows != end; rows = take(queue)) {
                if (failure.get() == null) rows.forEach(consumer);
            }
        } catch (RuntimeException | Error e) {
            cancelled.set(true);
            while (take(queue) != end) {
                // let the reader finish its put and stop
            }
            throw e;
        } finally {
            join(reader);
        }
        Throwable f = failure.get();
        if (f instanceof RuntimeException r) throw r;
        if (f instanceof Error e) throw e;
        if (f != null) throw new IllegalStateException(f);
    }

    private static <T> void put(BlockingQueue<List<T>> queue, List<T> rows) {
        try {
            queue.put(rows);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
    }

    private static <T> List<T> take(BlockingQueue<List<T>> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
    }

    /** Waits for the reader task; its failures were recorded in the task itself. */
    private static void join(CompletableFuture<Void> reader) {
        try {
            reader.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // the task catches everything it throws; nothing reaches here
        }
    }
}
