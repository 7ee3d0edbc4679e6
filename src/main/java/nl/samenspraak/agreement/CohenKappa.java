package nl.samenspraak.agreement;

/**
 * Cohen's kappa for two coders over the units both coded (Cohen 1960, "A coefficient of agreement for
 * nominal scales"): kappa = (p_o - p_e) / (1 - p_e), p_o = sum_c f_cc / N, p_e = sum_c r_c s_c / N^2 with
 * the row and column totals r, s. Weighted kappa (Cohen 1968, "Weighted kappa"), in its agreement-weight
 * form: kappa_w = (p_o(w) - p_e(w)) / (1 - p_e(w)), p_o(w) = sum w_ck f_ck / N,
 * p_e(w) = sum w_ck r_c s_k / N^2 (as R irr's {@code kappa2} with "equal"/"squared" weights).
 * <p>Policies: no unit coded by both coders; p_e = 1, which happens when both coders used one and the
 * same category only ("chance agreement is 1").
 */
final class CohenKappa {
    private CohenKappa() {}

    static final String NO_COMMON_UNITS = "no unit was coded by both coders";
    static final String ONE_CATEGORY =
            "only one category was used, so chance agreement is 1 and kappa is undefined";

    static Estimate of(ConfusionMatrix table) {
        int q = table.counts().length;
        double[][] identity = new double[q][q];
        for (int c = 0; c < q; c++) identity[c][c] = 1;
        return weighted(table, identity);
    }

    static Estimate weighted(ConfusionMatrix table, double[][] w) {
        double n = table.total();
        if (n == 0) return Estimate.undefined(NO_COMMON_UNITS);
        long[] r = table.rowTotals();
        long[] s = table.columnTotals();
        long[][] f = table.counts();
        double po = 0;
        double pe = 0;
        for (int c = 0; c < f.length; c++) {
            for (int k = 0; k < f.length; k++) {
                po += w[c][k] * f[c][k];
                pe += w[c][k] * r[c] * (double) s[k];
            }
        }
        po /= n;
        pe /= n * n;
        if (pe >= 1 - 1e-12) return Estimate.undefined(ONE_CATEGORY);
        return Estimate.of((po - pe) / (1 - pe));
    }
}
