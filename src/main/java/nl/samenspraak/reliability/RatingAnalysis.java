package nl.samenspraak.reliability;

import nl.samenspraak.agreement.AgreementOptions;
import nl.samenspraak.agreement.AgreementResult;
import nl.samenspraak.agreement.Coefficient;
import nl.samenspraak.agreement.Level;
import nl.samenspraak.agreement.Reliability;
import nl.samenspraak.agreement.ReliabilityData;
import nl.samenspraak.codebook.Codebook.RatingItem;
import nl.samenspraak.codebook.Codebook.RatingScale;
import nl.samenspraak.codebook.Codebook.Text;
import nl.samenspraak.report.ProjectReader.RatingRow;
import nl.samenspraak.report.RatingTotals;
import nl.samenspraak.report.Scope;
import nl.samenspraak.results.CoefficientView;
import nl.samenspraak.results.Person;
import nl.samenspraak.results.ProjectReliability.RatingReliability;
import nl.samenspraak.results.SessionReport.ScaleReport;
import nl.samenspraak.results.TranscriptRef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Reliability of session ratings, units = transcripts: per item and per scale total, the ICCs, alpha at
 * the ordinal and the interval level, weighted kappa (two coders; weights from the values) and percent
 * agreement. An item's categories are its whole range min..max, so weights span the scale, not only the
 * values used. A total is the rescaled total where the scale has one (ICC and alpha do not change under
 * a linear rescaling).
 */
final class RatingAnalysis {
    private RatingAnalysis() {}

    static final List<Coefficient> INTERVAL = List.of(Coefficient.ICC_1_1, Coefficient.ICC_2_1, Coefficient.ICC_3_1,
            Coefficient.ICC_1_K, Coefficient.ICC_2_K, Coefficient.ICC_3_K, Coefficient.KRIPPENDORFF_ALPHA,
            Coefficient.WEIGHTED_KAPPA_LINEAR, Coefficient.WEIGHTED_KAPPA_QUADRATIC, Coefficient.PERCENT_AGREEMENT);

    static List<RatingReliability> of(Scope scope, List<RatingRow> rows, int bootstrap, long seed) {
        Map<String, Map<Long, Map<Long, Map<String, Double>>>> byScale = new HashMap<>();
        for (RatingRow r : rows) {
            byScale.computeIfAbsent(r.scale(), k -> new HashMap<>()).computeIfAbsent(r.transcriptId(), k -> new HashMap<>())
                    .computeIfAbsent(r.coderId(), k -> new HashMap<>()).put(r.item(), r.value());
        }
        List<RatingReliability> out = new ArrayList<>();
        for (RatingScale scale : scope.codebook().codebook().ratingScales()) {
            Map<Long, Map<Long, Map<String, Double>>> rated = byScale.getOrDefault(scale.key(), Map.of());
            for (RatingItem item : scale.items()) {
                List<String> order = IntStream.rangeClosed(item.min(), item.max()).mapToObj(String::valueOf).toList();
                out.add(analyse(scale.key(), item.key(), item.label(), scope, rated, values -> values.get(item.key()), order, bootstrap, seed));
            }
            if (scale.total() != null) {
                out.add(analyse(scale.key(), null, scale.label(), scope, rated, values -> total(scale, values), List.of(), bootstrap, seed));
            }
        }
        return out;
    }

    private static Double total(RatingScale scale, Map<String, Double> values) {
        ScaleReport r = RatingTotals.of(scale, values);
        return r.rescaled() != null ? r.rescaled() : r.total();
    }

    private static RatingReliability analyse(String scale, String item, Text label, Scope scope, Map<Long, Map<Long, Map<String, Double>>> rated,
                                             java.util.function.Function<Map<String, Double>, Double> value, List<String> order,
                                             int bootstrap, long seed) {
        List<Person> coders = new ArrayList<>();
        List<String[]> units = new ArrayList<>();
        for (Person coder : scope.coders()) {
            boolean any = rated.values().stream().anyMatch(byCoder -> byCoder.containsKey(coder.id()) && value.apply(byCoder.get(coder.id())) != null);
            if (any) coders.add(coder);
        }
        for (TranscriptRef t : scope.transcripts()) {
            Map<Long, Map<String, Double>> byCoder = rated.get(t.id());
            if (byCoder == null) continue;
            String[] row = new String[coders.size()];
            boolean any = false;
            for (int j = 0; j < coders.size(); j++) {
                Map<String, Double> values = byCoder.get(coders.get(j).id());
                Double v = values == null ? null : value.apply(values);
                row[j] = v == null ? null : label(v);
                any |= v != null;
            }
            if (any) units.add(row);
        }
        List<String> names = coders.stream().map(Person::name).toList();
        if (units.isEmpty()) {
            return new RatingReliability(scale, item, label, 0, names, List.of(), "no chosen transcript has this " + (item == null ? "total" : "item") + " rated");
        }
        ReliabilityData data;
        try {
            data = ReliabilityData.fromLabels(names, units, order);
        } catch (IllegalArgumentException outOfRange) {
            data = ReliabilityData.fromLabels(names, units, List.of());
        }
        AgreementOptions ordinal = AgreementOptions.of(Level.ORDINAL), interval = AgreementOptions.of(Level.INTERVAL);
        if (bootstrap > 0) {
            ordinal = ordinal.withBootstrap(bootstrap, seed);
            interval = interval.withBootstrap(bootstrap, seed);
        }
        AgreementResult o = Reliability.compute(data, ordinal), i = Reliability.compute(data, interval);
        List<CoefficientView> views = new ArrayList<>();
        for (Coefficient c : INTERVAL) {
            if (c == Coefficient.KRIPPENDORFF_ALPHA) {
                views.add(CoefficientView.of(o, c, "krippendorff_alpha_ordinal"));
                views.add(CoefficientView.of(i, c, "krippendorff_alpha_interval"));
            } else {
                views.add(CoefficientView.of(i, c, c.key()));
            }
        }
        return new RatingReliability(scale, item, label, units.size(), names, views, null);
    }

    static String label(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
