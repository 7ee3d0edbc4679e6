package nl.samenspraak.transcript.format;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The layout of a text transcript (a .txt, or a Word document's paragraphs), chosen from its
 * first lines by counting which kind of line they are:
 * <ul>
 *   <li>{@link Kind#LABELLED}: "KM: Goedemorgen." lines, optionally after a time
 *       ("[00:01] Ans (KM): ...", "00:01:23 KM: ...") or in Markdown bold ("**KM:** ...",
 *       "**Ali** [00:00:00] text");
 *       f4/f5transkript time marks ("I: Tekst. #00:01:22-6#") are recognised in this layout;</li>
 *   <li>{@link Kind#NAME_THEN_TIME}: a header line "Name  0:03" (or "Name  1:02:03"; also with one
 *       space, in bold, or the time in brackets: "**Lindsey** [00:00]") above the paragraphs of a
 *       turn, as Otter.ai and Teams write them and as podcast sites republish them;</li>
 *   <li>{@link Kind#TIME_THEN_NAME}: a header line "00:00:03 Speaker 1" above the turn, as
 *       Word's and Teams' Transcribe write them.</li>
 * </ul>
 * A header layout wins when at least two header lines occur and they outnumber labelled lines.
 */
record TextLayout(Kind kind, boolean f4Marks, int matching, int lines) {

    enum Kind { LABELLED, NAME_THEN_TIME, TIME_THEN_NAME }

    /** "Name  0:03", "Kelly 0:00", "**Emma** 0:00", "**Lindsey** [00:00]": a name, then only a time. */
    static final Pattern NAME_THEN_TIME = Pattern.compile(
            "^\\s*(?:\\*\\*|__)?(\\p{L}[^:\\t*\\[\\]()]{0,58}?)(?:\\*\\*|__)?(?:\\s+|\\t+)[\\[(]?((?:\\d{1,2}:)?\\d{1,2}:\\d{2})[\\])]?\\s*$");
    /** "**Ali** [00:00:00] Today we..." (a bold name, a bracketed time, the text on the same line). */
    static final Pattern BOLD_NAME_TIME_TEXT = Pattern.compile(
            "^\\s*(\\*\\*|__)([^*_]{1,60}?)\\1\\s*[\\[(]((?:\\d{1,2}:)?\\d{1,2}:\\d{2}(?:[.,]\\d{1,3})?)[\\])]\\s*(\\S.*)$");
    static final Pattern TIME_THEN_NAME = Pattern.compile(
            "^\\s*\\[?((?:\\d{1,2}:)?\\d{1,2}:\\d{2}(?:[.,]\\d{1,3})?)\\]?\\s+(\\p{L}[^:.!?]{0,58}?)\\s*$");
    static final Pattern F4_MARK = Pattern.compile("#(\\d{1,2}):(\\d{2}):(\\d{2})(?:[-.,](\\d{1,3}))?#");
    /** Lines a tool adds at the end of an export, not said by anyone. */
    static final Pattern FOOTER = Pattern.compile("(?i)^\\s*(transcribed by https?://otter\\.ai|transcribed by otter\\.ai)\\s*$");

    static TextLayout detect(List<String> sample) {
        int labelled = 0, nameTime = 0, timeName = 0, f4 = 0, lines = 0;
        for (String line : sample) {
            if (line.isBlank()) continue;
            lines++;
            if (F4_MARK.matcher(line).find()) f4++;
            if (NAME_THEN_TIME.matcher(line).matches() && words(NAME_THEN_TIME, line, 1) <= 5) nameTime++;
            else if (TIME_THEN_NAME.matcher(line).matches() && words(TIME_THEN_NAME, line, 2) <= 5) timeName++;
            else if (TextFormat.labelOf(line).isPresent() || BOLD_NAME_TIME_TEXT.matcher(line).matches()) labelled++;
        }
        if (nameTime >= 2 && nameTime >= labelled && nameTime >= timeName) return new TextLayout(Kind.NAME_THEN_TIME, false, nameTime, lines);
        if (timeName >= 2 && timeName >= labelled) return new TextLayout(Kind.TIME_THEN_NAME, false, timeName, lines);
        return new TextLayout(Kind.LABELLED, f4 > 0, labelled, lines);
    }

    private static int words(Pattern p, String line, int group) {
        Matcher m = p.matcher(line);
        return m.matches() ? m.group(group).strip().split("\\s+").length : 99;
    }

    Said description() {
        String of = " (" + matching + " of the first " + lines + " lines)";
        return switch (kind) {
            case NAME_THEN_TIME -> Said.of("reason.nameThenTime", "a line 'Name  0:03' above each turn, as Otter.ai and Teams write it" + of,
                    "matching", matching, "lines", lines);
            case TIME_THEN_NAME -> Said.of("reason.timeThenName", "a line '00:00:03 Speaker 1' above each turn, as Word's and Teams' Transcribe write it"
                    + of, "matching", matching, "lines", lines);
            case LABELLED -> f4Marks
                    ? Said.of("reason.labelledF4", "lines that start with a speaker label such as 'KM: '" + of
                            + ", with f4transkript time marks such as '#00:01:22-6#'", "matching", matching, "lines", lines)
                    : Said.of("reason.labelled", "lines that start with a speaker label such as 'KM: '" + of, "matching", matching, "lines", lines);
        };
    }

    /** A paragraph's or file's lines (a Word line break counts as a new line). */
    static String[] lines(String text) {
        return text.split("\n", -1);
    }
}
