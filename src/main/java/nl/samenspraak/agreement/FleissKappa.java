package nl.samenspraak.agreement;

/**
 * Fleiss' kappa (Fleiss 1971, "Measuring nominal scale agreement among many raters", Psychological
 * Bulletin 76:378-382) over the N units coded by every one of the n coders, with n_ij the number of
 * coders who put unit i in category j:
 * P-bar = (sum_i sum_j n_ij^2 - N n) / (N n (n - 1)), p_j = sum_i n_ij / (N n), P-bar_e = sum_j p_j^2,
 * kappa = (P-bar - P-bar_e) / (1 - P-bar_e); and per category (his eq. 9)
 * kappa_j = 1 - sum_i n_ij (n - n_ij) / (N n (n - 1) p_j q_j), q_j = 1 - p_j.
 * <p>Policies: fewer than two coders; no unit coded by every coder; P-bar_e = 1 (one category only);
 * per category, p_j = 0 (never used) or p_j = 1 (used for everything).
 */
final class FleissKappa {
    private FleissKappa() {}

    static final String NO_COMPLETE_UNITS = "no unit was coded by every coder";

    static String unsupported(PairCounts t) {
        if (t.coders < 2) return "kappa needs at least two coders; the data has " + t.coders;
        if (t.units[t.coders] == 0) return NO_COMPLETE_UNITS;
        return null;
    }

    static Estimate of(PairCounts t) {
        String why = unsupported(t);
        if (why != null) return Estimate.undefined(why);
        int n = t.coders;
        double units = t.units[n];
        long[] pairs = t.pairs[n];
        long[] values = t.values[n];
        double agreeing = 0;
        double pe = 0;
        for (int j = 0; j < t.q; j++) {
            agreeing += pairs[j * t.q + j];
            double p = values[j] / (units * n);
            pe += p * p;
        }
        double pBar = agreeing / (units * n * (n - 1));
        if (pe >= 1 - 1e-12) return Estimate.undefined(CohenKappa.ONE_CATEGORY);
        return Estimate.of((pBar - pe) / (1 - pe));
    }

    /** kappa_j of category j against all others. */
    static Estimate ofCategory(PairCounts t, int j) {
        String why = unsupported(t);
        if (why != null) return Estimate.undefined(why);
        int n = t.coders;
        double units = t.units[n];
        double total = t.values[n][j];
        double p = total / (units * n);
        if (p == 0) return Estimate.undefined("the category was not used in the units coded by every coder");
        if (p == 1) return Estimate.undefined("the category was used for every value, so there is nothing to tell it from");
        // sum_i n_ij (n - n_ij) = (n - 1) sum_i n_ij - sum_i n_ij (n_ij - 1)
        double disagreement = (n - 1) * total - t.pairs[n][j * t.q + j];
        return Estimate.of(1 - disagreement / (units * n * (n - 1) * p * (1 - p)));
    }
}
