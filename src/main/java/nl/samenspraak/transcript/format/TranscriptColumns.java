package nl.samenspraak.transcript.format;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which column of a sheet or Word table holds what, found from a header row. Header names are
 * compared lower-case, without diacritics, spaces or punctuation, and without a trailing "ms"
 * unit ("Start (ms)" = "start", "utterance_text" = "utterancetext"). Each role has names in order
 * of preference, so a sheet with both "Speaker" and "Role" takes "Speaker" for the speaker.
 *
 * @param speaker index of the speaker column
 * @param text    index of the text column
 * @param start   index of the start-time column, or -1
 * @param end     index of the end-time column, or -1
 */
record TranscriptColumns(int speaker, int text, int start, int end) {

    static final List<String> SPEAKER_NAMES = List.of("speaker", "spreker", "interlocutor", "participant", "deelnemer",
            "naam", "name", "wie", "who", "speakerlabel", "speakerid", "tier", "role", "rol", "type");
    static final List<String> TEXT_NAMES = List.of("text", "tekst", "utterance", "utterancetext", "uiting", "uitingen",
            "transcript", "transcriptie", "transcription", "inhoud", "content", "sentence", "zin", "annotation", "annotatie");
    static final List<String> START_NAMES = List.of("start", "begin", "onset", "starttime", "begintime", "starttijd",
            "begintijd", "tijd", "time", "van", "from", "tijdstip", "timestamp", "startseconds", "beginseconds");
    static final List<String> END_NAMES = List.of("end", "eind", "einde", "offset", "stop", "endtime", "eindtijd",
            "stoptijd", "tot", "to", "endseconds");

    /** The columns named in {@code header}, or empty when it lacks a speaker or a text column. */
    static Optional<TranscriptColumns> fromHeader(List<String> header) {
        int text = find(header, TEXT_NAMES, -1), speaker = find(header, SPEAKER_NAMES, text);
        if (speaker < 0 || text < 0) return Optional.empty();
        int start = find(header, START_NAMES, -1);
        if (start < 0) start = findPrefix(header, START_NAMES, -1);
        int end = find(header, END_NAMES, start);
        if (end < 0) end = findPrefix(header, END_NAMES, start);
        return Optional.of(new TranscriptColumns(speaker, text, start, end));
    }

    /** Whether {@code header} names at least a speaker or a text column (so it is a header row). */
    static boolean looksLikeHeader(List<String> header) {
        return find(header, SPEAKER_NAMES, -1) >= 0 || find(header, TEXT_NAMES, -1) >= 0 || find(header, START_NAMES, -1) >= 0;
    }

    private static int find(List<String> header, List<String> names, int taken) {
        for (String name : names)
            for (int i = 0; i < header.size(); i++) if (i != taken && name.equals(key(header.get(i)))) return i;
        return -1;
    }

    /** "Begin Time - ss.msec" (ELAN's tab export) starts with "begintime": a start column. */
    private static int findPrefix(List<String> header, List<String> names, int taken) {
        for (String name : names)
            for (int i = 0; i < header.size(); i++)
                if (i != taken && name.length() >= 5 && key(header.get(i)).startsWith(name)) return i;
        return -1;
    }

    static String key(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (plain.endsWith("ms") && plain.length() > 2) plain = plain.substring(0, plain.length() - 2);
        return plain;
    }
}
