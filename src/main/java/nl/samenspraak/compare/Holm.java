package nl.samenspraak.compare;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Holm's step-down adjustment of p-values for a family of tests (Holm, S. 1979. A simple sequentially
 * rejective multiple test procedure. Scandinavian Journal of Statistics 6, 65-70), as R's
 * {@code p.adjust(method = "holm")}: sort the m p-values ascending, p_(i) becomes
 * max_{j &le; i} min(1, (m - j + 1) p_(j)). Null entries (tests that could not be done) are left out of
 * the family and stay null.
 */
public final class Holm {
    private Holm() {}

    public static Double[] adjust(Double[] p) {
        Integer[] order = java.util.stream.IntStream.range(0, p.length).filter(i -> p[i] != null).boxed()
                .sorted(Comparator.comparingDouble(i -> p[i])).toArray(Integer[]::new);
        Double[] out = new Double[p.length];
        int m = order.length;
        double running = 0;
        for (int j = 0; j < m; j++) {
            running = Math.max(running, Math.min(1, (m - j) * p[order[j]]));
            out[order[j]] = running;
        }
        return out;
    }

    static Double[] of(double... p) {
        return adjust(Arrays.stream(p).boxed().toArray(Double[]::new));
    }
}
