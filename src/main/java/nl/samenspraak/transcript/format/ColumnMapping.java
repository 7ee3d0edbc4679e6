package nl.samenspraak.transcript.format;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which columns of a CSV, TSV or XLSX transcript hold the speaker, the text and the times,
 * parsed from {@code "speaker=Type,text=Utterance,start=3"} (the CLI's --columns and the page's
 * choice). Speaker and text are required; a null mapping means "guess from the header".
 */
public record ColumnMapping(ColumnRef speaker, ColumnRef text, ColumnRef start, ColumnRef end) {

    /** Parses the spec; refuses unknown keys, a missing speaker or text, and bad numbers, by name. */
    public static ColumnMapping parse(String spec) {
        if (spec == null || spec.isBlank()) return null;
        Map<String, ColumnRef> refs = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            if (entry.isBlank()) continue;
            int eq = entry.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("Columns: '" + entry.strip() + "' is not of the form speaker=COLUMN.");
            String key = ColumnRef.lower(entry.substring(0, eq).strip());
            if (!key.matches("speaker|text|start|end"))
                throw new IllegalArgumentException("Columns: '" + key + "' is not speaker, text, start or end.");
            try {
                refs.put(key, ColumnRef.parse(entry.substring(eq + 1)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Columns: " + key + ": " + e.getMessage());
            }
        }
        if (!refs.containsKey("speaker") || !refs.containsKey("text"))
            throw new IllegalArgumentException("Columns: name both the speaker and the text column, e.g. speaker=2,text=3.");
        return new ColumnMapping(refs.get("speaker"), refs.get("text"), refs.get("start"), refs.get("end"));
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("speaker=" + speaker + ",text=" + text);
        if (start != null) s.append(",start=").append(start);
        if (end != null) s.append(",end=").append(end);
        return s.toString();
    }
}
