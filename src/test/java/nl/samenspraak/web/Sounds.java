package nl.samenspraak.web;

import nl.samenspraak.support.Tools;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Real, playable WAVs: a quiet 440 Hz tone, 8 kHz mono 16-bit; two voices taking turns, made by sox. */
final class Sounds {
    private Sounds() {}

    /** {@code turns} turns of 2.5 s, two tones taking turns (440 Hz and 660 Hz), as a WAV made by sox in {@code dir}. */
    static Path turns(Path dir, String name, int turns) throws IOException, InterruptedException {
        Tools.require(new File("/usr/bin/sox").canExecute(), "sox is not installed (apt-get install sox)");
        Path wav = dir.resolve(name);
        List<String> cmd = new ArrayList<>(List.of("sox", "-n", "-r", "16000", "-c", "1", "-b", "16", wav.toString()));
        for (int i = 0; i < turns; i++) {
            if (i > 0) cmd.add(":");
            cmd.addAll(List.of("synth", "2.5", "sine", i % 2 == 0 ? "440" : "660", "vol", "0.5"));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IllegalStateException("sox failed: " + out);
        return wav;
    }

    static byte[] tone(int seconds) {
        int rate = 8000, samples = rate * seconds;
        ByteBuffer b = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + samples * 2).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2)
                .putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes()).putInt(samples * 2);
        for (int i = 0; i < samples; i++) b.putShort((short) (2000 * Math.sin(2 * Math.PI * 440 * i / rate)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(b.array());
        return out.toByteArray();
    }
}
