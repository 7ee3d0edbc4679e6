package nl.samenspraak.transcript.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text transcripts (and a Word document's paragraphs), line by line, in the layout
 * {@link TextLayout} chose.
 *
 * <ul>
 *   <li>Labelled lines: one turn per {@code "KM: Goedemorgen."}. A line may start with a clock
 *       time ({@code "[00:01:23] KM: ..."}, {@code "00:01:23 KM: ..."}), which becomes the turn's
 *       start; a time on a line of its own is the start of the turn below it. A line without a
 *       label continues the previous turn (with a leading time it starts a new turn of the same
 *       speaker). Markdown bold labels ({@code "**KM:** ..."}) are read as labels.</li>
 *   <li>f4transkript time marks {@code #00:01:22-6#} (hh:mm:ss-tenths) are taken out of the text.
 *       f4 puts one at the end of each paragraph: it is the turn's end, and the previous mark the
 *       turn's start (0 for the first turn). A mark at the start of a line is that turn's start.</li>
 *   <li>Header layouts: a header line ("Name  0:03" or "00:00:03 Speaker 1") starts a turn with
 *       that speaker and start time; the lines below it are its text.</li>
 *   <li>Lines before the first turn are left out with a warning (preamble such as "Datum: ..."
 *       without one); the footer "Transcribed by https://otter.ai" is left out.</li>
 * </ul>
 */
final class TextFormat {
    private static final Pattern BOLD_LABEL = Pattern.compile("^(\\s*)(\\*\\*|__)([^*_:]{1,60}?)(:?)\\2(:?)\\s*(.*)$", Pattern.DOTALL);

    private final ReadNotes notes;
    private final TextLayout layout;
    private final TurnList turns;
    /** A time on a line of its own, as some tools write it above the turn it belongs to. */
    private Long pendingStart;
    private Long lastMark;

    TextFormat(ReadNotes notes, TextLayout layout, TurnSink sink) {
        this.notes = notes;
        this.layout = layout;
        this.turns = new TurnList(notes, sink);
    }

    /** Reads a text file: the layout from its first lines ({@code sample}), then every line as it streams. */
    static void parse(ReadNotes notes, List<String> sample, LineReader lines, TurnSink sink) {
        TextLayout layout = TextLayout.detect(sample);
        notes.recognised.add(layout.description());
        TextFormat reader = new TextFormat(notes, layout, sink);
        for (String line = lines.next(); line != null; line = lines.next()) reader.readLine(line, Place.line(lines.number()));
        reader.finish();
    }

    void finish() { turns.finish(); }

    /** Reads one line; {@code location} ("line 3", "paragraph 5") names it in messages and as source. */
    void readLine(String line, Place location) {
        if (line.isBlank() || (line.contains("otter.ai") && TextLayout.FOOTER.matcher(line).matches())) return;
        switch (layout.kind()) {
            case NAME_THEN_TIME -> header(line, location, TextLayout.NAME_THEN_TIME, 1, 2);
            case TIME_THEN_NAME -> header(line, location, TextLayout.TIME_THEN_NAME, 2, 1);
            case LABELLED -> labelled(line, location);
        }
    }

    private void header(String line, Place location, Pattern pattern, int nameGroup, int timeGroup) {
        Matcher m = pattern.matcher(line);
        if (m.matches() && m.group(nameGroup).strip().split("\\s+").length <= 5) {
            turns.add(m.group(nameGroup), "", clock(m.group(timeGroup), location), null, location);
        } else if (turns.hasLast()) {
            turns.continueLast(line, null, location);
        } else {
            leftOut(line, location);
        }
    }

    private void labelled(String raw, Place location) {
        Long start = pendingStart;
        pendingStart = null;
        List<Long> marks = new ArrayList<>();
        String line = layout.f4Marks() ? takeMarks(raw, marks) : raw;
        if (line.isBlank()) { // a mark on a line of its own ends the turn above it
            if (turns.hasLast() && !marks.isEmpty()) turns.retimeLast(turns.lastStartMs(), marks.get(marks.size() - 1), location);
            if (!marks.isEmpty()) lastMark = marks.get(marks.size() - 1);
            pendingStart = start;
            return;
        }
        Matcher boldTimed = firstNonSpace(line) == '*' || firstNonSpace(line) == '_' ? TextLayout.BOLD_NAME_TIME_TEXT.matcher(line) : null;
        if (boldTimed != null && boldTimed.matches()) {
            turns.add(boldTimed.group(2), boldTimed.group(4), clock(boldTimed.group(3), location), null, location);
            return;
        }
        boolean markFirst = !marks.isEmpty() && raw.stripLeading().startsWith("#");
        Long end = marks.isEmpty() || (markFirst && marks.size() == 1) ? null : marks.get(marks.size() - 1);
        if (markFirst) start = marks.get(0);
        String rest = line;
        Matcher clock = mayStartWithTime(line) ? TimeParsing.LEADING_CLOCK.matcher(line) : null;
        if (clock != null && clock.find() && isTimestamp(clock.group(1), line.substring(clock.end()))) {
            start = clock(clock.group(1), location);
            rest = line.substring(clock.end());
            if (rest.isBlank()) { pendingStart = start; return; }
        }
        Optional<SpeakerLabels.Labelled> labelled = labelOf(rest);
        if (labelled.isPresent()) {
            String speaker = labelled.get().speaker();
            if (!turns.hasLast() && turns.isEmpty() && SpeakerLabels.isPreambleKey(speaker)) return;
            if (start == null && end != null) start = lastMark == null ? 0L : lastMark;
            turns.add(speaker, labelled.get().text(), start, end, location);
        } else if (!turns.hasLast()) {
            leftOut(rest, location);
        } else if (start != null) {
            turns.add(turns.lastSpeaker(), rest, start, end, location);
        } else {
            Long lastStart = turns.lastStartMs();
            turns.continueLast(rest, null, location);
            if (end != null) turns.retimeLast(lastStart != null ? lastStart : (lastMark == null ? 0L : lastMark), end, location);
        }
        if (!marks.isEmpty()) lastMark = marks.get(marks.size() - 1);
    }

    private void leftOut(String line, Place location) {
        notes.warn("no-speaker", location, line.startsWith("WEBVTT")
                ? Said.of("warning.beforeFirstTurnVtt", "no speaker, and before the first turn; left out: '" + abbreviate(line) + "'"
                        + " (these look like WebVTT subtitles).", "line", abbreviate(line))
                : Said.of("warning.beforeFirstTurn", "no speaker, and before the first turn; left out: '" + abbreviate(line) + "'.",
                        "line", abbreviate(line)));
    }

    /** The label of a line ("KM: ...", "**KM:** ...", "[SPEAKER_00]: ..."), if it has one. */
    static Optional<SpeakerLabels.Labelled> labelOf(String line) {
        Matcher bold = firstNonSpace(line) == '*' || firstNonSpace(line) == '_' ? BOLD_LABEL.matcher(line) : null;
        if (bold != null && bold.matches() && (!bold.group(4).isEmpty() || !bold.group(5).isEmpty()))
            return SpeakerLabels.parse(bold.group(3) + ": " + bold.group(6));
        return SpeakerLabels.parse(line);
    }

    /** A line can start with a clock time only if a digit, '[' or '(' comes first: checked before any regex runs. */
    private static boolean mayStartWithTime(String line) {
        char c = firstNonSpace(line);
        return Character.isDigit(c) || c == '[' || c == '(';
    }

    static char firstNonSpace(String line) {
        for (int i = 0; i < line.length(); i++) if (!Character.isWhitespace(line.charAt(i))) return line.charAt(i);
        return ' ';
    }

    private String takeMarks(String line, List<Long> marks) {
        Matcher m = TextLayout.F4_MARK.matcher(line);
        while (m.find()) {
            long ms = ((Long.parseLong(m.group(1)) * 60 + Long.parseLong(m.group(2))) * 60 + Long.parseLong(m.group(3))) * 1000;
            if (m.group(4) != null) ms += Long.parseLong((m.group(4) + "00").substring(0, 3));
            marks.add(ms);
        }
        return m.replaceAll(" ");
    }

    private Long clock(String text, Place location) {
        return TimeParsing.parseClock(text).orElseThrow(() -> new TranscriptFormatException(
                notes.file, location, Said.of("transcript.notATime", "'" + text.strip() + "' is not a valid time.", "time", text.strip())));
    }

    /**
     * A bracketed time or hh:mm:ss always is; a bare "12:30" only before a label, since a
     * continuation line may well start with a time of day ("12:30 uur past mij").
     */
    private static boolean isTimestamp(String clock, String rest) {
        String c = clock.strip();
        boolean bracketed = c.startsWith("[") || c.startsWith("(");
        boolean withHours = c.chars().filter(ch -> ch == ':').count() == 2;
        return bracketed || withHours || rest.isBlank() || labelOf(rest).isPresent();
    }

    static String abbreviate(String text) {
        String t = TurnList.normalise(text);
        return t.length() <= 40 ? t : t.substring(0, 37) + "...";
    }
}
