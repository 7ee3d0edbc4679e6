package nl.samenspraak.agreement;

/**
 * Agreement weights for ordered categories (Cohen 1968; Gwet 2014, Handbook ch. 3 and irrCAC's
 * {@code linear.weights}/{@code quadratic.weights}): with positions x (category values at the interval
 * and ratio levels, ranks 1..q at the ordinal level),
 * linear w_kl = 1 - |x_k - x_l| / (x_max - x_min), quadratic w_kl = 1 - (x_k - x_l)^2 / (x_max - x_min)^2.
 */
public enum Weighting {
    LINEAR, QUADRATIC;

    /** The q x q agreement weights for the given positions; identity when all positions are equal. */
    public double[][] matrix(double[] x) {
        int q = x.length;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double range = max - min;
        double[][] w = new double[q][q];
        for (int k = 0; k < q; k++) {
            for (int l = 0; l < q; l++) {
                double d = range == 0 ? (k == l ? 0 : 1) : Math.abs(x[k] - x[l]) / range;
                w[k][l] = this == LINEAR ? 1 - d : 1 - d * d;
            }
        }
        return w;
    }

    /** Positions of the categories for weighting at the given level: values if numeric and level is interval/ratio, else ranks. */
    static double[] positions(ReliabilityData data, Level level) {
        int q = data.categoryCount();
        double[] x = new double[q];
        for (int c = 0; c < q; c++) {
            x[c] = level.numeric() && data.numeric() ? data.categoryValues()[c] : c + 1;
        }
        return x;
    }

    public String key() {
        return this == LINEAR ? "linear" : "quadratic";
    }
}
