package nl.samenspraak.spreadsheet;

import nl.samenspraak.results.CoefficientView;
import nl.samenspraak.results.Interpretation;
import nl.samenspraak.results.ProjectReliability.DimensionReliability;
import nl.samenspraak.results.ProjectReliability.FrequencyReliability;
import nl.samenspraak.results.ProjectReliability.PairCorrelation;
import nl.samenspraak.results.ProjectReliability.RatingReliability;
import nl.samenspraak.results.ProjectReliability.TranscriptReliability;
import nl.samenspraak.results.ProjectReliability;
import nl.samenspraak.results.ResultView;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The Reliability, Per category and Confusion matrices sheets, from a {@link ProjectReliability}. */
final class ReliabilityTables {
    private ReliabilityTables() {}

    static Table coefficients(ProjectReliability r, String language) {
        List<Column> columns = List.of(
                Column.text("analysis", 10, "codes: agreement on units; ratings: agreement on session ratings; counts: agreement on per-session counts (RIAS style)"),
                Column.text("target", 22, "the dimension, the scale/item (scale/total for a total), or the code or composite"),
                Column.text("role", 12, "for counts: the speaker role whose sessions are compared"),
                Column.text("transcript", 20, "for codes: blank for all chosen transcripts together, else the one transcript"),
                Column.text("coefficient", 26, "the coefficient's key"),
                Column.text("coders", 18, "the coders compared"),
                Column.decimal("value", 9, "the coefficient; blank when undefined (see reason)"),
                Column.decimal("ci_low", 9, "lower bound of the 95% interval; blank when there is none"),
                Column.decimal("ci_high", 9, "upper bound of the 95% interval"),
                Column.text("ci_method", 10, "bootstrap (alpha, Hayes & Krippendorff 2007) or F (ICC, McGraw & Wong 1996)"),
                Column.text("units", 7, "units compared: utterances (codes), transcripts (ratings) or sessions (counts)"),
                Column.text("interpretation", 70, "a plain-language reading with the benchmark used"),
                Column.text("reason", 60, "why the value is missing"));
        List<List<Object>> rows = new ArrayList<>();
        for (DimensionReliability d : r.dimensions()) {
            if (d.result() == null) {
                rows.add(Arrays.asList("codes", d.dimension(), null, null, null, null, null, null, null, null, 0L, null, d.reason()));
                continue;
            }
            String coders = String.join(", ", d.result().coders());
            for (CoefficientView c : d.result().coefficients()) rows.add(row("codes", d.dimension(), null, null, coders, c, (long) d.result().units(), language));
            for (TranscriptReliability t : d.perTranscript()) {
                for (CoefficientView c : t.coefficients()) {
                    rows.add(row("codes", d.dimension(), null, t.transcript(), String.join(", ", t.coders()), c, (long) t.units(), language));
                }
            }
        }
        for (RatingReliability g : r.ratings()) {
            String target = g.scale() + "/" + (g.item() == null ? "total" : g.item());
            if (g.reason() != null) rows.add(Arrays.asList("ratings", target, null, null, null, null, null, null, null, null, 0L, null, g.reason()));
            for (CoefficientView c : g.coefficients()) rows.add(row("ratings", target, null, null, String.join(", ", g.coders()), c, (long) g.units(), language));
        }
        for (FrequencyReliability f : r.frequencies()) {
            for (PairCorrelation p : f.pearson()) {
                rows.add(Arrays.asList("counts", f.key(), f.role().key(), null, "pearson_r", p.coderA() + ", " + p.coderB(), p.r(), null, null, null,
                        (long) p.sessions(), text(p.interpretation(), language), p.reason()));
            }
            for (CoefficientView c : f.icc()) rows.add(row("counts", f.key(), f.role().key(), null, String.join(", ", f.coders()), c, (long) f.sessions(), language));
        }
        return new Table(columns, rows);
    }

    private static List<Object> row(String analysis, String target, String role, String transcript, String coders, CoefficientView c,
                                    long units, String language) {
        return Arrays.asList(analysis, target, role, transcript, c.key(), coders, c.value(), c.ciLow(), c.ciHigh(), c.ciMethod(), units,
                text(c.interpretation(), language), c.reason());
    }

    static String text(Interpretation i, String language) {
        return i == null ? null : "nl".equals(language) ? i.nl() : i.en();
    }

    static Table perCategory(ProjectReliability r, String language) {
        List<Column> columns = List.of(
                Column.text("dimension", 14, "the codebook dimension"),
                Column.text("category", 18, "the code key"),
                Column.text("label", 30, "the code's label"),
                Column.decimal("agreement", 10, "specific agreement: of the pairs of values that include this code, the share where both are this code"),
                Column.decimal("kappa", 9, "Fleiss' kappa of this code against all others"),
                Column.decimal("alpha", 9, "nominal alpha of this code against all others"),
                Column.text("reason", 60, "why a value is missing"));
        List<List<Object>> rows = new ArrayList<>();
        for (DimensionReliability d : r.dimensions()) {
            if (d.result() == null) continue;
            for (ResultView.CategoryView c : d.result().categories()) {
                rows.add(Arrays.asList(d.dimension(), c.category(), c.label() == null ? null : c.label().in(language), c.agreement(), c.kappa(), c.alpha(),
                        c.reasons().isEmpty() ? null : String.join("; ", c.reasons().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList())));
            }
        }
        return new Table(columns, rows);
    }

    /** One block per dimension and pair of coders: a title, the first coder's codes down, the second's across, totals. */
    static List<String> confusion(XlsxWriter w, int rank, ProjectReliability r) {
        int widest = 2;
        for (DimensionReliability d : r.dimensions()) if (d.result() != null) widest = Math.max(widest, d.result().categories().size() + 2);
        List<Column> columns = new ArrayList<>();
        columns.add(Column.text("", 26, ""));
        for (int c = 1; c < widest; c++) columns.add(Column.text("", 12, ""));
        Sheet s = w.sheet("Confusion matrices", rank, columns, false);
        for (DimensionReliability d : r.dimensions()) {
            if (d.result() == null) continue;
            for (ResultView.ConfusionView m : d.result().confusion()) {
                s.row().title(d.dimension() + ": " + m.coderA() + " (rows) \u00d7 " + m.coderB() + " (columns), " + m.total() + " units coded by both");
                s.row().title(m.coderA() + " \\ " + m.coderB());
                m.categories().forEach(c -> s.title(c));
                s.title("total");
                long[] columnTotals = new long[m.categories().size()];
                for (int a = 0; a < m.categories().size(); a++) {
                    s.row().shared(m.categories().get(a));
                    long total = 0;
                    for (int b = 0; b < m.categories().size(); b++) {
                        s.number(m.counts()[a][b]);
                        total += m.counts()[a][b];
                        columnTotals[b] += m.counts()[a][b];
                    }
                    s.number(total);
                }
                s.row().title("total");
                for (long t : columnTotals) s.number(t);
                s.number(m.total());
                s.row();
            }
        }
        return s.end();
    }
}
