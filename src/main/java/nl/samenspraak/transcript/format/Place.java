package nl.samenspraak.transcript.format;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where in a file a reader found something: a stable {@code code} ({@code place.line}, {@code place.tier} ...),
 * its values, and the English {@code text} ("line 12", "tier KM", "cue 3 (line 9)") that messages have always
 * named. A page names it in its own language from {@code problem.<code>}, like a {@link Said}.
 */
public record Place(String code, Map<String, Object> params, String text) {

    static Place of(String code, String text, Object... namesAndValues) {
        return new Place(code, Said.pairs(namesAndValues), text);
    }

    static Place line(long line) { return of("place.line", "line " + line, "line", line); }
    static Place row(long row) { return of("place.row", "row " + row, "row", row); }
    static Place column(int column) { return of("place.column", "column " + column, "column", column); }
    static Place tier(String tier) { return of("place.tier", "tier " + tier, "tier", tier); }
    static Place segment(int segment) { return of("place.segment", "segment " + segment, "segment", segment); }
    static Place paragraph(int paragraph) { return of("place.paragraph", "paragraph " + paragraph, "paragraph", paragraph); }
    static Place cue(int cue, int line) { return of("place.cue", "cue " + cue + " (line " + line + ")", "cue", cue, "line", line); }
    static Place tableRow(int table, int row) { return of("place.tableRow", "table " + table + ", row " + row, "table", table, "row", row); }
    static Place annotation(String tier, String annotation) {
        return of("place.annotation", "tier " + tier + ", annotation " + annotation, "tier", tier, "annotation", annotation);
    }
    static Place interval(String tier, int interval) {
        return of("place.interval", "tier " + tier + ", interval " + interval, "tier", tier, "interval", interval);
    }

    /** A place in one of several files: "gesprek.eaf, tier KM" (just the file when {@code place} is null). */
    static Place inFile(String file, Place place) {
        return place == null ? of("place.file", file, "file", file) : of("place.inFile", file + ", " + place.text(), "file", file, "place", place);
    }

    private static final Pattern NUMBERED = Pattern.compile("(line|row|segment|paragraph|cue) (\\d{1,12})");
    private static final Pattern CUE = Pattern.compile("cue (\\d{1,9}) \\(line (\\d{1,9})\\)");
    private static final Pattern TABLE_ROW = Pattern.compile("table (\\d{1,9}), row (\\d{1,9})");
    private static final Pattern IN_TIER = Pattern.compile("tier (.*), (annotation|interval) ([^,]*)");

    /** A turn's source ("row 5", "tier KM, annotation a3") as a place, for a refusal that only has the turn. */
    static Place ofSource(String source) {
        if (source == null) return null;
        Matcher m;
        if ((m = NUMBERED.matcher(source)).matches()) {
            long n = Long.parseLong(m.group(2));
            return switch (m.group(1)) {
                case "line" -> line(n);
                case "row" -> row(n);
                case "segment" -> segment((int) n);
                case "paragraph" -> paragraph((int) n);
                default -> of("place.cueNumber", source, "cue", n);
            };
        }
        if ((m = CUE.matcher(source)).matches()) return cue(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        if ((m = TABLE_ROW.matcher(source)).matches()) return tableRow(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        if ((m = IN_TIER.matcher(source)).matches())
            return m.group(2).equals("interval") && m.group(3).matches("\\d{1,9}")
                    ? interval(m.group(1), Integer.parseInt(m.group(3))) : annotation(m.group(1), m.group(3));
        if (source.startsWith("tier ")) return tier(source.substring(5));
        return of("place.other", source, "place", source);
    }

    @Override
    public String toString() { return text; }
}
