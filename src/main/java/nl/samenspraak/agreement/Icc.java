package nl.samenspraak.agreement;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.FDistribution;

/**
 * Intraclass correlations of Shrout &amp; Fleiss (1979, "Intraclass correlations: uses in assessing rater
 * reliability", Psychological Bulletin 86:420-428) from the two-way ANOVA of the n units coded by every
 * one of the k coders: BMS (between units), JMS (between coders), EMS (residual), WMS (within units):
 * <ul>
 *   <li>ICC(1,1) = (BMS - WMS) / (BMS + (k-1) WMS), ICC(1,k) = (BMS - WMS) / BMS;</li>
 *   <li>ICC(2,1) = (BMS - EMS) / (BMS + (k-1) EMS + k (JMS - EMS) / n), ICC(2,k) = (BMS - EMS) / (BMS + (JMS - EMS) / n);</li>
 *   <li>ICC(3,1) = (BMS - EMS) / (BMS + (k-1) EMS), ICC(3,k) = (BMS - EMS) / BMS.</li>
 * </ul>
 * 95% intervals from the F distribution (Shrout &amp; Fleiss 1979; McGraw &amp; Wong 1996), exactly as
 * psych::ICC computes them, including Satterthwaite's degrees of freedom for ICC(2,.).
 * <p>Policies: values must all be numbers; at least two coders and two units coded by every coder;
 * a denominator of 0 makes an ICC undefined (all values equal, or e.g. every unit with the same mean).
 * Sums of squares that are 0 for the values as written are exactly 0 here, also for decimals that
 * binary floating point cannot hold ({@link AnovaSums}).
 */
final class Icc {
    private Icc() {}

    static final double ALPHA = 0.05;

    /** Mean squares of the two-way ANOVA without replication. */
    record MeanSquares(int n, int k, double bms, double jms, double ems, double wms) {}

    static String unsupported(ReliabilityData data, Level level) {
        if (level == Level.NOMINAL) return "ICC treats values as quantities, and nominal categories are not";
        if (!data.numeric()) return "ICC needs numbers, and some values are not numbers";
        if (data.coderCount() < 2) return "ICC needs at least two coders; the data has " + data.coderCount();
        return null;
    }

    static List<IccResult> of(ReliabilityData data, Level level) {
        String why = unsupported(data, level);
        MeanSquares ms = why == null ? meanSquares(data) : null;
        if (ms != null && ms.n() < 2) why = "ICC needs at least two units coded by every coder; there are " + ms.n();
        List<IccResult> results = new ArrayList<>(6);
        for (Coefficient form : List.of(Coefficient.ICC_1_1, Coefficient.ICC_2_1, Coefficient.ICC_3_1,
                Coefficient.ICC_1_K, Coefficient.ICC_2_K, Coefficient.ICC_3_K)) {
            results.add(why == null ? IccForms.compute(form, ms) : undefined(form, why));
        }
        return results;
    }

    static IccResult undefined(Coefficient form, String why) {
        Estimate none = Estimate.undefined(why);
        return new IccResult(form, none, none, none, Double.NaN, Double.NaN, Double.NaN);
    }

    static MeanSquares meanSquares(ReliabilityData data) {
        int k = data.coderCount();
        int[] units = completeUnits(data);
        int n = units.length;
        if (n < 2) return new MeanSquares(n, k, 0, 0, 0, 0);
        AnovaSums ss = AnovaSums.of(data, units);
        return new MeanSquares(n, k, ss.rows() / (n - 1), ss.columns() / (k - 1), ss.error() / ((n - 1.0) * (k - 1)),
                (ss.columns() + ss.error()) / (n * (k - 1.0)));
    }

    /** Indexes of the units coded by every coder. */
    static int[] completeUnits(ReliabilityData data) {
        int[] units = new int[data.unitCount()];
        int n = 0;
        for (int u = 0; u < units.length; u++) {
            boolean all = true;
            for (int[] coder : data.codes()) all &= coder[u] >= 0;
            if (all) units[n++] = u;
        }
        return java.util.Arrays.copyOf(units, n);
    }

    /** Upper 1 - alpha/2 quantile of F(df1, df2), or NaN when the degrees of freedom are not usable. */
    static double fQuantile(double df1, double df2) {
        if (!(df1 > 0) || !(df2 > 0) || !Double.isFinite(df1) || !Double.isFinite(df2)) return Double.NaN;
        return new FDistribution(null, df1, df2).inverseCumulativeProbability(1 - ALPHA / 2);
    }
}
