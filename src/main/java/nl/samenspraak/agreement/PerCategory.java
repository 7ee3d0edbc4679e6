package nl.samenspraak.agreement;

import java.util.ArrayList;
import java.util.List;

/**
 * Per-category reliability of category c against all others:
 * <ul>
 *   <li>specific agreement (Fleiss 1975; Uebersax's proportion of specific agreement, generalised to
 *       many coders and missing values): of all pairs of values within units that include a c, the share
 *       whose other value is also c: sum_u n_uc (n_uc - 1) / sum_u n_uc (m_u - 1); for two coders
 *       2a / (2a + b + c);</li>
 *   <li>kappa: Fleiss' kappa_j (see {@link FleissKappa#ofCategory});</li>
 *   <li>alpha: nominal alpha of the data binarised into c and not-c, from the coincidences:
 *       alpha_c = 1 - (n.. - 1) o_c,not-c / (n_c (n.. - n_c)).</li>
 * </ul>
 * Policies: agreement is undefined when c never shares a unit with another value; alpha when c was
 * used for no pairable value or for all of them.
 */
final class PerCategory {
    private PerCategory() {}

    static List<PerCategoryResult> of(PairCounts t, ReliabilityData data) {
        List<PerCategoryResult> results = new ArrayList<>(t.q);
        double[][] o = t.coincidences();
        long[] marginals = t.marginals();
        long n = t.pairableValues();
        for (int c = 0; c < t.q; c++) {
            results.add(new PerCategoryResult(data.categories().get(c),
                    specificAgreement(t, c), FleissKappa.ofCategory(t, c), binaryAlpha(o, marginals, n, c)));
        }
        return results;
    }

    static Estimate specificAgreement(PairCounts t, int c) {
        double same = 0;
        double all = 0;
        for (int m = 2; m <= t.coders; m++) {
            if (t.pairs[m] == null) continue;
            for (int k = 0; k < t.q; k++) all += t.pairs[m][c * t.q + k];
            same += t.pairs[m][c * t.q + c];
        }
        if (all == 0) return Estimate.undefined("the category never shares a unit with another value");
        return Estimate.of(same / all);
    }

    static Estimate binaryAlpha(double[][] o, long[] marginals, long n, int c) {
        if (n == 0) return Estimate.undefined(PercentAgreement.NO_PAIRS);
        double nc = marginals[c];
        if (nc == 0) return Estimate.undefined("the category was not used in any unit with two or more values");
        if (nc == n) return Estimate.undefined("the category was used for every pairable value, so alpha is undefined");
        double disagreeing = nc - o[c][c];
        return Estimate.of(1 - (n - 1) * disagreeing / (nc * (n - nc)));
    }
}
