package nl.samenspraak.agreement;

/**
 * Krippendorff's alpha for any number of coders, missing values allowed (Krippendorff 2011,
 * "Computing Krippendorff's Alpha-Reliability"; Hayes &amp; Krippendorff 2007):
 * alpha = 1 - D_o / D_e with D_o = (1/n..) sum_c sum_k o_ck delta^2_ck and
 * D_e = 1/(n..(n.. - 1)) sum_c sum_k n_c n_k delta^2_ck, over the coincidence matrix o_ck of the pairable
 * values (units with m_u &lt; 2 values are not pairable) and its marginals n_c.
 * <p>Policies (a reason, never NaN): fewer than two coders; no pairable unit; a non-number at the
 * interval or ratio level; a negative value at the ratio level; D_e = 0, i.e. all pairable values are
 * equal ("only one value was used ...").
 */
final class KrippendorffAlpha {
    private KrippendorffAlpha() {}

    static final String ONE_VALUE =
            "only one value was used, so the expected disagreement is 0 and alpha is undefined";
    /** Above this many distinct values the ratio metric's O(V^2) expected disagreement is not computed. */
    static final int MAX_RATIO_VALUES = 20_000;

    /** D_o, D_e and n.. of one alpha. */
    record Parts(long n, double observed, double expected) {
        Estimate alpha() {
            if (n == 0) return Estimate.undefined(PercentAgreement.NO_PAIRS);
            if (Double.isNaN(expected)) {
                return Estimate.undefined("there are more than " + MAX_RATIO_VALUES
                        + " distinct values, too many for the ratio metric; use the interval level or round the values");
            }
            if (expected <= 0) return Estimate.undefined(ONE_VALUE);
            return Estimate.of(1 - observed / expected);
        }
    }

    /** Why alpha cannot be computed at this level for these data, or null when it can. */
    static String unsupported(ReliabilityData data, Level level) {
        if (data.coderCount() < 2) return "alpha needs at least two coders; the data has " + data.coderCount();
        if (level.numeric() && !data.numeric()) {
            return "the " + level.key() + " level needs numbers, and some values are not numbers";
        }
        if (level == Level.RATIO) {
            for (double v : data.categoryValues()) {
                if (v < 0) return "the ratio level needs values of 0 or more, and " + v + " is negative";
            }
        }
        return null;
    }

    /** Alpha from the pair counts (the coincidence matrix); for small category tables. */
    static Parts fromCounts(PairCounts t, ReliabilityData data, Level level) {
        long n = t.pairableValues();
        if (n == 0) return new Parts(0, 0, 0);
        long[] marginals = t.marginals();
        Difference delta = Difference.of(level, data.categoryValues(), marginals);
        double[][] o = t.coincidences();
        double observed = 0;
        double expected = 0;
        for (int c = 0; c < t.q; c++) {
            for (int k = 0; k < t.q; k++) {
                double d = delta.between(c, k);
                observed += o[c][k] * d;
                expected += (double) marginals[c] * marginals[k] * d;
            }
        }
        return new Parts(n, observed / n, expected / ((double) n * (n - 1)));
    }

    /**
     * Alpha straight from the units, for many distinct values (near-continuous data), where a q x q
     * coincidence matrix would not fit: D_o unit by unit, D_e in closed form from the marginals
     * (2 sum_c n_c (x_c - mean)^2 / (n.. - 1) for the squared-difference metrics; nominal
     * (n..^2 - sum n_c^2) / (n..(n.. - 1)); ratio pair by pair over the distinct values).
     */
    static Parts direct(ReliabilityData data, Level level) {
        long[] marginals = directMarginals(data);
        long n = 0;
        for (long v : marginals) n += v;
        if (n == 0) return new Parts(0, 0, 0);
        Difference delta = Difference.of(level, data.categoryValues(), marginals);
        return new Parts(n, directObserved(data, delta) / n, directExpected(level, data, marginals, delta, n));
    }

    static long[] directMarginals(ReliabilityData data) {
        long[] n = new long[data.categoryCount()];
        int[][] codes = data.codes();
        for (int u = 0; u < data.unitCount(); u++) {
            int m = 0;
            for (int[] coder : codes) if (coder[u] >= 0) m++;
            if (m < 2) continue;
            for (int[] coder : codes) if (coder[u] >= 0) n[coder[u]]++;
        }
        return n;
    }

    private static double directObserved(ReliabilityData data, Difference delta) {
        int[][] codes = data.codes();
        double sum = 0;
        for (int u = 0; u < data.unitCount(); u++) {
            int m = 0;
            double unitSum = 0;
            for (int a = 0; a < codes.length; a++) {
                if (codes[a][u] < 0) continue;
                m++;
                for (int b = a + 1; b < codes.length; b++) {
                    if (codes[b][u] >= 0) unitSum += 2 * delta.between(codes[a][u], codes[b][u]);
                }
            }
            if (m >= 2) sum += unitSum / (m - 1);
        }
        return sum;
    }

    private static double directExpected(Level level, ReliabilityData data, long[] n, Difference delta, long total) {
        if (level == Level.NOMINAL) {
            double same = 0;
            for (long v : n) same += (double) v * v;
            return ((double) total * total - same) / ((double) total * (total - 1));
        }
        double[] x = Difference.positions(level, data.categoryValues(), n);
        if (x != null) {
            double mean = 0;
            for (int c = 0; c < n.length; c++) mean += n[c] * x[c];
            mean /= total;
            double ss = 0;
            for (int c = 0; c < n.length; c++) ss += n[c] * (x[c] - mean) * (x[c] - mean);
            return 2 * ss / (total - 1);
        }
        return ratioExpected(n, delta, total);
    }

    private static double ratioExpected(long[] n, Difference delta, long total) {
        int[] used = java.util.stream.IntStream.range(0, n.length).filter(c -> n[c] > 0).toArray();
        if (used.length > MAX_RATIO_VALUES) return Double.NaN;
        double sum = 0;
        for (int c : used) for (int k : used) sum += (double) n[c] * n[k] * delta.between(c, k);
        return sum / ((double) total * (total - 1));
    }
}
