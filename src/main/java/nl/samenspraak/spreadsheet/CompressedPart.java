package nl.samenspraak.spreadsheet;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * One part of the package (a sheet's XML) compressed while it is written: the writer hands over chunks,
 * a task of this part (on the executor the caller gives, which must run it at once: the app's export
 * executor has a thread for every task) deflates them (raw deflate, as a zip entry holds it) into a temp
 * file and keeps the CRC-32 and sizes, so the writer thread only generates XML. A bounded queue keeps memory flat.
 */
final class CompressedPart extends OutputStream {
    private static final byte[] END = new byte[0];
    private static final int QUEUED = 16;

    final String name;
    final Path file;
    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(QUEUED);
    private final CompletableFuture<Void> compressed;
    private volatile Throwable failure;
    private boolean closed;
    long crc;
    long size;
    long compressedSize;

    CompressedPart(String name, Executor executor) {
        this.name = name;
        try {
            this.file = Files.createTempFile("samenspraak-part-", ".deflate");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        compressed = CompletableFuture.runAsync(this::compress, executor);
    }

    private void compress() {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
        CRC32 crc32 = new CRC32();
        byte[] out = new byte[1 << 16];
        boolean ended = false;
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(this.file), 1 << 16)) {
            for (byte[] chunk = queue.take(); chunk != END; chunk = queue.take()) {
                if (failure != null) continue;
                crc32.update(chunk);
                size += chunk.length;
                deflater.setInput(chunk);
                while (!deflater.needsInput()) compressedSize += write(file, out, deflater.deflate(out));
            }
            ended = true;
            deflater.finish();
            while (!deflater.finished()) compressedSize += write(file, out, deflater.deflate(out));
            crc = crc32.getValue();
        } catch (IOException | RuntimeException | Error e) {
            failure = e;
            if (!ended) drain();
        } catch (InterruptedException e) {
            failure = e;
            Thread.currentThread().interrupt();
        } finally {
            deflater.end();
        }
    }

    /** After a failure: takes what the writer still hands over until the end, so it never waits on a full queue. */
    private void drain() {
        try {
            while (queue.take() != END) {
                // dropped: the part failed, and the writer learns so at its next write or at close
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int write(OutputStream file, byte[] out, int n) throws IOException {
        file.write(out, 0, n);
        return n;
    }

    @Override
    public void write(int b) {
        write(new byte[]{(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        if (len == 0) return;
        check();
        put(Arrays.copyOfRange(b, off, off + len));
    }

    /** Ends the part and waits until it is compressed. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        put(END);
        await();
        check();
    }

    /** Stops the task and deletes the temp file (after a failure, or after the part was copied). */
    void discard() {
        if (!closed) {
            failure = failure == null ? new IllegalStateException("discarded") : failure;
            close0();
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temp file; the OS cleans its temp folder
        }
    }

    private void close0() {
        closed = true;
        queue.clear();
        put(END);
        await();
    }

    /** Waits until the compressing task has ended (its failure, if any, is kept in {@link #failure}). */
    private void await() {
        try {
            compressed.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while compressing " + name, e);
        } catch (ExecutionException e) {
            if (failure == null) failure = e.getCause();
        }
    }

    private void put(byte[] chunk) {
        try {
            queue.put(chunk);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing " + name, e);
        }
    }

    private void check() {
        Throwable f = failure;
        if (f instanceof IOException io) throw new UncheckedIOException(io);
        if (f != null) throw new IllegalStateException("Compressing " + name + " failed", f);
    }
}
