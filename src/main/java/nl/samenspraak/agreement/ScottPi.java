package nl.samenspraak.agreement;

/**
 * Scott's pi for two coders over the units both coded (Scott 1955, "Reliability of content analysis:
 * the case of nominal scale coding"): pi = (p_o - p_e) / (1 - p_e), p_e = sum_c ((r_c + s_c) / 2N)^2,
 * chance agreement from the pooled distribution of both coders.
 * <p>Policies: no unit coded by both coders; p_e = 1 when only one category was used.
 */
final class ScottPi {
    private ScottPi() {}

    static Estimate of(ConfusionMatrix table) {
        double n = table.total();
        if (n == 0) return Estimate.undefined(CohenKappa.NO_COMMON_UNITS);
        long[] r = table.rowTotals();
        long[] s = table.columnTotals();
        double po = 0;
        double pe = 0;
        for (int c = 0; c < r.length; c++) {
            po += table.counts()[c][c];
            double p = (r[c] + s[c]) / (2 * n);
            pe += p * p;
        }
        po /= n;
        if (pe >= 1 - 1e-12) return Estimate.undefined("only one category was used, so chance agreement is 1 and pi is undefined");
        return Estimate.of((po - pe) / (1 - pe));
    }
}
