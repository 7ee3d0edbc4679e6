package nl.samenspraak.transcript;

import nl.samenspraak.support.Tools;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Real recordings for the tests, made with Debian's sox and ffmpeg: 3.5 seconds of two tones taking turns
 * (440 Hz and 660 Hz, half a second each), in every format the app reads a duration from.
 */
final class TestRecordings {
    static final long MILLIS = 3500;

    private TestRecordings() {}

    static void requireTools() {
        Tools.require(new File("/usr/bin/sox").canExecute() && new File("/usr/bin/ffmpeg").canExecute(),
                "sox or ffmpeg is not installed (apt-get install sox ffmpeg)");
    }

    /** The WAV file all others are made from, in {@code dir}. */
    static Path wav(Path dir) throws IOException, InterruptedException {
        Path wav = dir.resolve("tones.wav");
        if (Files.exists(wav)) return wav;
        List<String> cmd = new ArrayList<>(List.of("sox", "-n", "-r", "44100", "-c", "1", "-b", "16", wav.toString()));
        for (int i = 0; i < 7; i++) {
            if (i > 0) cmd.add(":");
            cmd.addAll(List.of("synth", "0.5", "sine", i % 2 == 0 ? "440" : "660"));
        }
        run(dir, cmd);
        return wav;
    }

    /** The tones as {@code name} (its extension names the format), made with ffmpeg's {@code codecArgs}. */
    static Path convert(Path dir, String name, String... codecArgs) throws IOException, InterruptedException {
        Path out = dir.resolve(name);
        if (Files.exists(out)) return out;
        Path wav = wav(dir);
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-loglevel", "error", "-y"));
        boolean video = name.endsWith(".mp4") || name.endsWith(".webm");
        if (video) cmd.addAll(List.of("-f", "lavfi", "-i", "color=c=blue:s=64x48:r=10:d=3.5"));
        cmd.addAll(List.of("-i", wav.toString()));
        cmd.addAll(List.of(codecArgs));
        cmd.add(out.toString());
        run(dir, cmd);
        return out;
    }

    /** What ffprobe (a second reader) gives as the file's duration, in milliseconds. */
    static long ffprobe(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", file.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes()).strip();
        if (p.waitFor() != 0) throw new IllegalStateException("ffprobe " + file.getFileName() + " failed: " + output);
        return Math.round(Double.parseDouble(output) * 1000);
    }

    private static void run(Path dir, List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IllegalStateException(String.join(" ", cmd) + " failed: " + output);
    }
}
