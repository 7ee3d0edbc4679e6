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
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * One part of the package (a sheet's XML) compressed while it is written: the writer hands over chunks,
 * a thread of this part deflates them (raw deflate, as a zip entry holds it) into a temp file and keeps
 * the CRC-32 and sizes, so the writer thread only generates XML. A bounded queue keeps memory flat.
 */
final class CompressedPart extends OutputStream {
    private static final byte[] END = new byte[0];
    private static final int QUEUED = 16;

    final String name;
    final Path file;
    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(QUEUED);
    private final Thread thread;
    private volatile Throwable failure;
    private boolean closed;
    long crc;
    long size;
    long compressedSize;

    CompressedPart(String name) {
        this.name = name;
        try {
            this.file = Files.createTempFile("samenspraak-part-", ".deflate");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        thread = new Thread(this::compress, "xlsx-deflate");
        thread.setDaemon(true);
        thread.start();
    }

    private void compress() {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
        CRC32 crc32 = new CRC32();
        byte[] out = new byte[1 << 16];
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(this.file), 1 << 16)) {
            for (byte[] chunk = queue.take(); chunk != END; chunk = queue.take()) {
                if (failure != null) continue;
                crc32.update(chunk);
                size += chunk.length;
                deflater.setInput(chunk);
                while (!deflater.needsInput()) compressedSize += write(file, out, deflater.deflate(out));
            }
            deflater.finish();
            while (!deflater.finished()) compressedSize += write(file, out, deflater.deflate(out));
            crc = crc32.getValue();
        } catch (IOException | RuntimeException e) {
            failure = e;
        } catch (InterruptedException e) {
            failure = e;
            Thread.currentThread().interrupt();
        } finally {
            deflater.end();
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
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while compressing " + name, e);
        }
        check();
    }

    /** Stops the thread and deletes the temp file (after a failure, or after the part was copied). */
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
        try {
            queue.put(END);
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
