package nl.samenspraak.spreadsheet;

import nl.samenspraak.codebook.Codebook;
import nl.samenspraak.results.Person;
import nl.samenspraak.results.ProjectReliability;
import nl.samenspraak.results.SessionReport;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The project workbook an analyst opens and uses at once: README, Units, Wide, Frequencies, Ratings,
 * Reliability, Per category, Confusion matrices, Disagreements, and (see {@link WorkbookExtras}) Consensus, Sessions,
 * Calibration and Comparison. Records in, bytes out: the unit codes
 * arrive through a {@link UnitCode.Source}, read once for Units, Wide and Disagreements together; the rest as
 * records. The README is written last, when sheet splits are known, and listed first.
 */
public final class ProjectWorkbook {
    private final int maxRowsPerSheet;
    private final Executor deflaters;

    /** {@code deflaters}: where each sheet is compressed while it is written (see {@link CompressedPart}). */
    public ProjectWorkbook(Executor deflaters) {
        this(XlsxWriter.EXCEL_MAX_ROWS, deflaters);
    }

    ProjectWorkbook(int maxRowsPerSheet, Executor deflaters) {
        this.maxRowsPerSheet = maxRowsPerSheet;
        this.deflaters = deflaters;
    }

    /** What the workbook needs besides the unit codes, computed once they have all been read. */
    public record Summaries(List<SessionReport> sessions, ProjectReliability reliability) {}

    /**
     * Writes the workbook, reading the unit codes once; {@code afterUnits} is asked for the summaries when
     * the pass is over (a source that also accumulates counts can answer from them). {@code progress}
     * counts data rows written.
     */
    public void write(OutputStream out, ExportInfo info, UnitCode.Source units, Supplier<Summaries> afterUnits, AtomicLong progress) {
        write(out, info, units, afterUnits, WorkbookExtras.NONE, progress);
    }

    /** As above, with the consensus, session data, calibrations and comparison; a null part is left out and the README says why. */
    public void write(OutputStream out, ExportInfo info, UnitCode.Source units, Supplier<Summaries> afterUnits, WorkbookExtras extras,
                      AtomicLong progress) {
        Codebook cb = info.codebook();
        List<String> dimensions = cb.dimensions().stream().map(Codebook.Dimension::key).toList();
        List<String> coders = info.coders().stream().map(Person::name).toList();
        Map<String, Map<String, String>> labels = labels(cb, info.language());
        Map<String, List<Column>> columns = new LinkedHashMap<>();
        try (XlsxWriter w = new XlsxWriter(out, progress, maxRowsPerSheet, deflaters)) {
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
            Map<String, String> absent = extras(w, extras, dimensions, parts, columns);
            Readme.write(w, 0, info, extras.coverage(), parts, columns, absent);
            w.finish();
        }
    }

    /** Writes the sheets of the extras that are there; answers, per sheet left out, why. */
    private static Map<String, String> extras(XlsxWriter w, WorkbookExtras extras, List<String> dimensions, Map<String, List<String>> parts,
                                              Map<String, List<Column>> columns) {
        Map<String, String> absent = new LinkedHashMap<>();
        if (extras.consensus() != null) {
            parts.put("Consensus", ExtraSheets.consensus(w, 9, extras.consensus(), dimensions));
            columns.put("Consensus", ExtraSheets.consensusColumns(dimensions));
        } else {
            absent.put("Consensus", "the project has no consensus coding yet (adjudicate a transcript first), or this export is of the consensus itself "
                    + "(dataset=consensus), whose codes are on the Units and Wide sheets");
        }
        table("Sessions", 10, extras.sessions() == null ? null : ExtraSheets.sessions(extras.sessions()), w, parts, columns, absent,
                "session data are for admins, trainers and analysts of the project");
        table("Calibration", 11, extras.calibrations() == null ? null : ExtraSheets.calibrations(extras.calibrations()), w, parts, columns, absent,
                "calibrations were not read for this export");
        table("Comparison", 12, extras.comparison() == null ? null : ExtraSheets.comparison(extras.comparison()), w, parts, columns, absent,
                "no comparison was asked for; add compare.field, compare.a and compare.b (and optionally compare.alternative: two-sided, "
                        + "greater or less) to the export's query, or a \"compare\": {\"field\", \"a\", \"b\", \"alternative\"} object to the job's body");
        return absent;
    }

    private static void table(String name, int rank, Table table, XlsxWriter w, Map<String, List<String>> parts, Map<String, List<Column>> columns,
                              Map<String, String> absent, String why) {
        if (table == null) {
            absent.put(name, why);
            return;
        }
        parts.put(name, table.write(w, name, rank));
        columns.put(name, table.columns());
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
        SHEETS.put("Consensus", "the final dataset after adjudication: a row per unit the consensus coded, with the consensus code per dimension, "
                + "how it came about (agreed, taken from a coder, or set directly), the coder it was taken from and the adjudicator's comment; "
                + "the README's consensus lines say how many units of each transcript it covers");
        SHEETS.put("Sessions", "a row per transcript with every session field and questionnaire item, to merge with Frequencies and Ratings "
                + "in SPSS or R by transcript_id; number fields and responses are numeric cells, dates are text yyyy-mm-dd");
        SHEETS.put("Calibration", "every stored calibration of a trainee against a reference coding: a row per calibration and dimension, "
                + "with percent agreement, kappa, alpha, the threshold and pass or fail");
        SHEETS.put("Comparison", "two groups of sessions (by a session field) compared on every measure with Welch's t-test: means, SDs, n, "
                + "difference with its 95% interval, t, df, p, Holm-adjusted p, Cohen's d and the reason for a blank");
    }

    static List<String> sheetNames() {
        return new ArrayList<>(SHEETS.keySet());
    }
}
