package nl.samenspraak.report;

import nl.samenspraak.codebook.Codebook.RatingItem;
import nl.samenspraak.codebook.Codebook.RatingScale;
import nl.samenspraak.codebook.Codebook.Total;
import nl.samenspraak.codebook.Codebook.TotalKind;
import nl.samenspraak.results.SessionReport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rating scale's total from one coder's item values. Policy: a total needs every item rated; with one
 * missing it is undefined with a reason naming the missing items, never a total of fewer items (a sum
 * of four OPTION-5 items is not comparable with a sum of five). Rescaling maps the total's possible
 * range (sum: sum of minima .. sum of maxima; mean: their means) linearly onto rescaleMin..rescaleMax,
 * so an OPTION-5 sum of 0..20 becomes 0..100 (Elwyn et al. 2013).
 */
public final class RatingTotals {
    private RatingTotals() {}

    public static SessionReport.ScaleReport of(RatingScale scale, Map<String, Double> values) {
        Map<String, Double> items = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (RatingItem item : scale.items()) {
            Double v = values == null ? null : values.get(item.key());
            items.put(item.key(), v);
            if (v == null) missing.add(item.key());
        }
        Total total = scale.total();
        if (total == null || total.kind() == null) {
            return new SessionReport.ScaleReport(scale.key(), scale.rated(), items, null, null, null,
                    "the scale has no total: its items measure different things");
        }
        String kind = total.kind().key();
        if (!missing.isEmpty()) {
            return new SessionReport.ScaleReport(scale.key(), scale.rated(), items, kind, null, null,
                    "no total: " + missing.size() + " of " + scale.items().size() + " items are not rated ("
                            + String.join(", ", missing) + ")");
        }
        double sum = 0, lo = 0, hi = 0;
        for (RatingItem item : scale.items()) {
            sum += items.get(item.key());
            lo += item.min();
            hi += item.max();
        }
        int k = scale.items().size();
        double value = total.kind() == TotalKind.MEAN ? sum / k : sum;
        if (total.kind() == TotalKind.MEAN) {
            lo /= k;
            hi /= k;
        }
        Double rescaled = total.rescaleMin() == null || total.rescaleMax() == null || hi == lo ? null
                : total.rescaleMin() + (value - lo) / (hi - lo) * (total.rescaleMax() - total.rescaleMin());
        return new SessionReport.ScaleReport(scale.key(), scale.rated(), items, kind, value, rescaled, null);
    }
}
