package nl.samenspraak.support;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real, small file system: a tmpfs of a given size mounted on a folder (Linux, needs the right
 * to mount: root with CAP_SYS_ADMIN, as on this project's machines). Where mounting is not
 * allowed the calling test is skipped, and says why. {@link #fill} writes a file until the disk is full.
 */
public final class SmallDisk implements AutoCloseable {
    public final Path path;
    private final Path filler;

    private SmallDisk(Path path) {
        this.path = path;
        this.filler = path.resolve("filler.bin");
    }

    public static SmallDisk mount(Path folder, long bytes) {
        try {
            Files.createDirectories(folder);
            Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + bytes / 1024 + "k", "tmpfs", folder.toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            Assumptions.assumeTrue(p.waitFor() == 0, "cannot mount a small tmpfs here (" + out.strip() + "): the full-disk test needs root with CAP_SYS_ADMIN");
        } catch (IOException e) {
            Assumptions.abort("cannot run mount: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Assumptions.abort("interrupted");
        }
        return new SmallDisk(folder);
    }

    /** Writes until the file system refuses: afterwards not one more block fits. */
    public void fill() {
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) out.write(block);
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left")) throw new UncheckedIOException(full);
        }
    }

    /** Makes room again. */
    public void free() {
        try {
            Files.deleteIfExists(filler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            new ProcessBuilder("umount", "-l", path.toString()).redirectErrorStream(true).start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
