package nl.samenspraak.agreement;

/**
 * Percent agreement (irr's {@code agree}, generalised to missing values as in Gwet 2014, Handbook
 * section 2.3): over the units with two or more values, the mean share of agreeing pairs of values
 * within a unit, P_a = (1/n') sum_u sum_c n_uc (n_uc - 1) / (m_u (m_u - 1)).
 * <p>Policy: defined whenever at least one unit has two values, also when only one category was used
 * (then it is 1). Undefined when no unit has two values (nothing to compare).
 * Note that DKPro's PercentageAgreement weights units by their number of values instead; the two agree
 * when every pairable unit has the same number of values.
 */
final class PercentAgreement {
    private PercentAgreement() {}

    static final String NO_PAIRS = "no unit has two or more values, so there is nothing to compare";

    static Estimate of(PairCounts t) {
        long units = t.pairableUnits();
        if (units == 0) return Estimate.undefined(NO_PAIRS);
        double sum = 0;
        for (int m = 2; m <= t.coders; m++) {
            if (t.pairs[m] == null) continue;
            long agreeing = 0;
            for (int c = 0; c < t.q; c++) agreeing += t.pairs[m][c * t.q + c];
            sum += agreeing / ((double) m * (m - 1));
        }
        return Estimate.of(sum / units);
    }
}
