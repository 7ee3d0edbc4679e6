package nl.samenspraak.sessiondata;

import nl.samenspraak.codebook.Codebook.RatingItem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks a table of session data before anything is stored: one column names the transcript (header
 * {@code transcript}, {@code transcriptie}, {@code name} or {@code naam}), every other column is a session
 * field key or an item key of the project's questionnaire. Every problem is collected with its row and
 * column; a table with any problem is refused whole. An empty cell leaves the stored value as it is.
 */
public final class SessionImport {
    private static final Set<String> NAME_HEADERS = Set.of("transcript", "transcriptie", "name", "naam");

    /**
     * One problem: the spreadsheet row (header = 1), the column's header and letter, and an English sentence;
     * {@code code} names the sentence ({@code sessions.<problem>}, docs/errors.md) and {@code params} hold the
     * values it names, so that a page can say it in its own language.
     */
    public record Problem(int row, String column, String message, String code, Map<String, Object> params) {
        public Problem {
            params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        }

        public static Problem at(int row, String column, String code, String message) {
            return new Problem(row, column, message, code, Map.of());
        }

        /** This problem with one more value its sentence names. */
        public Problem with(String name, Object value) {
            Map<String, Object> more = new java.util.LinkedHashMap<>(params);
            more.put(name, value);
            return new Problem(row, column, message, code, more);
        }
    }

    public record Value(long transcriptId, String field, String value) {}

    public record Response(long transcriptId, String item, double value) {}

    /** What the table would store, or why it may not. */
    public record Plan(List<Value> values, List<Response> responses, List<Problem> problems) {
        public boolean ok() { return problems.isEmpty(); }
    }

    private SessionImport() {}

    /**
     * @param transcripts the project's live transcripts by name (a name may belong to several)
     * @param items the questionnaire's items by key (empty when the project has none)
     */
    public static Plan check(SessionTable table, List<SessionField> fields, Map<String, RatingItem> items,
                             Map<String, List<Long>> transcripts) {
        List<Problem> problems = new ArrayList<>();
        Map<String, SessionField> byKey = new HashMap<>();
        fields.forEach(f -> byKey.put(f.key(), f));
        int nameColumn = -1;
        List<String> header = table.header();
        for (int c = 0; c < header.size(); c++) {
            String h = header.get(c);
            String col = column(h, c);
            if (NAME_HEADERS.contains(h.toLowerCase(Locale.ROOT))) {
                if (nameColumn >= 0) problems.add(Problem.at(1, col, "sessions.secondNameColumn", "a second column names the transcript; keep one"));
                else nameColumn = c;
            } else if (h.isBlank()) {
                problems.add(Problem.at(1, col, "sessions.columnWithoutHeader", "the column has no header; give it a field or questionnaire item key"));
            } else if (byKey.containsKey(h) && items.containsKey(h)) {
                problems.add(Problem.at(1, col, "sessions.fieldAndItem", "'" + h + "' is both a session field and a questionnaire item; rename the field")
                        .with("header", h));
            } else if (!byKey.containsKey(h) && !items.containsKey(h)) {
                String known = String.join(", ", byKey.keySet());
                problems.add(items.isEmpty()
                        ? Problem.at(1, col, "sessions.unknownColumn", "'" + h + "' is not a session field or questionnaire item of this project (fields: "
                                + known + ")").with("header", h).with("fields", known)
                        : Problem.at(1, col, "sessions.unknownColumnWithItems", "'" + h + "' is not a session field or questionnaire item of this project (fields: "
                                + known + "; items: " + String.join(", ", items.keySet()) + ")")
                                .with("header", h).with("fields", known).with("items", String.join(", ", items.keySet())));
            } else if (header.subList(0, c).contains(h)) {
                problems.add(Problem.at(1, col, "sessions.headerTwice", "'" + h + "' appears twice in the header").with("header", h));
            }
        }
        if (nameColumn < 0) problems.add(Problem.at(1, "", "sessions.noNameColumn", "no column names the transcript; add one headed 'transcript'"));
        if (!problems.isEmpty()) return new Plan(List.of(), List.of(), problems);

        List<Value> values = new ArrayList<>();
        List<Response> responses = new ArrayList<>();
        Map<Long, Integer> seen = new HashMap<>();
        for (SessionTable.Row row : table.rows()) {
            String name = row.cell(nameColumn);
            String nameCol = column(header.get(nameColumn), nameColumn);
            List<Long> ids = transcripts.getOrDefault(name, List.of());
            if (ids.size() != 1) {
                problems.add(ids.isEmpty()
                        ? Problem.at(row.number(), nameCol, "sessions.noSuchTranscript", "no transcript of this project is named '" + name + "'").with("name", name)
                        : Problem.at(row.number(), nameCol, "sessions.nameNotUnique", ids.size() + " transcripts are named '" + name + "'; rename them so each name is unique")
                                .with("count", ids.size()).with("name", name));
                continue;
            }
            long id = ids.get(0);
            Integer earlier = seen.putIfAbsent(id, row.number());
            if (earlier != null) {
                problems.add(Problem.at(row.number(), nameCol, "sessions.transcriptTwice", "transcript '" + name + "' is already given in row " + earlier)
                        .with("name", name).with("earlier", earlier));
                continue;
            }
            for (int c = 0; c < header.size(); c++) {
                String raw = row.cell(c);
                if (c == nameColumn || raw.isEmpty()) continue;
                String key = header.get(c);
                try {
                    if (byKey.containsKey(key)) values.add(new Value(id, key, byKey.get(key).normalize(raw)));
                    else responses.add(new Response(id, key, Questionnaires.value(items.get(key), raw)));
                } catch (FieldType.BadValue e) {
                    problems.add(new Problem(row.number(), column(key, c), e.getMessage(), e.code(), e.params()));
                }
            }
        }
        return new Plan(values, responses, problems);
    }

    /** A column as a user finds it: its header and its spreadsheet letter, e.g. {@code condition (C)}. */
    static String column(String header, int index) {
        StringBuilder letters = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) letters.insert(0, (char) ('A' + (i - 1) % 26));
        return (header.isBlank() ? "" : header + " ") + "(" + letters + ")";
    }
}
