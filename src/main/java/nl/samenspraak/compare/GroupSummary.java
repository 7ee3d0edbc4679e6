package nl.samenspraak.compare;

/**
 * One group's values of one measure: {@code n} sessions with a value, {@code missing} without one,
 * the mean (null when n = 0) and the sample standard deviation with divisor n - 1 (null when n &lt; 2).
 */
public record GroupSummary(int n, int missing, Double mean, Double sd) {

    static GroupSummary of(double[] values, int missing) {
        int n = values.length;
        if (n == 0) return new GroupSummary(0, missing, null, null);
        double mean = 0;
        for (double v : values) mean += v;
        mean /= n;
        if (n < 2) return new GroupSummary(n, missing, mean, null);
        double ss = 0;
        for (double v : values) ss += (v - mean) * (v - mean);
        return new GroupSummary(n, missing, mean, Math.sqrt(ss / (n - 1)));
    }

    /** The sample variance s^2; only when {@link #sd} is defined. */
    double variance() { return sd * sd; }
}
