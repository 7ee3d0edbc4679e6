package nl.samenspraak.spreadsheet;

import nl.samenspraak.codebook.Codebook.Composite;
import nl.samenspraak.codebook.Codebook.Dimension;
import nl.samenspraak.codebook.Codebook.RatingItem;
import nl.samenspraak.codebook.Codebook.RatingScale;
import nl.samenspraak.codebook.Codebook;
import nl.samenspraak.results.SessionReport.RoleReport;
import nl.samenspraak.results.SessionReport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Frequencies table (a row per session, coder and speaker role; a column per code and composite)
 * and the Ratings table (a row per session and coder; a column per item and total), from session
 * reports. Blank means: the code or composite does not apply to the role, a ratio's denominator is 0, an
 * item is not rated, or a total is missing because an item is.
 */
final class SessionTables {
    private SessionTables() {}

    private static final List<Column> SESSION = List.of(
            Column.text("transcript_id", 10, "the transcript's number in Samenspraak"),
            Column.text("transcript", 24, "the transcript's name"),
            Column.text("coder_id", 8, "the coder's user number"),
            Column.text("coder", 14, "the coder's user name"));

    static Table frequencies(Codebook codebook, List<SessionReport> sessions, String language) {
        List<Column> columns = new ArrayList<>(SESSION);
        columns.add(Column.text("role", 12, "the speaker role this row counts: professional, client or other"));
        columns.add(Column.text("units", 8, "the role's units (utterances) in the transcript"));
        ColumnNames names = new ColumnNames(columns.stream().map(Column::name).toArray(String[]::new));
        List<String> keys = new ArrayList<>();
        for (Dimension d : codebook.dimensions()) {
            keys.add("coded/" + d.key());
            columns.add(Column.text(names.unique("coded_" + d.key()), 10, "units of the role the coder coded in the dimension " + d.key()));
        }
        for (Dimension d : codebook.dimensions()) {
            for (Codebook.Code c : d.codes()) {
                keys.add("code/" + d.key() + "/" + c.key());
                columns.add(Column.text(names.unique(d.key() + "_" + c.key()), 12, "count of units coded " + c.key() + " (" + c.label().in(language)
                        + ") in " + d.key() + (c.roles().isEmpty() ? "" : "; blank for roles the code does not apply to")));
            }
        }
        for (Composite c : codebook.composites()) {
            keys.add("composite/" + c.key());
            columns.add(Column.decimal(names.unique(c.key()), 12, (c.isRatio() ? "ratio " : "sum ") + c.key() + " (" + c.label().in(language) + "): "
                    + String.join(" + ", c.numerator()) + (c.isRatio() ? " divided by " + String.join(" + ", c.denominator()) + "; blank when that is 0" : "")
                    + (c.roles().isEmpty() ? "" : "; blank for roles other than " + String.join(", ", c.roles().stream().map(r -> r.key()).toList()))));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (SessionReport s : sessions) {
            for (RoleReport r : s.roles()) {
                Map<String, Object> cells = new HashMap<>();
                r.coded().forEach((d, n) -> cells.put("coded/" + d, n));
                r.frequencies().forEach(f -> cells.put("code/" + f.dimension() + "/" + f.code(), f.count()));
                r.composites().forEach(c -> cells.put("composite/" + c.key(), c.ratio() ? c.value() : (Object) c.numerator()));
                List<Object> row = new ArrayList<>(List.of(s.transcriptId(), s.transcript(), s.coderId(), s.coder(), r.role().key(), (long) r.units()));
                keys.forEach(k -> row.add(cells.get(k)));
                rows.add(row);
            }
        }
        return new Table(columns, rows);
    }

    static Table ratings(Codebook codebook, List<SessionReport> sessions, String language) {
        List<Column> columns = new ArrayList<>(SESSION);
        ColumnNames names = new ColumnNames(columns.stream().map(Column::name).toArray(String[]::new));
        for (RatingScale scale : codebook.ratingScales()) {
            for (RatingItem item : scale.items()) {
                columns.add(Column.text(names.unique(scale.key() + "_" + item.key()), 12, "item " + item.key() + " (" + item.label().in(language)
                        + ") of " + scale.key() + ", " + item.min() + " to " + item.max() + "; blank when not rated"));
            }
            if (scale.total() != null) {
                columns.add(Column.decimal(names.unique(scale.key() + "_total"), 12, "the " + scale.total().kind().key() + " of the items of "
                        + scale.key() + "; blank unless every item is rated"));
                if (scale.total().rescaleMin() != null) {
                    columns.add(Column.decimal(names.unique(scale.key() + "_total_rescaled"), 14, "the total mapped onto "
                            + number(scale.total().rescaleMin()) + " to " + number(scale.total().rescaleMax()) + "; blank unless every item is rated"));
                }
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        for (SessionReport s : sessions) {
            List<Object> row = new ArrayList<>(List.of(s.transcriptId(), s.transcript(), s.coderId(), s.coder()));
            boolean any = false;
            for (int i = 0; i < codebook.ratingScales().size(); i++) {
                RatingScale scale = codebook.ratingScales().get(i);
                SessionReport.ScaleReport r = s.ratings().get(i);
                for (RatingItem item : scale.items()) {
                    Double v = r.items().get(item.key());
                    row.add(v);
                    any |= v != null;
                }
                if (scale.total() != null) {
                    row.add(r.total());
                    if (scale.total().rescaleMin() != null) row.add(r.rescaled());
                }
            }
            if (any) rows.add(row);
        }
        return new Table(columns, rows);
    }

    static String number(Double d) {
        return d == Math.rint(d) ? String.valueOf(d.longValue()) : String.valueOf(Objects.requireNonNull(d));
    }
}
