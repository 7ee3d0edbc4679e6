package nl.samenspraak.agreement;

/**
 * Krippendorff's difference functions delta^2_ck between categories c and k (Krippendorff 2011,
 * "Computing Krippendorff's Alpha-Reliability", section C):
 * nominal 0 if c = k else 1; ordinal (sum_{g=c..k} n_g - (n_c + n_k)/2)^2 over the marginal frequencies
 * n_g of the coincidence matrix in the category order; interval (c - k)^2; ratio ((c - k)/(c + k))^2.
 * The ordinal difference equals the squared difference of mid-ranks r_c = sum_{g<c} n_g + n_c/2, which is
 * how it is computed here.
 */
@FunctionalInterface
interface Difference {

    double between(int c, int k);

    /**
     * The difference function for a level; {@code values} are the category numbers (needed at the
     * interval and ratio levels), {@code marginals} the n_c of the pairable values (ordinal level).
     */
    static Difference of(Level level, double[] values, long[] marginals) {
        return switch (level) {
            case NOMINAL -> (c, k) -> c == k ? 0 : 1;
            case ORDINAL -> squared(midRanks(marginals));
            case INTERVAL -> squared(values);
            case RATIO -> (c, k) -> {
                double sum = values[c] + values[k];
                return sum == 0 ? 0 : Math.pow((values[c] - values[k]) / sum, 2);
            };
        };
    }

    /** Positions whose squared differences give the metric, for the levels that have them (not nominal, not ratio). */
    static double[] positions(Level level, double[] values, long[] marginals) {
        return level == Level.ORDINAL ? midRanks(marginals) : level == Level.INTERVAL ? values : null;
    }

    static double[] midRanks(long[] n) {
        double[] r = new double[n.length];
        double below = 0;
        for (int c = 0; c < n.length; c++) {
            r[c] = below + n[c] / 2.0;
            below += n[c];
        }
        return r;
    }

    private static Difference squared(double[] x) {
        return (c, k) -> (x[c] - x[k]) * (x[c] - x[k]);
    }
}
