package nl.samenspraak.agreement;

import java.util.Map;
import java.util.TreeMap;
import nl.samenspraak.agreement.BootstrapSampler.Plan;
import nl.samenspraak.agreement.BootstrapSampler.Pool;
import nl.samenspraak.agreement.KrippendorffAlpha.Parts;

/**
 * The plan that {@link BootstrapSampler} draws from, built from the pair counts or straight from the units:
 * each distinct positive difference delta^2 with its share of the coincidence matrix (Krippendorff 2011),
 * p = sum of o_ck / n.. over the cells c-k with that difference. A pair of values within a unit of m
 * values adds 1/(m - 1) to o_ck and to o_kc, so p = 2 sum_m count_m / (m - 1) / n.., from the number of
 * such pairs per unit size m. Pairs of equal values (difference 0) take the rest.
 */
final class BootstrapPools {
    private BootstrapPools() {}

    /** Above this many distinct differences the multinomial draw gets too slow; the bootstrap then says so. */
    static final int MAX_KINDS = 10_000;

    static Plan fromCounts(PairCounts t, Difference delta, Parts parts) {
        Map<Double, long[]> kinds = new TreeMap<>();
        for (int m = 2; m <= t.coders; m++) {
            if (t.pairs[m] == null) continue;
            for (int c = 0; c < t.q; c++) {
                for (int k = c + 1; k < t.q; k++) {
                    long count = t.pairs[m][c * t.q + k];
                    double d = delta.between(c, k);
                    if (count > 0 && d > 0) kinds.computeIfAbsent(d, x -> new long[t.coders + 1])[m] += count;
                }
            }
        }
        return plan(t.units, kinds, parts);
    }

    /** The same from the units, for many distinct values; null when they differ in more than {@link #MAX_KINDS} ways. */
    static Plan direct(ReliabilityData data, Difference delta, Parts parts) {
        Map<Double, long[]> kinds = new TreeMap<>();
        int coders = data.coderCount();
        long[] units = new long[coders + 1];
        int[] values = new int[coders];
        int[][] codes = data.codes();
        for (int u = 0; u < data.unitCount(); u++) {
            int m = 0;
            for (int[] coder : codes) if (coder[u] >= 0) values[m++] = coder[u];
            units[m]++;
            for (int a = 0; a < m; a++) {
                for (int b = a + 1; b < m; b++) {
                    double d = delta.between(values[a], values[b]);
                    if (d > 0) kinds.computeIfAbsent(d, x -> new long[coders + 1])[m]++;
                }
            }
            if (kinds.size() > MAX_KINDS) return null;
        }
        return plan(units, kinds, parts);
    }

    /** M = sum_m units_m m (m - 1) / 2 draws, each weighing 1/(M D_e), from the kinds with their coincidence shares. */
    private static Plan plan(long[] units, Map<Double, long[]> kinds, Parts parts) {
        long draws = 0;
        for (int m = 2; m < units.length; m++) draws += units[m] * m * (m - 1) / 2;
        double[] delta = new double[kinds.size()];
        double[] probability = new double[kinds.size()];
        int i = 0;
        for (Map.Entry<Double, long[]> kind : kinds.entrySet()) {
            double coincidences = 0;
            for (int m = 2; m < units.length; m++) coincidences += kind.getValue()[m] / (m - 1.0);
            delta[i] = kind.getKey();
            probability[i++] = 2 * coincidences / parts.n();
        }
        return new Plan(draws, 1 / (draws * parts.expected()), new Pool(delta, probability));
    }
}
