package nl.samenspraak.agreement;

import nl.samenspraak.agreement.Icc.MeanSquares;

/** The six Shrout &amp; Fleiss forms and their intervals, one method per form; formulas in {@link Icc}. */
final class IccForms {
    private IccForms() {}

    static final String ALL_EQUAL = "the denominator is 0 (all values are equal), so the ICC is undefined";
    /**
     * A denominator whose terms cancel to within this share of their sizes is 0 for these data: the mean
     * squares carry relative rounding errors of up to about N eps (below 1e-9 for a few million values),
     * and an ICC over such a remainder would be that noise scaled by 1e9 or more.
     */
    static final double CANCELLED = 1e-9;
    static final String NO_INTERVAL = "the F-based interval is undefined for these mean squares";

    static IccResult compute(Coefficient form, MeanSquares ms) {
        return switch (form) {
            case ICC_1_1, ICC_1_K -> oneWay(form, ms);
            case ICC_3_1, ICC_3_K -> consistency(form, ms);
            default -> absolute(form, ms);
        };
    }

    /** ICC(1,1) and ICC(1,k): F = BMS/WMS on (n-1, n(k-1)) df. */
    static IccResult oneWay(Coefficient form, MeanSquares ms) {
        int n = ms.n();
        int k = ms.k();
        boolean single = form == Coefficient.ICC_1_1;
        double value = single ? ratio(ms.bms() - ms.wms(), ms.bms() + (k - 1) * ms.wms()) : ratio(ms.bms() - ms.wms(), ms.bms());
        double f = ms.bms() / ms.wms();
        double df1 = n - 1;
        double df2 = n * (k - 1.0);
        double fl = f / Icc.fQuantile(df1, df2);
        double fu = f * Icc.fQuantile(df2, df1);
        double lower = single ? (fl - 1) / (fl + k - 1) : 1 - 1 / fl;
        double upper = single ? (fu - 1) / (fu + k - 1) : 1 - 1 / fu;
        return result(form, ms, value, lower, upper, f, df1, df2);
    }

    /** ICC(3,1) and ICC(3,k): F = BMS/EMS on (n-1, (n-1)(k-1)) df. */
    static IccResult consistency(Coefficient form, MeanSquares ms) {
        int n = ms.n();
        int k = ms.k();
        boolean single = form == Coefficient.ICC_3_1;
        double value = single ? ratio(ms.bms() - ms.ems(), ms.bms() + (k - 1) * ms.ems()) : ratio(ms.bms() - ms.ems(), ms.bms());
        double f = ms.bms() / ms.ems();
        double df1 = n - 1;
        double df2 = (n - 1.0) * (k - 1);
        double fl = f / Icc.fQuantile(df1, df2);
        double fu = f * Icc.fQuantile(df2, df1);
        double lower = single ? (fl - 1) / (fl + k - 1) : 1 - 1 / fl;
        double upper = single ? (fu - 1) / (fu + k - 1) : 1 - 1 / fu;
        return result(form, ms, value, lower, upper, f, df1, df2);
    }

    /** ICC(2,1) and ICC(2,k): interval with Satterthwaite's df v (McGraw &amp; Wong 1996, table 7). */
    static IccResult absolute(Coefficient form, MeanSquares ms) {
        int n = ms.n();
        int k = ms.k();
        double icc2 = ratio(ms.bms() - ms.ems(), ms.bms() + (k - 1) * ms.ems() + k * (ms.jms() - ms.ems()) / n,
                ms.bms() + (k - 1) * ms.ems() + k * (ms.jms() + ms.ems()) / n);
        double value = form == Coefficient.ICC_2_1 ? icc2
                : ratio(ms.bms() - ms.ems(), ms.bms() + (ms.jms() - ms.ems()) / n, ms.bms() + (ms.jms() + ms.ems()) / n);
        double fj = ms.jms() / ms.ems();
        double a = k * icc2 * fj + n * (1 + (k - 1) * icc2) - k * icc2;
        double vn = (k - 1) * (n - 1.0) * a * a;
        double b = n * (1 + (k - 1) * icc2) - k * icc2;
        double vd = (n - 1.0) * k * k * icc2 * icc2 * fj * fj + b * b;
        double v = vn / vd;
        double fu = Icc.fQuantile(n - 1, v);
        double fl = Icc.fQuantile(v, n - 1);
        double common = k * ms.jms() + (k * n - k - n) * ms.ems();
        double lower = n * (ms.bms() - fu * ms.ems()) / (fu * common + n * ms.bms());
        double upper = n * (fl * ms.bms() - ms.ems()) / (common + n * fl * ms.bms());
        if (form == Coefficient.ICC_2_K) {
            lower = lower * k / (1 + lower * (k - 1));
            upper = upper * k / (1 + upper * (k - 1));
        }
        return result(form, ms, value, lower, upper, ms.bms() / ms.ems(), n - 1, (n - 1.0) * (k - 1));
    }

    /** A ratio whose denominator is a sum of non-negative terms: undefined only when it is 0. */
    private static double ratio(double numerator, double denominator) {
        return ratio(numerator, denominator, denominator);
    }

    /** numerator / denominator, or NaN when the denominator is 0 up to {@link #CANCELLED} of {@code size}, the sum of its terms' sizes. */
    private static double ratio(double numerator, double denominator, double size) {
        return Math.abs(denominator) <= CANCELLED * size ? Double.NaN : numerator / denominator;
    }

    private static IccResult result(Coefficient form, MeanSquares ms, double value, double lower, double upper, double f, double df1, double df2) {
        if (!Double.isFinite(value)) return Icc.undefined(form, zeroDenominator(form, ms));
        return new IccResult(form, Estimate.of(value), bound(lower), bound(upper), f, df1, df2);
    }

    /** Why a form's denominator is 0, naming it (the mean squares are exact where they are 0: {@link AnovaSums}). */
    static String zeroDenominator(Coefficient form, MeanSquares ms) {
        if (ms.bms() == 0 && ms.wms() == 0) return ALL_EQUAL;
        String denominator = switch (form) {
            case ICC_1_1 -> "BMS + (k-1) WMS";
            case ICC_2_1 -> "BMS + (k-1) EMS + k (JMS - EMS) / n";
            case ICC_3_1 -> "BMS + (k-1) EMS";
            case ICC_2_K -> "BMS + (JMS - EMS) / n";
            default -> "BMS";
        };
        return "the denominator " + denominator + " is 0" + (ms.bms() == 0 ? " (every unit has the same mean)" : "")
                + ", so the ICC is undefined";
    }

    private static Estimate bound(double v) {
        return Double.isFinite(v) ? Estimate.of(v) : Estimate.undefined(NO_INTERVAL);
    }
}
