package nl.samenspraak.transcript;

import nl.samenspraak.support.Tools;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Real recordings for the waveform tests and benchmark, made by Debian's {@code sox} (tones and silence as
 * WAV) and {@code ffmpeg} (the same as MP3 and OGG/Opus). Missing tools skip the test, and fail it in CI
 * ({@link Tools}); {@code .ci/run} installs both.
 */
final class Audio {
    private Audio() {}

    static boolean installed(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, program)));
    }

    static void requireSox() {
        Tools.require(installed("sox"), "sox is not installed (apt-get install sox)");
    }

    static void requireFfmpeg() {
        Tools.require(installed("ffmpeg"), "ffmpeg is not installed (apt-get install ffmpeg)");
    }

    /**
     * A 440 Hz sine of amplitude {@code volume} (of full scale) for {@code toneSeconds}, then silence for
     * {@code silenceSeconds}; {@code format} are sox's output options ({@code -r 16000 -c 1 -b 16}, say).
     */
    static Path tone(Path file, String format, double volume, double toneSeconds, double silenceSeconds) {
        List<String> command = new ArrayList<>(List.of("sox", "-D", "-n"));
        command.addAll(List.of(format.split(" ")));
        command.add(file.toString());
        command.addAll(List.of("synth", String.valueOf(toneSeconds), "sine", "440", "vol", String.valueOf(volume),
                "pad", "0", String.valueOf(silenceSeconds)));
        run(command);
        return file;
    }

    /** The same sound in another format, by ffmpeg ({@code codec}: libmp3lame, libopus). */
    static Path convert(Path source, Path target, String codec, String bitRate) {
        run(List.of("ffmpeg", "-v", "error", "-nostdin", "-y", "-i", source.toString(), "-c:a", codec, "-b:a", bitRate, target.toString()));
        return target;
    }

    /** Runs a command that makes {@code made}, and answers it. */
    static Path run(Path made, List<String> command) {
        run(command);
        return made;
    }

    static void run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) throw new AssertionError(String.join(" ", command) + " failed: " + out);
        } catch (IOException e) {
            throw new AssertionError(String.join(" ", command) + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
