package nl.samenspraak.transcript.format;

import java.util.List;
import java.util.Locale;

/**
 * A column chosen by the user: by its header name ("Utterance", any case) or by its 1-based
 * number ("3"), as a spreadsheet shows it.
 */
public record ColumnRef(String name, Integer number) {

    public static ColumnRef parse(String spec) {
        String s = spec.strip();
        if (s.matches("\\d{1,4}")) {
            int n = Integer.parseInt(s);
            if (n < 1) throw new IllegalArgumentException("column numbers start at 1, not " + n + ".");
            return new ColumnRef(null, n);
        }
        if (s.isEmpty()) throw new IllegalArgumentException("a column needs a name or a number.");
        return new ColumnRef(s, null);
    }

    /** The 0-based index in {@code header} (null when the file has no header), or -1 when not found. */
    int resolve(List<String> header) {
        if (number != null) return number - 1;
        if (header == null) return -1;
        for (int i = 0; i < header.size(); i++) if (header.get(i).strip().equalsIgnoreCase(name)) return i;
        String key = TranscriptColumns.key(name);
        for (int i = 0; i < header.size(); i++) if (!key.isEmpty() && TranscriptColumns.key(header.get(i)).equals(key)) return i;
        return -1;
    }

    @Override
    public String toString() {
        return number != null ? String.valueOf(number) : name;
    }

    Said describe() {
        return number != null ? Said.of("word.columnNumber", "column " + number, "number", number)
                : Said.of("word.columnName", "column '" + name + "'", "name", name);
    }

    static String lower(String s) { return s.toLowerCase(Locale.ROOT); }
}
