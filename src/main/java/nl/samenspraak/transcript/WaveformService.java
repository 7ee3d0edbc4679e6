package nl.samenspraak.transcript;

import nl.samenspraak.account.User;
import nl.samenspraak.http.ApiException;
import nl.samenspraak.transcript.audio.AudioException;
import nl.samenspraak.transcript.audio.FfmpegPeaks;
import nl.samenspraak.transcript.audio.PeakCache;
import nl.samenspraak.transcript.audio.Peaks;
import nl.samenspraak.transcript.audio.WavPeaks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * The waveform of a transcript's recording for the coding screen's timeline (issue 14): computed once per
 * recording and kept beside it ({@link PeakCache}), for whoever may read the transcript. WAV is read in
 * Java; every other format goes through ffmpeg when the server has it, else the answer is a 503 that
 * says so. A recording just stored has its waveform computed in the background at once, on the app's
 * executor for it ({@link #computeInBackground}), so the first coder to open it finds it made (or waits only
 * for the rest of that computation). Concurrent first requests for one recording, and the background work,
 * compute it once (the others wait for that result), and at most {@link #DECODERS} recordings are decoded at
 * a time on the whole server.
 */
public final class WaveformService {
    private static final Logger log = LoggerFactory.getLogger(WaveformService.class);
    /** Recordings decoded at the same time, at most: decoding is CPU work and the server has few cores. */
    static final int DECODERS = 2;
    /** How long ffmpeg may take over one recording before it is stopped (a 500 MiB video takes well under this). */
    public static final Duration DECODE_TIMEOUT = Duration.ofMinutes(10);

    private final MediaService media;
    private final Duration timeout;
    private final ConcurrentHashMap<Long, Object> locks = new ConcurrentHashMap<>();
    private final Semaphore decoders = new Semaphore(DECODERS, true);
    private final Supplier<Optional<Path>> ffmpeg;
    private final Executor background;

    /**
     * With the ffmpeg on the PATH, looked up at each computation (so installing it needs no restart); recordings
     * just stored are computed on {@code background} (the app's executor for it, one owned by the app).
     */
    public WaveformService(MediaService media, Executor background) {
        this(media, DECODE_TIMEOUT, FfmpegPeaks::find, background);
    }

    /** {@code ffmpeg} says where the program is, or that there is none; nothing computed in the background. */
    public WaveformService(MediaService media, Duration timeout, Supplier<Optional<Path>> ffmpeg) {
        this(media, timeout, ffmpeg, null);
    }

    private WaveformService(MediaService media, Duration timeout, Supplier<Optional<Path>> ffmpeg, Executor background) {
        this.media = media;
        this.timeout = timeout;
        this.ffmpeg = ffmpeg;
        this.background = background;
    }

    /** The peaks of the transcript's recording; 404 when it has none, 503 when its format needs ffmpeg and there is none. */
    public Peaks peaks(User user, long transcriptId) {
        return peaks(media.recording(user, transcriptId));
    }

    /**
     * Starts computing the waveform of a recording just stored, in the background; a request for it meanwhile
     * waits for that computation. A failure here is only logged: the request that asks later answers it.
     */
    public void computeInBackground(Media m) {
        if (background == null) return;
        try {
            background.execute(() -> {
                try {
                    if (current(m)) peaks(m);
                } catch (RuntimeException e) {
                    if (Thread.currentThread().isInterrupted()) {
                        log.info("The server is stopping; the waveform of transcript {} is computed when it is first asked for", m.transcriptId());
                    } else {
                        log.warn("The waveform of transcript {} could not be computed in the background; a request computes it: {}", m.transcriptId(),
                                e.getMessage());
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            log.info("The server is stopping; the waveform of transcript {} is computed when it is first asked for", m.transcriptId());
        }
    }

    /** Whether this is still the transcript's recording (not replaced or erased since). */
    private boolean current(Media m) {
        return media.find(m.transcriptId()).filter(now -> fingerprint(now) == fingerprint(m)).isPresent();
    }

    private Peaks peaks(Media m) {
        Path file = media.file(m);
        if (!Files.isRegularFile(file)) {
            throw ApiException.notFound("media.fileMissing", "The recording file of transcript " + m.transcriptId()).with("transcriptId", m.transcriptId());
        }
        Path cache = PeakCache.fileFor(file.getParent(), m.transcriptId());
        long fingerprint = fingerprint(m);
        Optional<Peaks> kept = kept(cache, fingerprint);
        if (kept.isPresent()) return kept.get();
        synchronized (locks.computeIfAbsent(m.transcriptId(), k -> new Object())) {
            kept = kept(cache, fingerprint);
            if (kept.isPresent()) return kept.get();
            Peaks peaks = compute(m, file);
            try {
                PeakCache.write(cache, fingerprint, peaks);
                // Erased (or replaced) while it was computed: nothing of it is left behind.
                if (!current(m)) Files.deleteIfExists(cache);
            } catch (IOException e) {
                log.warn("The waveform of transcript {} could not be kept in {}; it is computed again next time: {}", m.transcriptId(), cache, e.toString());
            }
            return peaks;
        }
    }

    private static Optional<Peaks> kept(Path cache, long fingerprint) {
        try {
            return PeakCache.read(cache, fingerprint);
        } catch (IOException e) {
            log.warn("The kept waveform {} could not be read; it is computed again: {}", cache, e.toString());
            return Optional.empty();
        }
    }

    private Peaks compute(Media m, Path file) {
        String type = extension(m.storedName());
        long start = System.nanoTime();
        decoders.acquireUninterruptibly();
        try {
            Optional<Peaks> peaks = type.equals("wav") ? WavPeaks.read(file) : Optional.empty();
            Peaks result = peaks.isPresent() ? peaks.get() : FfmpegPeaks.read(ffmpeg.get(), file, media.spoolFolder(), timeout);
            log.info("Waveform of transcript {} computed in {} ms: {} buckets of {} ms, {} ms of {}", m.transcriptId(),
                    (System.nanoTime() - start) / 1_000_000, result.buckets(), result.bucketMs(), result.durationMs(), type);
            return result;
        } catch (AudioException e) {
            throw refusal(m, type, e);
        } finally {
            decoders.release();
        }
    }

    private ApiException refusal(Media m, String type, AudioException e) {
        return switch (e.reason()) {
            case NO_DECODER -> new ApiException(503, "waveform.noDecoder", "The waveform of a ." + type
                    + " recording needs ffmpeg, which is not installed on this server; WAV recordings have a waveform without it.")
                    .with("type", type);
            case UNDECODABLE -> new ApiException(422, "waveform.undecodable", "The recording of transcript " + m.transcriptId()
                    + " (" + m.fileName() + ") could not be decoded: " + e.getMessage() + ".")
                    .with("transcriptId", m.transcriptId()).with("file", m.fileName()).with("reason", e.getMessage());
            case TIMEOUT -> new ApiException(503, "waveform.timeout", "Computing the waveform of transcript " + m.transcriptId()
                    + " took longer than " + timeout.toSeconds() + " s and was stopped; try again later.")
                    .with("transcriptId", m.transcriptId()).with("seconds", timeout.toSeconds());
        };
    }

    private static String extension(String storedName) {
        int dot = storedName.lastIndexOf('.');
        return dot < 0 ? "" : storedName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** Which upload of the recording the peaks belong to: a new upload (even of the same name) has another. */
    static long fingerprint(Media m) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((m.storedName() + "\n" + m.sizeBytes() + "\n" + m.uploadedAt()).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
