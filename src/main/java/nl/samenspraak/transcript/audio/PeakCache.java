package nl.samenspraak.transcript.audio;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The computed peaks of a recording, kept beside it in the media folder as {@code <transcript id>.peaks}.
 * The file holds a fingerprint of the recording it was computed from (so a replaced recording is never
 * answered with the old one's peaks) and a CRC-32 of the peaks, then {@link Peaks#write}'s bytes. It is
 * written to a temporary file and moved into place, so a reader sees the old file or the whole new one;
 * a file that is short, long, of another fingerprint or with a wrong checksum counts as absent.
 *
 * <pre>
 * "SSPC", int64 fingerprint, int32 CRC-32 of what follows, then the peaks as Peaks.write writes them
 * </pre>
 */
public final class PeakCache {
    private static final byte[] MAGIC = {'S', 'S', 'P', 'C'};
    private static final int PREAMBLE = 16;

    private PeakCache() {}

    /** Where the peaks of a transcript's recording are kept. */
    public static Path fileFor(Path mediaFolder, long transcriptId) {
        return mediaFolder.resolve(transcriptId + ".peaks");
    }

    /** The kept peaks, if the file is whole and was computed from the recording of this fingerprint. */
    public static Optional<Peaks> read(Path file, long fingerprint) throws IOException {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (size < PREAMBLE + Peaks.HEADER_BYTES || size > PREAMBLE + Peaks.HEADER_BYTES + 2L * PeakBuilder.MAX_BUCKETS) return Optional.empty();
        byte[] body;
        int crc;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            DataInputStream data = new DataInputStream(in);
            if (!Arrays.equals(data.readNBytes(4), MAGIC) || data.readLong() != fingerprint) return Optional.empty();
            crc = data.readInt();
            body = data.readNBytes((int) (size - PREAMBLE));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        CRC32 check = new CRC32();
        check.update(body);
        if ((int) check.getValue() != crc) return Optional.empty();
        return Peaks.read(new ByteArrayInputStream(body), body.length);
    }

    /** Keeps the peaks: a temporary file in the same folder, then one atomic move over any older file. */
    public static void write(Path file, long fingerprint, Peaks peaks) throws IOException {
        ByteArrayOutputStream encoded = new ByteArrayOutputStream((int) peaks.encodedSize());
        peaks.write(encoded);
        byte[] body = encoded.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(body);
        Path temp = Files.createTempFile(file.getParent(), file.getFileName() + "-", ".part");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp))) {
                DataOutputStream data = new DataOutputStream(out);
                data.write(MAGIC);
                data.writeLong(fingerprint);
                data.writeInt((int) crc.getValue());
                data.write(body);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
        } finally {
            if (temp != null) Files.deleteIfExists(temp);
        }
    }

    /** Removes the kept peaks of a transcript (its recording is erased or replaced); no file is no error. */
    public static void delete(Path mediaFolder, long transcriptId) throws IOException {
        Files.deleteIfExists(fileFor(mediaFolder, transcriptId));
    }
}
