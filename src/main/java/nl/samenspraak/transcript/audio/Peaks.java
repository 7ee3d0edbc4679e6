package nl.samenspraak.transcript.audio;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * The waveform of a recording: for each bucket of {@code bucketMs} milliseconds the lowest and the highest
 * sample, as signed bytes (full scale ±127), interleaved {@code min, max, min, max, ...}; and the
 * recording's duration. Written as the answer of {@code GET /api/transcripts/{id}/waveform}
 * (docs/api.md, "Waveform"): a 20-byte big-endian header, then the pairs.
 *
 * <pre>
 * offset 0  4 bytes  "SSWF"
 * offset 4  int32    format version (1)
 * offset 8  int32    bucket length in milliseconds (10, or 20, 40, ... for recordings over two hours)
 * offset 12 int32    duration of the recording in milliseconds
 * offset 16 int32    number of buckets n
 * offset 20 2n bytes min, max of bucket 0, then of bucket 1, ...
 * </pre>
 */
public record Peaks(int bucketMs, long durationMs, byte[] minMax) {
    public static final byte[] MAGIC = {'S', 'S', 'W', 'F'};
    public static final int VERSION = 1;
    public static final int HEADER_BYTES = 20;

    public int buckets() { return minMax.length / 2; }

    public byte min(int bucket) { return minMax[2 * bucket]; }

    public byte max(int bucket) { return minMax[2 * bucket + 1]; }

    /** The size of {@link #write}'s output. */
    public long encodedSize() { return HEADER_BYTES + (long) minMax.length; }

    public void write(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.write(MAGIC);
        data.writeInt(VERSION);
        data.writeInt(bucketMs);
        data.writeInt((int) Math.min(Integer.MAX_VALUE, durationMs));
        data.writeInt(buckets());
        data.write(minMax);
        data.flush();
    }

    /** Reads what {@link #write} wrote, exactly {@code size} bytes of it; empty when it is not that (a wrong header, a short or long file). */
    public static Optional<Peaks> read(InputStream in, long size) throws IOException {
        if (size < HEADER_BYTES) return Optional.empty();
        DataInputStream data = new DataInputStream(in);
        byte[] magic = data.readNBytes(4);
        if (!java.util.Arrays.equals(magic, MAGIC) || data.readInt() != VERSION) return Optional.empty();
        int bucketMs = data.readInt();
        int durationMs = data.readInt();
        int buckets = data.readInt();
        if (bucketMs <= 0 || durationMs < 0 || buckets < 0 || buckets > PeakBuilder.MAX_BUCKETS
                || size != HEADER_BYTES + 2L * buckets) return Optional.empty();
        byte[] minMax = data.readNBytes(2 * buckets);
        if (minMax.length != 2 * buckets || data.read() != -1) return Optional.empty();
        return Optional.of(new Peaks(bucketMs, durationMs, minMax));
    }
}
