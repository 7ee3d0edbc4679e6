package nl.samenspraak.transcript.format;

import java.text.Normalizer;

/**
 * Collects turns while a format is read and hands each to a {@link TurnSink} once it is complete:
 * whitespace-normalises text, lets unlabelled lines continue the previous turn (so one turn is
 * held back until the next starts), drops empty turns, refuses a turn that ends before it starts
 * and warns when a turn starts before the previous one (times that run backwards are shown, and
 * kept as written).
 */
final class TurnList {

    private final String file;
    private final ReadNotes notes;
    private final TurnSink sink;
    /** The last turn, still open to continuation (its text is {@link #text}), or null. */
    private ParsedTurn pending;
    /**
     * The last turn's text, normalised: continuation lines are normalised on their own and appended, so a turn of many
     * lines is read in time linear in its length (normalising the whole turn again per line was quadratic).
     */
    private final StringBuilder text = new StringBuilder();
    private Long lastStart;
    private long emitted;

    TurnList(ReadNotes notes, TurnSink sink) {
        this.file = notes.file;
        this.notes = notes;
        this.sink = sink;
    }

    /**
     * Whitespace of any kind (also no-break and thin spaces, line breaks inside a cell or cue)
     * becomes one space; invisible characters (zero-width space, soft hyphen, stray BOM) go;
     * text is put in Unicode NFC so that "ë" typed on a Mac and on Windows compare equal.
     */
    static String normalise(String text) {
        if (text == null) return "";
        if (isPlain(text)) return text;
        String composed = Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(composed.length());
        boolean space = false;
        for (int i = 0; i < composed.length(); i++) {
            char c = composed.charAt(i);
            if (isInvisible(c)) continue;
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
                continue;
            }
            if (space) out.append(' ');
            space = false;
            out.append(c);
        }
        return out.toString();
    }

    /** Printable ASCII with single inner spaces: already normal, the common case, checked without copying. */
    private static boolean isPlain(String s) {
        int n = s.length();
        if (n == 0) return true;
        if (s.charAt(0) == ' ' || s.charAt(n - 1) == ' ') return false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < ' ' || c > '~' || (c == ' ' && s.charAt(i - 1) == ' ')) return false;
        }
        return true;
    }

    private static boolean isInvisible(char c) {
        return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF' || c == '\u00AD';
    }

    /** Adds a turn; {@code location} is used for messages and as the turn's source. */
    void add(String speaker, String text, Long startMs, Long endMs, Place location) {
        add(speaker, text, startMs, endMs, location.text(), location);
    }

    /** Adds a turn whose source ("row 5") is shorter than the place named in messages. */
    void add(String speaker, String text, Long startMs, Long endMs, String source, Place location) {
        checkTimes(startMs, endMs, location);
        flush();
        pending = new ParsedTurn(normalise(speaker), null, startMs, endMs, source);
        this.text.setLength(0);
        this.text.append(normalise(text));
    }

    boolean isEmpty() { return pending == null && emitted == 0; }

    /** The speaker of the last turn, or null before the first. */
    String lastSpeaker() { return pending == null ? null : pending.speaker(); }

    /** Whether there is a last turn, still open to continuation. */
    boolean hasLast() { return pending != null; }

    /** The start time of the last turn (null when it has none); call only when {@link #hasLast()}. */
    Long lastStartMs() { return pending.startMs(); }

    /** Appends text to the last turn, taking its end time further when one is given. */
    void continueLast(String text, Long endMs, Place location) {
        ParsedTurn last = pending;
        if (endMs != null && last.startMs() != null && endMs < last.startMs())
            throw new TranscriptFormatException(file, location, Said.of("transcript.endBeforeTurnStart", "the end time " + TimeParsing.format(endMs)
                    + " is before the start time " + TimeParsing.format(last.startMs()) + " of its turn.",
                    "end", TimeParsing.format(endMs), "start", TimeParsing.format(last.startMs())));
        Long end = endMs != null ? endMs : last.endMs();
        pending = new ParsedTurn(last.speaker(), null, last.startMs(), end, last.source());
        // The same as normalising the joined text again: the space between is a starter (no composition across it)
        // and white space collapses to that one space.
        String more = normalise(text);
        if (!more.isEmpty()) {
            if (this.text.length() > 0) this.text.append(' ');
            this.text.append(more);
        }
    }

    /** Replaces the times of the last turn (a time mark read after its text). */
    void retimeLast(Long startMs, Long endMs, Place location) {
        checkTimes(startMs, endMs, location);
        pending = new ParsedTurn(pending.speaker(), null, startMs, endMs, pending.source());
    }

    /** Hands on the last turn; call once at the end. Returns the number of turns handed on. */
    long finish() {
        flush();
        return emitted;
    }

    private void flush() {
        if (pending != null && text.length() > 0) {
            sink.accept(new ParsedTurn(pending.speaker(), text.toString(), pending.startMs(), pending.endMs(), pending.source()));
            emitted++;
        }
        pending = null;
        text.setLength(0);
    }

    private void checkTimes(Long startMs, Long endMs, Place location) {
        if (startMs != null && endMs != null && endMs < startMs)
            throw new TranscriptFormatException(file, location, Said.of("transcript.endBeforeStart", "the end time " + TimeParsing.format(endMs)
                    + " is before the start time " + TimeParsing.format(startMs) + ".", "end", TimeParsing.format(endMs), "start", TimeParsing.format(startMs)));
        if (startMs != null && lastStart != null && startMs < lastStart)
            notes.warn("time-backwards", location, Said.of("warning.startBeforePreviousTurn", "the start time " + TimeParsing.format(startMs)
                    + " is before the start time " + TimeParsing.format(lastStart) + " of the previous turn; kept as written.",
                    "start", TimeParsing.format(startMs), "previous", TimeParsing.format(lastStart)));
        if (startMs != null) lastStart = startMs;
    }
}
