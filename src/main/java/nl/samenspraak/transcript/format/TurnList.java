package nl.samenspraak.transcript.format;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects turns while a format is read: whitespace-normalises text, lets unlabelled lines
 * continue the previous turn, drops empty turns and refuses times that run backwards.
 */
final class TurnList {
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B\\u200C\\u200D\\u2060\\uFEFF\\u00AD]");
    private static final Pattern SPACES = Pattern.compile("(?U)\\s+");

    private final String file;
    private final List<ParsedTurn> turns = new ArrayList<>();
    private Long lastStart;

    TurnList(String file) { this.file = file; }

    /**
     * Whitespace of any kind (also no-break and thin spaces, line breaks inside a cell or cue)
     * becomes one space; invisible characters (zero-width space, soft hyphen, stray BOM) go;
     * text is put in Unicode NFC so that "ë" typed on a Mac and on Windows compare equal.
     */
    static String normalise(String text) {
        if (text == null) return "";
        String visible = INVISIBLE.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll("");
        return SPACES.matcher(visible).replaceAll(" ").strip();
    }

    /** Adds a turn; {@code location} is used for messages and as the turn's source. */
    void add(String speaker, String text, Long startMs, Long endMs, String location) {
        add(speaker, text, startMs, endMs, location, location);
    }

    /** Adds a turn whose source ("row 5") is shorter than the place named in messages. */
    void add(String speaker, String text, Long startMs, Long endMs, String source, String location) {
        checkTimes(startMs, endMs, location);
        turns.add(new ParsedTurn(normalise(speaker), normalise(text), startMs, endMs, source));
    }

    boolean isEmpty() { return turns.isEmpty(); }

    /** The speaker of the last turn, or null before the first. */
    String lastSpeaker() { return turns.isEmpty() ? null : turns.get(turns.size() - 1).speaker(); }

    /** Appends text to the last turn, taking its end time further when one is given. */
    void continueLast(String text, Long endMs, String location) {
        ParsedTurn last = turns.get(turns.size() - 1);
        if (endMs != null && last.startMs() != null && endMs < last.startMs())
            throw new TranscriptFormatException(file, location, "the end time " + TimeParsing.format(endMs)
                    + " is before the start time " + TimeParsing.format(last.startMs()) + " of its turn.");
        Long end = endMs != null ? endMs : last.endMs();
        turns.set(turns.size() - 1, new ParsedTurn(last.speaker(), normalise(last.text() + " " + text),
                last.startMs(), end, last.source()));
    }

    /** The turns read, without empty ones. */
    List<ParsedTurn> result() {
        return turns.stream().filter(t -> !t.text().isEmpty()).toList();
    }

    private void checkTimes(Long startMs, Long endMs, String location) {
        if (startMs != null && endMs != null && endMs < startMs)
            throw new TranscriptFormatException(file, location, "the end time " + TimeParsing.format(endMs)
                    + " is before the start time " + TimeParsing.format(startMs) + ".");
        if (startMs != null && lastStart != null && startMs < lastStart)
            throw new TranscriptFormatException(file, location, "the start time " + TimeParsing.format(startMs)
                    + " is before the start time " + TimeParsing.format(lastStart)
                    + " of the previous turn; times must not run backwards.");
        if (startMs != null) lastStart = startMs;
    }
}
