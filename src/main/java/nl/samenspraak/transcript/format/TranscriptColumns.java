package nl.samenspraak.transcript.format;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which column of a CSV file or Word table holds what, found from a header row. Header names
 * are compared lower-case, without diacritics, spaces or punctuation, and without a trailing
 * "ms" unit ("Start (ms)" = "start"). The first column matching a role wins.
 *
 * @param speaker index of the speaker column
 * @param text    index of the text column
 * @param start   index of the start-time column, or -1
 * @param end     index of the end-time column, or -1
 */
record TranscriptColumns(int speaker, int text, int start, int end) {

    static final Set<String> SPEAKER_NAMES = Set.of("spreker", "speaker", "naam", "name", "wie", "who");
    static final Set<String> TEXT_NAMES = Set.of("tekst", "text", "uiting", "uitingen", "utterance",
            "transcript", "transcriptie", "inhoud", "content");
    static final Set<String> START_NAMES = Set.of("start", "begin", "tijd", "time", "starttijd", "begintijd",
            "starttime", "begintime", "van", "from", "tijdstip", "timestamp");
    static final Set<String> END_NAMES = Set.of("end", "eind", "einde", "eindtijd", "endtime", "stop", "stoptijd",
            "tot", "to");

    /** The columns named in {@code header}, or empty when it lacks a speaker or a text column. */
    static Optional<TranscriptColumns> fromHeader(List<String> header) {
        int speaker = find(header, SPEAKER_NAMES), text = find(header, TEXT_NAMES);
        if (speaker < 0 || text < 0) return Optional.empty();
        return Optional.of(new TranscriptColumns(speaker, text, find(header, START_NAMES), find(header, END_NAMES)));
    }

    private static int find(List<String> header, Set<String> names) {
        for (int i = 0; i < header.size(); i++) if (names.contains(key(header.get(i)))) return i;
        return -1;
    }

    static String key(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (plain.endsWith("ms") && plain.length() > 2) plain = plain.substring(0, plain.length() - 2);
        return plain;
    }
}
