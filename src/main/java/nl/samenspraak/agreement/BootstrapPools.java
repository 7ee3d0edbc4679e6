package nl.samenspraak.agreement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.samenspraak.agreement.BootstrapSampler.Pool;
import nl.samenspraak.agreement.BootstrapSampler.Slots;
import nl.samenspraak.agreement.KrippendorffAlpha.Parts;

/** The slots and the pair pool that {@link BootstrapSampler} draws from, from the pair counts or straight from the units. */
final class BootstrapPools {
    private BootstrapPools() {}

    /** Above this many distinct differences the multinomial draw gets too slow; the bootstrap then says so. */
    static final int MAX_KINDS = 10_000;

    record Plan(List<Slots> slots, Pool pool) {}

    static Plan fromCounts(PairCounts t, Difference delta, Parts parts) {
        Map<Double, Long> kinds = new TreeMap<>();
        for (int m = 2; m <= t.coders; m++) {
            if (t.pairs[m] == null) continue;
            for (int c = 0; c < t.q; c++) {
                for (int k = c + 1; k < t.q; k++) {
                    long count = t.pairs[m][c * t.q + k];
                    double d = delta.between(c, k);
                    if (count > 0 && d > 0) kinds.merge(d, count, Long::sum);
                }
            }
        }
        return plan(t.units, kinds, parts);
    }

    static Plan direct(ReliabilityData data, Difference delta, Parts parts) {
        Map<Double, Long> kinds = new TreeMap<>();
        long[] units = new long[data.coderCount() + 1];
        int[][] codes = data.codes();
        for (int u = 0; u < data.unitCount(); u++) {
            int m = 0;
            for (int a = 0; a < codes.length; a++) {
                if (codes[a][u] < 0) continue;
                m++;
                for (int b = a + 1; b < codes.length; b++) {
                    double d = codes[b][u] < 0 ? 0 : delta.between(codes[a][u], codes[b][u]);
                    if (d > 0) kinds.merge(d, 1L, Long::sum);
                }
            }
            units[m]++;
        }
        return kinds.size() > MAX_KINDS ? null : plan(units, kinds, parts);
    }

    private static Plan plan(long[] units, Map<Double, Long> kinds, Parts parts) {
        List<Slots> slots = new ArrayList<>();
        long pairs = 0;
        for (int m = 2; m < units.length; m++) {
            if (units[m] == 0) continue;
            long count = units[m] * m * (m - 1) / 2;
            pairs += count;
            slots.add(new Slots(count, 2 / (parts.n() * parts.expected() * (m - 1))));
        }
        double[] delta = new double[kinds.size()];
        double[] probability = new double[kinds.size()];
        int i = 0;
        for (Map.Entry<Double, Long> kind : kinds.entrySet()) {
            delta[i] = kind.getKey();
            probability[i++] = kind.getValue() / (double) pairs;
        }
        return new Plan(slots, new Pool(delta, probability));
    }
}
