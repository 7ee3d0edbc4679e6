package nl.samenspraak.spreadsheet;

import nl.samenspraak.spreadsheet.WorkbookExtras.CalibrationRow;
import nl.samenspraak.spreadsheet.WorkbookExtras.Comparison;
import nl.samenspraak.spreadsheet.WorkbookExtras.ComparisonRow;
import nl.samenspraak.spreadsheet.WorkbookExtras.ConsensusCode;
import nl.samenspraak.spreadsheet.WorkbookExtras.Field;
import nl.samenspraak.spreadsheet.WorkbookExtras.Item;
import nl.samenspraak.spreadsheet.WorkbookExtras.SessionRow;
import nl.samenspraak.spreadsheet.WorkbookExtras.Sessions;

import java.util.ArrayList;
import java.util.List;

/**
 * The Consensus, Sessions, Calibration and Comparison sheets. Consensus is streamed a unit at a time;
 * the others are small (a row per transcript, calibration dimension or measure) and go through {@link Table}.
 * Session fields of type number become numeric cells; dates stay ISO text (yyyy-mm-dd), which SPSS and R
 * read as dates without Excel's serial numbers or locale.
 */
final class ExtraSheets {
    private ExtraSheets() {}

    private static final List<Column> UNIT = List.of(
            Column.text("transcript_id", 10, "the transcript's number in Samenspraak"),
            Column.text("transcript", 24, "the transcript's name"),
            Column.text("unit", 6, "the unit's (utterance's) number within the transcript"),
            Column.text("speaker", 14, "the speaker label of the unit"),
            Column.text("role", 12, "the speaker role: professional, client or other"),
            new Column("text", 60, Column.Style.GENERAL, "the unit's text"));

    static List<Column> consensusColumns(List<String> dimensions) {
        List<Column> columns = new ArrayList<>(UNIT);
        ColumnNames names = new ColumnNames(columns.stream().map(Column::name).toArray(String[]::new));
        for (String d : dimensions) {
            columns.add(Column.text(names.unique(d), 14, "the consensus code in dimension " + d + "; blank when the unit has none"));
            columns.add(Column.text(names.unique(d + "_source"), 10, "how the consensus code in " + d + " came about: agreed (every coder compared "
                    + "gave it, taken in one go), coder (taken from the coder in " + d + "_from) or direct (set by the adjudicator)"));
            columns.add(Column.text(names.unique(d + "_from"), 12, "the coder whose code in " + d + " the adjudicator took; blank when set directly"));
            columns.add(Column.text(names.unique(d + "_comment"), 30, "the adjudicator's comment on " + d + ", if any"));
        }
        return columns;
    }

    static List<String> consensus(XlsxWriter w, int rank, WorkbookExtras.Consensus consensus, List<String> dimensions) {
        Sheet s = w.sheet("Consensus", rank, consensusColumns(dimensions), true);
        consensus.units().forEach(u -> {
            s.row().number(u.transcriptId()).shared(u.transcript()).number(u.unit()).shared(u.speaker()).shared(u.role()).text(u.text());
            for (String d : dimensions) {
                ConsensusCode c = u.codes().get(d);
                if (c == null) s.blank().blank().blank().blank();
                else s.shared(c.code()).shared(c.source()).shared(c.fromCoder()).text(c.comment());
            }
        });
        return s.end();
    }

    static Table sessions(Sessions sessions) {
        List<Column> columns = new ArrayList<>(UNIT.subList(0, 2));
        ColumnNames names = new ColumnNames(columns.stream().map(Column::name).toArray(String[]::new));
        for (Field f : sessions.fields()) {
            String kind = switch (f.type()) {
                case "number" -> "a number (numeric cell)";
                case "date" -> "a date as text yyyy-mm-dd (ISO 8601)";
                case "category" -> "one of its listed values";
                default -> "text";
            };
            columns.add(f.type().equals("number") ? Column.decimal(names.unique(f.key()), 12, "session field " + f.key() + " (" + f.label() + "): " + kind + "; blank when not entered")
                    : Column.text(names.unique(f.key()), 14, "session field " + f.key() + " (" + f.label() + "): " + kind + "; blank when not entered"));
        }
        for (Item i : sessions.items()) {
            columns.add(Column.text(names.unique(i.key()), 10, "questionnaire " + sessions.questionnaire() + ", scale " + i.scale() + ", item " + i.key()
                    + " (" + i.label() + "), " + SessionTables.number(i.min()) + " to " + SessionTables.number(i.max()) + "; blank when not answered"));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (SessionRow r : sessions.rows()) {
            List<Object> row = new ArrayList<>(List.of(r.transcriptId(), r.transcript()));
            for (Field f : sessions.fields()) {
                String v = r.values().get(f.key());
                row.add(v != null && f.type().equals("number") ? (Object) Double.valueOf(v) : v);
            }
            for (Item i : sessions.items()) row.add(r.responses().get(i.key()));
            rows.add(row);
        }
        return new Table(columns, rows);
    }

    static Table calibrations(List<CalibrationRow> runs) {
        List<Column> columns = List.of(
                Column.text("calibration_id", 10, "the stored calibration's number; its dimensions share it"),
                Column.text("coder", 14, "the trainee who was calibrated"),
                Column.text("transcript_id", 10, "the transcript's number in Samenspraak"),
                Column.text("transcript", 24, "the transcript's name"),
                Column.text("reference", 14, "the coder whose coding was the reference (gold)"),
                Column.text("computed_at", 22, "when the calibration was computed (ISO 8601, UTC)"),
                Column.text("dimension", 12, "the codebook dimension"),
                Column.text("units", 8, "units the reference coded in the dimension: the units the trainee was compared on"),
                Column.text("transcript_units", 10, "units of the transcript; when units is much smaller, the reference (a partial consensus, say) "
                        + "covered only part of it, and the result says nothing about the rest"),
                Column.decimal("percent", 10, "percent agreement of trainee and reference (a proportion, 0 to 1)"),
                Column.decimal("kappa", 10, "Cohen's kappa of trainee against reference; blank when undefined (then the dimension fails)"),
                Column.decimal("alpha", 10, "Krippendorff's alpha (nominal) of trainee and reference; blank when undefined"),
                Column.decimal("threshold", 10, "the kappa the project required at the time"),
                Column.text("passed", 8, "1 when kappa is at least the threshold in this dimension, 0 otherwise"),
                Column.text("passed_all", 10, "1 when the calibration passed as a whole (every dimension passed), 0 otherwise"));
        List<List<Object>> rows = new ArrayList<>();
        for (CalibrationRow r : runs) {
            rows.add(java.util.Arrays.asList(r.id(), r.coder(), r.transcriptId(), r.transcript(), r.reference(), r.computedAt(), r.dimension(),
                    (long) r.units(), (long) r.transcriptUnits(), r.percent(), r.kappa(), r.alpha(), r.threshold(), r.passedDimension() ? 1L : 0L, r.passed() ? 1L : 0L));
        }
        return new Table(columns, rows);
    }

    static Table comparison(Comparison c) {
        String a = " in group A (" + c.field() + " = " + c.a() + ")", b = " in group B (" + c.field() + " = " + c.b() + ")";
        List<Column> columns = List.of(
                Column.text("kind", 18, "count (a code per speaker role), composite, rating (a scale total), questionnaire (an item) or questionnaire-total; "
                        + "a session's coded measure is the " + c.perSession()),
                Column.text("measure", 22, "the code (dimension.code), composite, scale or item"),
                Column.text("role", 12, "the speaker role the measure counts; blank when none applies"),
                Column.decimal("mean_a", 10, "mean of the sessions" + a), Column.decimal("sd_a", 10, "standard deviation" + a),
                Column.text("n_a", 6, "sessions with a value" + a + ", of " + c.sessionsA()),
                Column.decimal("mean_b", 10, "mean of the sessions" + b), Column.decimal("sd_b", 10, "standard deviation" + b),
                Column.text("n_b", 6, "sessions with a value" + b + ", of " + c.sessionsB()),
                Column.decimal("difference", 10, "mean A minus mean B"),
                Column.decimal("ci_lower", 10, "lower end of the 95% confidence interval of the difference; blank when unbounded (one-sided) or undefined"),
                Column.decimal("ci_upper", 10, "upper end of that interval; blank when unbounded (one-sided) or undefined"),
                Column.decimal("t", 10, "Welch's t"), Column.decimal("df", 10, "Welch-Satterthwaite degrees of freedom"),
                Column.decimal("p", 10, "p-value, alternative " + c.alternative()),
                Column.decimal("p_holm", 10, "p-value Holm-adjusted over all measures of this table"),
                Column.decimal("d", 10, "Cohen's d (pooled standard deviation)"),
                Column.text("reason", 40, "why a blank value could not be computed (too few sessions, no variance)"));
        List<List<Object>> rows = new ArrayList<>();
        for (ComparisonRow r : c.rows()) {
            rows.add(java.util.Arrays.asList(r.kind(), r.measure(), r.role(), r.meanA(), r.sdA(), (long) r.nA(), r.meanB(), r.sdB(), (long) r.nB(),
                    r.difference(), r.ciLower(), r.ciUpper(), r.t(), r.df(), r.p(), r.pHolm(), r.d(), r.reason()));
        }
        return new Table(columns, rows);
    }
}
