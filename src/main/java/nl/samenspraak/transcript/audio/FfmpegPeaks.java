package nl.samenspraak.transcript.audio;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * The peaks of any recording ffmpeg decodes (MP3, M4A/AAC, OGG/Opus/Vorbis, FLAC, the sound of MP4 and
 * WebM), with Debian's {@code ffmpeg} as a separate process: it writes the sound as a 16-bit mono WAV at
 * the recording's own rate to its standard output ({@code ffmpeg -v error -nostdin -protocol_whitelist file
 * -f DEMUXER -i FILE -vn -ac 1 -c:a pcm_s16le -f wav -}), which {@link WavPeaks} reads as a stream (the WAV header names the rate).
 * It does not resample (say to 8 kHz with {@code -ar 8000 -f s16le}): for a 90-minute MP3 ffmpeg's
 * resampler cost more than reading the extra samples here (BENCHMARKS.md, "Waveform"). A run that takes longer than its timeout is
 * killed, and so is one whose reader fails; its error output goes to a temporary file, of which the end
 * is quoted in the message.
 */
public final class FfmpegPeaks {
    private static final int ERROR_CHARS = 300;
    /**
     * The demuxer for each stored extension, given to ffmpeg rather than left to its guess: a file that
     * passed the upload's check of its first bytes is read as that container only, never as a playlist
     * that would make ffmpeg open other files or addresses ({@code -protocol_whitelist file} as well).
     */
    static final java.util.Map<String, String> DEMUXERS = java.util.Map.of("mp3", "mp3", "m4a", "mov", "mp4", "mov",
            "ogg", "ogg", "webm", "matroska", "wav", "wav", "flac", "flac");

    private FfmpegPeaks() {}

    /** The ffmpeg program on the PATH, if there is one. */
    public static Optional<Path> find() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, "ffmpeg"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /**
     * Decodes {@code file} with the program {@code ffmpeg} (none: not installed); {@code scratch} is a folder for its error output.
     *
     * @throws AudioException NO_DECODER without ffmpeg, UNDECODABLE when ffmpeg refuses the file, TIMEOUT after {@code timeout}
     */
    public static Peaks read(Optional<Path> program, Path file, Path scratch, Duration timeout) throws AudioException {
        String name = file.getFileName().toString();
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
        Path ffmpeg = program.orElseThrow(() -> new AudioException(AudioException.Reason.NO_DECODER,
                "ffmpeg is not installed on the server (only WAV is read without it)"));
        Path errors = null;
        Process process = null;
        AtomicBoolean timedOut = new AtomicBoolean();
        try {
            errors = Files.createTempFile(scratch, "ffmpeg-", ".log");
            process = new ProcessBuilder(List.of(ffmpeg.toString(), "-v", "error", "-nostdin",
                    "-protocol_whitelist", "file", "-f", DEMUXERS.getOrDefault(extension, "wav"), "-i", file.toString(),
                    "-vn", "-ac", "1", "-c:a", "pcm_s16le", "-f", "wav", "-"))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectError(errors.toFile())
                    .start();
            Process running = process;
            CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
                if (running.isAlive()) {
                    timedOut.set(true);
                    running.destroyForcibly();
                }
            });
            Peaks peaks = null;
            AudioException unreadable = null;
            try (InputStream out = new BufferedInputStream(process.getInputStream(), 64 * 1024)) {
                peaks = WavPeaks.read(out, Long.MAX_VALUE).orElse(null);
            } catch (AudioException e) {
                unreadable = e;
            } catch (EOFException e) {
                unreadable = new AudioException(AudioException.Reason.UNDECODABLE, "ffmpeg's output ended early");
            }
            int exit = process.waitFor();
            if (timedOut.get()) {
                throw new AudioException(AudioException.Reason.TIMEOUT, "decoding took longer than " + timeout.toSeconds() + " s and was stopped");
            }
            if (exit != 0) {
                throw new AudioException(AudioException.Reason.UNDECODABLE, "ffmpeg could not decode it (exit " + exit + "): " + tail(errors, file));
            }
            if (unreadable != null) throw unreadable;
            if (peaks == null) throw new AudioException(AudioException.Reason.UNDECODABLE, "ffmpeg did not write 16-bit PCM");
            return peaks;
        } catch (IOException e) {
            if (timedOut.get()) throw new AudioException(AudioException.Reason.TIMEOUT, "decoding took longer than " + timeout.toSeconds() + " s and was stopped");
            throw new AudioException(AudioException.Reason.UNDECODABLE, "ffmpeg could not be run or read: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AudioException(AudioException.Reason.TIMEOUT, "decoding was interrupted", e);
        } finally {
            if (process != null && process.isAlive()) process.destroyForcibly();
            if (errors != null) {
                try {
                    Files.deleteIfExists(errors);
                } catch (IOException ignored) {
                    // a left-over log in the scratch folder is harmless
                }
            }
        }
    }

    /** The last lines ffmpeg wrote to its error output, on one line, naming the file without the server's folders. */
    private static String tail(Path errors, Path file) {
        try {
            String text = Files.readString(errors, StandardCharsets.UTF_8).replace(file.toString(), file.getFileName().toString())
                    .strip().replaceAll("\\s+", " ");
            if (text.isEmpty()) return "no message";
            return text.length() <= ERROR_CHARS ? text : "..." + text.substring(text.length() - ERROR_CHARS);
        } catch (IOException e) {
            return "no message";
        }
    }
}
