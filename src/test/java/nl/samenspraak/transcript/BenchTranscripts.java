package nl.samenspraak.transcript;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Large transcripts for the import benchmark, made from Dutch sentences with a fixed seed. */
final class BenchTranscripts {
    private BenchTranscripts() {}

    private static final String[] SENTENCES = {
            "Goedemorgen, fijn dat u er weer bent.", "Hoe is het de afgelopen week gegaan?", "Het ging wel, maar ik sliep slecht.",
            "Wat zou u zelf het liefst willen doen?", "Ik denk aan vrijwilligerswerk in de zorg, bij een verpleeghuis in de buurt.",
            "Er zijn meerdere routes: een opleiding, een werkervaringsplek of direct solliciteren.", "Dat vind ik spannend.",
            "Wat maakt het spannend voor u?", "Ik heb al lang niet gewerkt en ik weet niet of ik het volhoud.",
            "Zullen we samen kijken wat de voor- en nadelen zijn?", "Ja, graag.", "U mag daar zelf over meebeslissen.",
            "De cliënt knikt en kijkt naar het formulier.", "Zullen we over twee weken evalueren hoe het gaat?",
            "Mijn dochter kan me helpen met de kinderopvang op dinsdag en donderdag."};

    /** Turns of two to four sentences (about 140 bytes: 150,000 turns in 20 MiB), KM and Klant alternating with an occasional Tolk, up to {@code bytes}. */
    static byte[] dutch(int bytes) {
        Random random = new Random(20240312);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes);
        StringBuilder line = new StringBuilder();
        for (int turn = 0; ; turn++) {
            line.setLength(0);
            line.append(turn % 17 == 16 ? "Tolk" : turn % 2 == 0 ? "KM" : "Klant").append(": ");
            int n = 2 + random.nextInt(3);
            for (int s = 0; s < n; s++) line.append(s == 0 ? "" : " ").append(SENTENCES[random.nextInt(SENTENCES.length)]);
            byte[] b = (line + "\n").getBytes(StandardCharsets.UTF_8);
            if (out.size() + b.length > bytes) return out.toByteArray();
            out.writeBytes(b);
        }
    }

    /** The legal transcript of issue 11: very many very short turns. */
    static byte[] shortTurns(int turns) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(turns * 8);
        for (int i = 0; i < turns; i++) out.writeBytes((i % 2 == 0 ? "A: ja\n" : "B: nee\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** The largest heap after a collection in a -Xlog:gc file ("... 120M->35M(256M) ..."), e.g. "35M". */
    static String largestAfterGc(Path gcLog) throws IOException {
        Matcher m = Pattern.compile("->(\\d+)M\\(").matcher(Files.readString(gcLog));
        int max = -1;
        while (m.find()) max = Math.max(max, Integer.parseInt(m.group(1)));
        return max < 0 ? "(no collection logged)" : max + " MiB";
    }
}
