package nl.samenspraak.agreement;

/**
 * Gwet's AC1 (nominal) and AC2 (weighted) for any number of raters with missing ratings (Gwet 2014,
 * Handbook of Inter-Rater Reliability, 4th ed., ch. 4 "multiple raters"; irrCAC's {@code gwet.ac1.raw}):
 * with r_ik raters who put unit i in category k, r_i = sum_k r_ik, r*_ik = sum_l w_kl r_il,
 * <ul>
 *   <li>p_a = (1/n') sum_{i: r_i &gt;= 2} sum_k r_ik (r*_ik - 1) / (r_i (r_i - 1)), n' units with r_i &gt;= 2;</li>
 *   <li>pi_k = (1/n) sum_i r_ik / r_i over the n units with at least one rating;</li>
 *   <li>p_e = T_w / (q (q - 1)) sum_k pi_k (1 - pi_k), T_w = sum_kl w_kl; AC = (p_a - p_e) / (1 - p_e).</li>
 * </ul>
 * AC1 uses identity weights. q is the size of the category table (observed categories, plus those named
 * in the order).
 * <p>Policies: no unit with two ratings; fewer than two categories (irrCAC then sets p_e to 1e-15; here
 * the coefficient is undefined, since with one category there is no chance model).
 */
final class GwetAgreement {
    private GwetAgreement() {}

    static Estimate of(PairCounts t, double[][] w) {
        if (t.pairableUnits() == 0) return Estimate.undefined(PercentAgreement.NO_PAIRS);
        if (t.q < 2) {
            return Estimate.undefined("only one category exists, so Gwet's chance agreement (which needs q >= 2 categories) is undefined");
        }
        double pa = agreement(t, w) / t.pairableUnits();
        double pe = chance(t, w);
        if (pe >= 1 - 1e-12) return Estimate.undefined("chance agreement is 1, so the coefficient is undefined");
        return Estimate.of((pa - pe) / (1 - pe));
    }

    private static double agreement(PairCounts t, double[][] w) {
        int q = t.q;
        double sum = 0;
        for (int m = 2; m <= t.coders; m++) {
            if (t.pairs[m] == null) continue;
            double weighted = 0;
            for (int c = 0; c < q; c++) {
                for (int k = 0; k < q; k++) weighted += w[c][k] * t.pairs[m][c * q + k];
            }
            sum += weighted / ((double) m * (m - 1));
        }
        return sum;
    }

    private static double chance(PairCounts t, double[][] w) {
        int q = t.q;
        double[] pi = new double[q];
        long rated = 0;
        for (int m = 1; m <= t.coders; m++) {
            if (t.values[m] == null) continue;
            rated += t.units[m];
            for (int k = 0; k < q; k++) pi[k] += t.values[m][k] / (double) m;
        }
        double tw = 0;
        for (double[] row : w) for (double v : row) tw += v;
        double spread = 0;
        for (int k = 0; k < q; k++) {
            double p = pi[k] / rated;
            spread += p * (1 - p);
        }
        return tw / (q * (q - 1.0)) * spread;
    }
}
