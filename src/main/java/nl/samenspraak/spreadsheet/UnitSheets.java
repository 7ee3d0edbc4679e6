package nl.samenspraak.spreadsheet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three sheets streamed from the unit codes in one pass: Units (long: a row per code), Wide (a row per
 * unit, a column per dimension and coder, and whether the coders agree) and Disagreements (a row per unit
 * and dimension where coders differ). Memory holds one unit at a time.
 */
final class UnitSheets {
    private UnitSheets() {}

    static List<Column> unitColumns() {
        return List.of(
                Column.text("transcript_id", 10, "the transcript's number in Samenspraak"),
                Column.text("transcript", 24, "the transcript's name"),
                Column.text("unit", 7, "the unit's (utterance's) number within the transcript, from 1"),
                Column.text("speaker", 12, "the speaker label as in the transcript"),
                Column.text("role", 12, "the speaker's role: professional, client or other"),
                Column.text("start_s", 9, "when the unit starts, in seconds from the start of the recording; blank when untimed"),
                Column.text("end_s", 9, "when the unit ends, in seconds; blank when untimed"),
                Column.text("text", 70, "what was said"),
                Column.text("coder", 14, "the coder's user name"),
                Column.text("dimension", 14, "the codebook dimension"),
                Column.text("code", 18, "the code key"),
                Column.text("code_label", 30, "the code's label in the export's language"));
    }

    /**
     * The one pass over the unit codes, filling Units, Wide and Disagreements at once; returns each
     * sheet's part names.
     */
    static Map<String, List<String>> write(XlsxWriter w, UnitCode.Source source, Map<String, Map<String, String>> labels,
                                           List<String> dimensions, List<String> coders) {
        Sheet units = w.sheet("Units", 1, unitColumns(), true);
        Sheet wide = w.sheet("Wide", 2, wideColumns(dimensions, coders), true);
        Sheet disagreements = w.sheet("Disagreements", 8, disagreementColumns(coders), true);
        Grouper grouper = new Grouper(dimensions, coders, (first, codes) -> {
            wideRow(wide, first, codes);
            disagreementRows(disagreements, first, codes, dimensions);
        });
        source.forEach(u -> {
            units.row().number(u.transcriptId()).shared(u.transcript()).number(u.unit()).shared(u.speaker()).shared(u.role());
            units.seconds(u.startMs()).seconds(u.endMs()).text(u.text());
            Map<String, String> byCode = labels.get(u.dimension());
            units.shared(u.coder()).shared(u.dimension()).shared(u.code()).shared(byCode == null ? null : byCode.get(u.code()));
            grouper.accept(u);
        });
        grouper.flush();
        Map<String, List<String>> parts = new LinkedHashMap<>();
        parts.put("Units", units.end());
        parts.put("Wide", wide.end());
        parts.put("Disagreements", disagreements.end());
        return parts;
    }

    static Double seconds(Long ms) {
        return ms == null ? null : ms / 1000.0;
    }

    /** The wide layout: context, then per dimension one column per coder and an agreement flag. */
    static List<Column> wideColumns(List<String> dimensions, List<String> coders) {
        List<Column> columns = new ArrayList<>(unitColumns().subList(0, 8));
        ColumnNames names = new ColumnNames(columns.stream().map(Column::name).toArray(String[]::new));
        for (String d : dimensions) {
            for (String c : coders) columns.add(Column.text(names.unique(d + "_" + c), 16, "the code " + c + " gave in the dimension " + d + "; blank when not coded"));
            columns.add(Column.text(names.unique("agree_" + d), 9, "1 when every coder who coded the unit in " + d + " gave the same code, 0 when not, blank when fewer than two coded it"));
        }
        return columns;
    }

    private static void wideRow(Sheet s, UnitCode first, String[][] codes) {
        s.row().number(first.transcriptId()).shared(first.transcript()).number(first.unit()).shared(first.speaker()).shared(first.role())
                .seconds(first.startMs()).seconds(first.endMs()).text(first.text());
        for (String[] byCoder : codes) {
            for (String code : byCoder) s.shared(code);
            Boolean agree = agreement(byCoder);
            if (agree == null) s.blank();
            else s.number(agree ? 1 : 0);
        }
    }

    static List<Column> disagreementColumns(List<String> coders) {
        List<Column> columns = new ArrayList<>(List.of(unitColumns().get(0), unitColumns().get(1), unitColumns().get(2),
                unitColumns().get(3), unitColumns().get(4), unitColumns().get(7), unitColumns().get(9)));
        ColumnNames names = new ColumnNames(columns.stream().map(Column::name).toArray(String[]::new));
        for (String c : coders) columns.add(Column.text(names.unique(c), 18, "the code " + c + " gave; blank when not coded"));
        return columns;
    }

    private static void disagreementRows(Sheet s, UnitCode first, String[][] codes, List<String> dimensions) {
        for (int d = 0; d < dimensions.size(); d++) {
            if (!Boolean.FALSE.equals(agreement(codes[d]))) continue;
            s.row().number(first.transcriptId()).shared(first.transcript()).number(first.unit()).shared(first.speaker())
                    .shared(first.role()).text(first.text()).shared(dimensions.get(d));
            for (String code : codes[d]) s.shared(code);
        }
    }

    /** Whether the coders who coded agree; null when fewer than two coded. */
    static Boolean agreement(String[] byCoder) {
        String first = null;
        int n = 0;
        boolean same = true;
        for (String code : byCoder) {
            if (code == null) continue;
            if (n++ == 0) first = code;
            else same &= first.equals(code);
        }
        return n < 2 ? null : same;
    }

    /** Collects the adjacent rows of one unit into codes[dimension][coder] and hands each unit on. */
    static final class Grouper {
        interface UnitSink {
            void unit(UnitCode first, String[][] codes);
        }

        private final Map<String, Integer> dimension = new HashMap<>();
        private final Map<String, Integer> coder = new HashMap<>();
        private final UnitSink sink;
        private final String[][] codes;
        private UnitCode first;

        Grouper(List<String> dimensions, List<String> coders, UnitSink sink) {
            for (int i = 0; i < dimensions.size(); i++) dimension.put(dimensions.get(i), i);
            for (int i = 0; i < coders.size(); i++) coder.put(coders.get(i), i);
            this.sink = sink;
            this.codes = new String[dimensions.size()][coders.size()];
        }

        void accept(UnitCode u) {
            if (first != null && (first.transcriptId() != u.transcriptId() || first.unit() != u.unit())) flush();
            if (first == null) first = u;
            Integer d = dimension.get(u.dimension()), c = coder.get(u.coder());
            if (d != null && c != null) codes[d][c] = u.code();
        }

        void flush() {
            if (first == null) return;
            sink.unit(first, codes);
            for (String[] row : codes) Arrays.fill(row, null);
            first = null;
        }
    }

}
