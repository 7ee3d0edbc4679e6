package nl.samenspraak.transcript.format;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Plain-text transcripts (and the paragraphs of a Word document): one turn per labelled line, {@code "KM: Goedemorgen."}.
 *
 * <ul>
 *   <li>A line may start with a clock time, {@code "[00:01:23] KM: ..."} or
 *       {@code "00:01:23 KM: ..."}; it becomes the turn's start (there is no end time).</li>
 *   <li>A line without a label continues the previous turn (a typist's line break). With a
 *       leading time it starts a new turn of the same speaker, so the time is kept.</li>
 *   <li>Blank lines are skipped. Preamble lines such as "Datum: 12 maart" before the first turn
 *       are skipped (see {@link SpeakerLabels#isPreambleKey}); any other first line of text
 *       without a label is an error, since its speaker cannot be known.</li>
 * </ul>
 */
final class TextFormat {
    private final String file;
    private final TurnList turns;
    private final boolean skipUnlabelledPreamble;
    /** A time on a line of its own, as some tools write it above the turn it belongs to. */
    private Long pendingStart;

    /**
     * @param skipUnlabelledPreamble whether lines without a label before the first turn are
     *                               skipped (a Word document's title) instead of refused
     */
    TextFormat(String file, boolean skipUnlabelledPreamble) {
        this.file = file;
        this.turns = new TurnList(file);
        this.skipUnlabelledPreamble = skipUnlabelledPreamble;
    }

    static List<ParsedTurn> parse(String file, String text) {
        TextFormat reader = new TextFormat(file, false);
        String[] lines = TextDecoding.lines(text);
        for (int i = 0; i < lines.length; i++) reader.readLine(lines[i], "line " + (i + 1));
        return reader.result();
    }

    List<ParsedTurn> result() { return turns.result(); }

    /** Reads one line; {@code location} ("line 3", "paragraph 5") names it in messages and as source. */
    void readLine(String line, String location) {
        if (line.isBlank()) return;
        Long start = pendingStart;
        pendingStart = null;
        String rest = line;
        Matcher clock = TimeParsing.LEADING_CLOCK.matcher(line);
        if (clock.find() && isTimestamp(clock.group(1), line.substring(clock.end()))) {
            start = TimeParsing.parseClock(clock.group(1)).orElseThrow(() -> new TranscriptFormatException(
                    file, location, "'" + clock.group(1).strip() + "' is not a valid time."));
            rest = line.substring(clock.end());
            if (rest.isBlank()) { pendingStart = start; return; }
        }
        Optional<SpeakerLabels.Labelled> labelled = SpeakerLabels.parse(rest);
        if (labelled.isPresent()) {
            String speaker = labelled.get().speaker();
            if (turns.isEmpty() && SpeakerLabels.isPreambleKey(speaker)) return;
            turns.add(speaker, labelled.get().text(), start, null, location);
        } else if (turns.isEmpty() && skipUnlabelledPreamble) {
            return;
        } else if (turns.isEmpty()) {
            throw new TranscriptFormatException(file, location, "no speaker label: the first line of the "
                    + "transcript must start with a speaker, as in 'KM: Goedemorgen.' (found '" + abbreviate(rest) + "')."
                    + (rest.startsWith("WEBVTT") ? " These are WebVTT subtitles: rename it to .vtt." : ""));
        } else if (start != null) {
            turns.add(turns.lastSpeaker(), rest, start, null, location);
        } else {
            turns.continueLast(rest, null, location);
        }
    }

    /**
     * A bracketed time or hh:mm:ss always is; a bare "12:30" only before a label, since a
     * continuation line may well start with a time of day ("12:30 uur past mij").
     */
    private static boolean isTimestamp(String clock, String rest) {
        String c = clock.strip();
        boolean bracketed = c.startsWith("[") || c.startsWith("(");
        boolean withHours = c.chars().filter(ch -> ch == ':').count() == 2;
        return bracketed || withHours || rest.isBlank() || SpeakerLabels.parse(rest).isPresent();
    }

    static String abbreviate(String text) {
        String t = TurnList.normalise(text);
        return t.length() <= 40 ? t : t.substring(0, 37) + "...";
    }
}
