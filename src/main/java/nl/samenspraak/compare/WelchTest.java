package nl.samenspraak.compare;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Welch's unequal-variances t-test for two independent groups, with the difference of means, its
 * confidence interval, and Cohen's d.
 * <p>Welch, B. L. (1947). The generalization of "Student's" problem when several different population
 * variances are involved. Biometrika 34, 28-35; Satterthwaite, F. E. (1946). An approximate
 * distribution of estimates of variance components. Biometrics Bulletin 2, 110-114:
 * <pre>
 *   se = sqrt(s_A^2/n_A + s_B^2/n_B),   t = (m_A - m_B) / se,
 *   df = se^4 / ( (s_A^2/n_A)^2/(n_A-1) + (s_B^2/n_B)^2/(n_B-1) )
 * </pre>
 * p from Student's t distribution with df degrees of freedom (not rounded): two-sided 2 P(T &gt; |t|),
 * greater P(T &gt; t), less P(T &lt; t). The 95% interval is (m_A - m_B) &plusmn; t_{0.975,df} se, or the one-sided
 * bound with t_{0.95,df}, as R's {@code t.test(var.equal = FALSE)}.
 * <p>Effect size: Cohen's d with the pooled SD (Cohen 1988, Statistical Power Analysis for the Behavioral
 * Sciences, 2nd ed., eq. 2.5.2 with s pooled over both groups): d = (m_A - m_B) / s_p,
 * s_p = sqrt(((n_A-1)s_A^2 + (n_B-1)s_B^2) / (n_A+n_B-2)). Hedges' g removes d's small-sample bias:
 * g = J d with J = 1 - 3/(4m - 1), m = n_A+n_B-2 (Hedges 1981, J. Educational Statistics 6, 107-128: the
 * approximation to the exact Gamma(m/2) / (sqrt(m/2) Gamma((m-1)/2)), within 0.0001 from m = 18; it is what
 * R's effectsize::hedges_g and most software report, so our g matches theirs).
 * <p>Policies: a group with fewer than 2 values has no SD, so no test and no d (means and n still
 * reported); both groups with zero variance give se = 0, so no t, df or p; a pooled SD of 0 gives no d.
 */
public final class WelchTest {
    private WelchTest() {}

    static final double CONFIDENCE = 0.95;

    /** Compares two groups; null or non-finite entries are missing values and counted as such. */
    public static WelchResult compare(Double[] groupA, Double[] groupB, Alternative alternative) {
        GroupSummary a = summary(groupA);
        GroupSummary b = summary(groupB);
        Double difference = a.mean() != null && b.mean() != null ? a.mean() - b.mean() : null;
        String small = tooSmall(a, "A") != null ? tooSmall(a, "A") : tooSmall(b, "B");
        if (small != null) return new WelchResult(a, b, alternative, difference, null, null, null, null, null, small, null, null, small);
        double d = difference;
        double qa = a.variance() / a.n();
        double qb = b.variance() / b.n();
        double se = Math.sqrt(qa + qb);
        Double[] effect = effect(a, b, d);
        String effectReason = effect[0] == null ? "both groups have the same value in every session, so the pooled SD is 0 and d is undefined" : null;
        if (se == 0) {
            return new WelchResult(a, b, alternative, d, null, null, null, null, null,
                    "both groups have zero variance (every session has the same value within its group), so t is undefined",
                    effect[0], effect[1], effectReason);
        }
        double t = d / se;
        double df = (qa + qb) * (qa + qb) / (qa * qa / (a.n() - 1) + qb * qb / (b.n() - 1));
        TDistribution dist = new TDistribution(null, df);
        double p = switch (alternative) {
            case TWO_SIDED -> 2 * dist.cumulativeProbability(-Math.abs(t));
            case GREATER -> dist.cumulativeProbability(-t);
            case LESS -> dist.cumulativeProbability(t);
        };
        Double lower = null;
        Double upper = null;
        switch (alternative) {
            case TWO_SIDED -> {
                double q = dist.inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
                lower = d - q * se;
                upper = d + q * se;
            }
            case GREATER -> lower = d - dist.inverseCumulativeProbability(CONFIDENCE) * se;
            case LESS -> upper = d + dist.inverseCumulativeProbability(CONFIDENCE) * se;
        }
        return new WelchResult(a, b, alternative, d, lower, upper, t, df, Math.min(1, p), null, effect[0], effect[1], effectReason);
    }

    /** Cohen's d with the pooled SD and Hedges' g; both null when the pooled SD is 0. */
    static Double[] effect(GroupSummary a, GroupSummary b, double difference) {
        int m = a.n() + b.n() - 2;
        double pooled = Math.sqrt(((a.n() - 1) * a.variance() + (b.n() - 1) * b.variance()) / m);
        if (pooled == 0) return new Double[] {null, null};
        double d = difference / pooled;
        return new Double[] {d, d * hedgesJ(m)};
    }

    /** Hedges' small-sample correction J(m), the usual approximation. */
    static double hedgesJ(int m) {
        return 1 - 3.0 / (4.0 * m - 1);
    }

    private static String tooSmall(GroupSummary g, String name) {
        if (g.n() >= 2) return null;
        return "group " + name + " has " + g.n() + (g.n() == 1 ? " session" : " sessions") + " with a value; a t-test needs at least 2 per group";
    }

    private static GroupSummary summary(Double[] values) {
        int missing = 0;
        double[] present = new double[values.length];
        int n = 0;
        for (Double v : values) {
            if (v == null || !Double.isFinite(v)) missing++;
            else present[n++] = v;
        }
        return GroupSummary.of(java.util.Arrays.copyOf(present, n), missing);
    }
}
