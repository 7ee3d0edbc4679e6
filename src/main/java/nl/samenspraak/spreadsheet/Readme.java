package nl.samenspraak.spreadsheet;

import nl.samenspraak.results.Person;

import java.util.List;
import java.util.Map;

/** The README sheet: what was exported, from what, when, by whom; what each sheet and column holds. */
final class Readme {
    private Readme() {}

    static void write(XlsxWriter w, int rank, ExportInfo info, List<WorkbookExtras.Coverage> coverage, Map<String, List<String>> parts,
                      Map<String, List<Column>> columns, Map<String, String> absent) {
        Sheet s = w.sheet("README", rank, List.of(Column.text("", 26, ""), Column.text("", 24, ""), new Column("", 100, Column.Style.WRAP, "")), false);
        s.row().title("Samenspraak export: " + info.project());
        s.row();
        line(s, "project", info.project());
        line(s, "codebook", info.codebook().key() + ", version " + info.codebook().version() + " (labels and columns follow this version)");
        line(s, "exported at", info.exportedAt().toString() + " (UTC)");
        line(s, "coders", String.join(", ", info.coders().stream().map(Readme::person).toList()));
        line(s, "transcripts", info.transcripts() + " (deleted transcripts are left out)");
        line(s, "label language", info.language());
        line(s, "alpha bootstrap", info.bootstrap() == 0 ? "none" : info.bootstrap() + " samples, seed " + info.seed());
        coverage(s, coverage);
        line(s, "blank cells", "a blank cell means missing (not applicable, not coded, or undefined; the Reliability sheet gives each reason), never 0");
        s.row();
        s.row().title("Sheets");
        for (var e : ProjectWorkbook.SHEETS.entrySet()) {
            if (absent.containsKey(e.getKey())) {
                s.row().shared(e.getKey()).blank().wrapped("Not in this workbook: " + absent.get(e.getKey()) + ". When present: " + e.getValue() + ".");
                continue;
            }
            List<String> p = parts.getOrDefault(e.getKey(), List.of(e.getKey()));
            String split = p.size() > 1 ? " The sheet holds more rows than one Excel sheet can (" + (w.maxRowsPerSheet - 1)
                    + " data rows each), so it continues on " + String.join(", ", p.subList(1, p.size())) + "." : "";
            s.row().shared(e.getKey()).blank().wrapped(e.getValue() + "." + split);
        }
        s.row();
        s.row().title("Columns");
        s.row().title("sheet").title("column").title("meaning");
        for (var e : columns.entrySet()) {
            for (Column c : e.getValue()) s.row().shared(e.getKey()).shared(c.name()).wrapped(c.meaning());
        }
        s.row();
        s.row().wrapped("Numbers are numeric cells; text is never a formula. Headers are frozen and filtered; the Confusion matrices sheet is "
                + "a set of blocks rather than one table.");
        s.end();
    }

    /** How much of each transcript the consensus codes; a partial one is said plainly, since it is not a whole coding. */
    private static void coverage(Sheet s, List<WorkbookExtras.Coverage> coverage) {
        for (int i = 0; i < coverage.size(); i++) {
            WorkbookExtras.Coverage c = coverage.get(i);
            line(s, i == 0 ? "consensus coverage" : "", c.transcript() + " (" + c.transcriptId() + "): " + c.covered() + " of " + c.units()
                    + " units" + (c.partial() ? " (partial)" : " (all)"));
        }
        if (coverage.stream().anyMatch(WorkbookExtras.Coverage::partial)) {
            line(s, "partial consensus", "a consensus that covers only some units of a transcript is not a whole coding: units without a "
                    + "consensus code are missing from the Consensus sheet, from counts of the consensus (dataset=consensus) and from a "
                    + "calibration against it; finish adjudicating before using it as one");
        }
    }

    private static void line(Sheet s, String name, String value) {
        s.row().shared(name).blank().wrapped(value);
    }

    private static String person(Person p) {
        return p.name() + " (" + p.id() + ")";
    }
}
