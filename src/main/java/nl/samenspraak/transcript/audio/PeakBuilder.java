package nl.samenspraak.transcript.audio;

import java.util.Arrays;

/**
 * Folds a stream of samples into peaks: the lowest and highest sample of every bucket of
 * {@link #BASE_BUCKET_MS} ms, over all channels. It holds only the peaks (two bytes a bucket), never the
 * audio. A recording longer than {@link #MAX_BUCKETS} buckets (two hours at 10 ms) is folded again:
 * neighbouring buckets merge and the bucket doubles (20 ms, 40 ms, ...), so the answer stays under
 * 1.5 MB however long the recording is.
 */
public final class PeakBuilder {
    public static final int BASE_BUCKET_MS = 10;
    /** At most this many buckets: two hours at 10 ms, 1.44 MB of peaks. */
    public static final int MAX_BUCKETS = 720_000;

    private final long sampleRate;
    private final int channels;
    private int bucketMs = BASE_BUCKET_MS;
    private byte[] peaks = new byte[2 * 4096];
    private int count;
    private long frame;
    private int channel;
    private long nextBoundary;
    private int min = Integer.MAX_VALUE;
    private int max = Integer.MIN_VALUE;

    /** Samples arrive interleaved, {@code channels} to a frame, at {@code sampleRate} frames a second. */
    public PeakBuilder(int sampleRate, int channels) {
        if (sampleRate <= 0 || channels <= 0) throw new IllegalArgumentException("sample rate " + sampleRate + ", channels " + channels);
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.nextBoundary = boundary(1);
    }

    /** One sample, scaled to 16 bits (-32768..32767). */
    public void add(int sample) {
        if (sample < min) min = sample;
        if (sample > max) max = sample;
        if (++channel == channels) {
            channel = 0;
            if (++frame == nextBoundary) close();
        }
    }

    /** Samples {@code from} (inclusive) to {@code to} (exclusive) of a buffer of 16-bit samples. */
    public void add(short[] samples, int from, int to) {
        for (int i = from; i < to; i++) add(samples[i]);
    }

    /** The frame at which bucket {@code index} (of the current bucket size) starts. */
    private long boundary(long index) {
        return index * sampleRate * bucketMs / 1000;
    }

    private void close() {
        if (count == MAX_BUCKETS) {
            fold();
            nextBoundary = boundary(count + 1L);
            if (frame < nextBoundary) return; // the bucket now open is twice as long: keep gathering
        }
        write();
    }

    private void write() {
        if (2 * count + 2 > peaks.length) peaks = Arrays.copyOf(peaks, Math.min(2 * MAX_BUCKETS, peaks.length * 2));
        peaks[2 * count] = toByte(min);
        peaks[2 * count + 1] = toByte(max);
        count++;
        min = Integer.MAX_VALUE;
        max = Integer.MIN_VALUE;
        nextBoundary = boundary(count + 1L);
    }

    /** Merges neighbouring buckets: half as many, twice as long. */
    private void fold() {
        int half = count / 2;
        for (int i = 0; i < half; i++) {
            peaks[2 * i] = (byte) Math.min(peaks[4 * i], peaks[4 * i + 2]);
            peaks[2 * i + 1] = (byte) Math.max(peaks[4 * i + 1], peaks[4 * i + 3]);
        }
        count = half;
        bucketMs *= 2;
    }

    /** A 16-bit sample as a signed byte, full scale 127 either way, rounded to the nearest. */
    static byte toByte(int sample16) {
        int v = Math.round(sample16 * 127f / 32767f);
        return (byte) Math.max(-127, Math.min(127, v));
    }

    /** The peaks of everything added; a last, partial bucket counts. */
    public Peaks finish() {
        if (min != Integer.MAX_VALUE) {
            if (count == MAX_BUCKETS) fold();
            write();
        }
        long durationMs = frame * 1000 / sampleRate;
        return new Peaks(bucketMs, durationMs, Arrays.copyOf(peaks, 2 * count));
    }
}
