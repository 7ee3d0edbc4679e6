package nl.samenspraak.export;

import nl.samenspraak.codebook.Codebook;
import nl.samenspraak.reliability.ProjectReliability;
import nl.samenspraak.report.Scope.Person;
import nl.samenspraak.report.SessionReport;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The project workbook an analyst opens and uses at once: README, Units, Wide, Frequencies, Ratings,
 * Reliability, Per category, Confusion matrices, Disagreements. Records in, bytes out: the unit codes
 * arrive through a {@link UnitCode.Source}, read once for Units, Wide and Disagreements together; the rest as
 * records. The README is written last, when sheet splits are known, and listed first.
 */
public final class ProjectWorkbook {
    private final int maxRowsPerSheet;

    public ProjectWorkbook() {
        this(XlsxWriter.EXCEL_MAX_ROWS);
    }

    ProjectWorkbook(int maxRowsPerSheet) {
        this.maxRowsPerSheet = maxRowsPerSheet;
    }

    /** What the workbook needs besides the unit codes, computed once they have all been read. */
    public record Summaries(List<SessionReport> sessions, ProjectReliability reliability) {}

    /**
     * Writes the workbook, reading the unit codes once; {@code afterUnits} is asked for the summaries when
     * the pass is over (a source that also accumulates counts can answer from them). {@code progress}
     * counts data rows written.
     */
    public void write(OutputStream out, ExportInfo info, UnitCode.Source units, Supplier<Summaries> afterUnits, AtomicLong progress) {
        Codebook cb = info.codebook();
        List<String> dimensions = cb.dimensions().stream().map(Codebook.Dimension::key).toList();
        List<String> coders = info.coders().stream().map(Person::name).toList();
        Map<String, Map<String, String>> labels = labels(cb, info.language());
        Map<String, List<Column>> columns = new LinkedHashMap<>();
        try (XlsxWriter w = new XlsxWriter(out, progress, maxRowsPerSheet)) {
            Map<String, List<String>> parts = new LinkedHashMap<>(UnitSheets.write(w, units, labels, dimensions, coders));
            columns.put("Units", UnitSheets.unitColumns());
            columns.put("Wide", UnitSheets.wideColumns(dimensions, coders));
            columns.put("Disagreements", UnitSheets.disagreementColumns(coders));
            Summaries summaries = afterUnits.get();
            ProjectReliability reliability = summaries.reliability();
            List<Table> tables = List.of(SessionTables.frequencies(cb, summaries.sessions(), info.language()),
                    SessionTables.ratings(cb, summaries.sessions(), info.language()),
                    ReliabilityTables.coefficients(reliability, info.language()), ReliabilityTables.perCategory(reliability, info.language()));
            List<String> names = List.of("Frequencies", "Ratings", "Reliability", "Per category");
            for (int i = 0; i < tables.size(); i++) {
                parts.put(names.get(i), tables.get(i).write(w, names.get(i), 3 + i));
                columns.put(names.get(i), tables.get(i).columns());
            }
            parts.put("Confusion matrices", ReliabilityTables.confusion(w, 7, reliability));
            Readme.write(w, 0, info, parts, columns);
            w.finish();
        }
    }

    /** Code labels by dimension and code key, in the language. */
    static Map<String, Map<String, String>> labels(Codebook cb, String language) {
        Map<String, Map<String, String>> labels = new HashMap<>();
        cb.dimensions().forEach(d -> d.codes().forEach(c -> labels.computeIfAbsent(d.key(), k -> new HashMap<>()).put(c.key(), c.label().in(language))));
        return labels;
    }

    /** What each sheet holds, for the README. */
    static final Map<String, String> SHEETS = new LinkedHashMap<>();

    static {
        SHEETS.put("Units", "every code: a row per unit, coder and dimension (long format), with the unit's speaker, times and text");
        SHEETS.put("Wide", "a row per unit, a column per dimension and coder, and per dimension whether the coders agree");
        SHEETS.put("Frequencies", "per session, coder and speaker role: units coded, the count of every code and the value of every composite (ready for SPSS and R)");
        SHEETS.put("Ratings", "per session and coder: every rating item and the scale totals (a total only when every item is rated)");
        SHEETS.put("Reliability", "every reliability coefficient with its 95% interval where there is one, its interpretation, and the reason for each missing one");
        SHEETS.put("Per category", "per code: specific agreement, kappa and alpha of that code against all others");
        SHEETS.put("Confusion matrices", "per dimension and pair of coders: how often coder A's code (rows) met coder B's (columns)");
        SHEETS.put("Disagreements", "the units where coders who coded them differ, per dimension, with the text and each coder's code");
    }

    static List<String> sheetNames() {
        return new ArrayList<>(SHEETS.keySet());
    }
}
