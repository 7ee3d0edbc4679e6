package nl.samenspraak.compare;

import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Welch's t-test, Cohen's d and Hedges' g against R's printed results for Student's (Cushny and Peebles')
 * {@code sleep} data, and t and p against commons-math3's independent implementation on random samples.
 */
class WelchPublishedExampleTest {
    /** R prints t, p and the interval with 5 significant digits or more; half a unit in the last place. */
    static final double R_T_PRECISION = 0.00005;
    static final double R_DF_PRECISION = 0.0005;
    static final double R_P_PRECISION = 0.000005;
    static final double R_CI_PRECISION = 5e-8;
    /** effectsize prints seven significant digits. */
    static final double EFFECTSIZE_PRECISION = 5e-8;
    /** Two double-precision implementations of the same formulas; p goes through different incomplete-beta code. */
    static final double IMPLEMENTATION_AGREEMENT = 1e-9;

    /** R's datasets::sleep, extra hours of sleep with drug 1 (group 1) and drug 2 (group 2), 10 patients each. */
    static final Double[] SLEEP_1 = {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0};
    static final Double[] SLEEP_2 = {1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};

    /**
     * R, {@code t.test(extra ~ group, data = sleep)}, the example of R's own t.test help page:
     * "Welch Two Sample t-test: t = -1.8608, df = 17.776, p-value = 0.07939; 95 percent confidence interval
     * -3.3654832 0.2054832; mean in group 1 0.75, mean in group 2 2.33".
     */
    @Test
    void r_sleep_welch_t_is_minus_1_8608_on_17_776_df_p_0_07939() {
        WelchResult r = WelchTest.compare(SLEEP_1, SLEEP_2, Alternative.TWO_SIDED);
        assertThat(r.reason()).isNull();
        assertThat(r.a().mean()).isCloseTo(0.75, within(1e-12));
        assertThat(r.b().mean()).isCloseTo(2.33, within(1e-12));
        assertThat(r.difference()).isCloseTo(-1.58, within(1e-12));
        assertThat(r.t()).isCloseTo(-1.8608, within(R_T_PRECISION));
        assertThat(r.df()).isCloseTo(17.776, within(R_DF_PRECISION));
        assertThat(r.p()).isCloseTo(0.07939, within(R_P_PRECISION));
        assertThat(r.ciLower()).isCloseTo(-3.3654832, within(R_CI_PRECISION));
        assertThat(r.ciUpper()).isCloseTo(0.2054832, within(R_CI_PRECISION));
    }

    /** R, {@code t.test(extra ~ group, data = sleep, alternative = "less")}: p = 0.0397, half the two-sided p. */
    @Test
    void r_sleep_one_sided_less_p_is_half_the_two_sided_and_the_interval_is_open_below() {
        WelchResult less = WelchTest.compare(SLEEP_1, SLEEP_2, Alternative.LESS);
        assertThat(less.p()).isCloseTo(0.0397, within(0.00005));
        assertThat(less.ciLower()).isNull();
        assertThat(less.ciUpper()).isCloseTo(-1.58 + 1.7347 * 1.58 / 1.8608, within(0.0005)); // d + t(.95; 17.776) se
        assertThat(less.ciUpper()).isNegative(); // p < .05 one-sided, so the bound excludes 0
        WelchResult greater = WelchTest.compare(SLEEP_1, SLEEP_2, Alternative.GREATER);
        assertThat(greater.p()).isCloseTo(1 - less.p(), within(1e-12));
        assertThat(greater.ciUpper()).isNull();
    }

    /** R effectsize: {@code cohens_d(group1, group2)} = -0.8321811, {@code hedges_g(group1, group2)} = -0.7970185. */
    @Test
    void r_effectsize_sleep_cohens_d_is_minus_0_8321811_and_hedges_g_minus_0_7970185() {
        WelchResult r = WelchTest.compare(SLEEP_1, SLEEP_2, Alternative.TWO_SIDED);
        assertThat(r.cohenD()).isCloseTo(-0.8321811, within(EFFECTSIZE_PRECISION));
        assertThat(r.hedgesG()).isCloseTo(-0.7970185, within(EFFECTSIZE_PRECISION));
    }

    @Test
    void t_and_p_agree_with_commons_math_on_a_thousand_random_samples() {
        Random random = new Random(20240606);
        TTest reference = new TTest();
        for (int k = 0; k < 1000; k++) {
            double[] a = sample(random, 2 + random.nextInt(30), random.nextGaussian() * 3, 0.1 + random.nextDouble() * 5);
            double[] b = sample(random, 2 + random.nextInt(30), random.nextGaussian() * 3, 0.1 + random.nextDouble() * 5);
            WelchResult r = WelchTest.compare(boxed(a), boxed(b), Alternative.TWO_SIDED);
            assertThat(r.t()).as("sample " + k).isCloseTo(reference.t(a, b), within(IMPLEMENTATION_AGREEMENT * Math.max(1, Math.abs(r.t()))));
            assertThat(r.p()).as("sample " + k).isCloseTo(reference.tTest(a, b), within(IMPLEMENTATION_AGREEMENT));
            WelchResult greater = WelchTest.compare(boxed(a), boxed(b), Alternative.GREATER);
            double oneSided = reference.tTest(a, b) / 2;
            assertThat(greater.p()).as("sample " + k).isCloseTo(r.t() > 0 ? oneSided : 1 - oneSided, within(IMPLEMENTATION_AGREEMENT));
        }
    }

    @Test
    void a_group_of_one_gives_means_but_no_test_and_says_why() {
        WelchResult r = WelchTest.compare(new Double[] {3.0}, new Double[] {1.0, 2.0, null}, Alternative.TWO_SIDED);
        assertThat(r.a().n()).isEqualTo(1);
        assertThat(r.b().missing()).isEqualTo(1);
        assertThat(r.difference()).isEqualTo(1.5);
        assertThat(r.t()).isNull();
        assertThat(r.p()).isNull();
        assertThat(r.cohenD()).isNull();
        assertThat(r.reason()).contains("group A has 1 session");
    }

    @Test
    void zero_variance_in_both_groups_gives_no_t_and_says_why() {
        WelchResult r = WelchTest.compare(new Double[] {2.0, 2.0}, new Double[] {3.0, 3.0, 3.0}, Alternative.TWO_SIDED);
        assertThat(r.difference()).isEqualTo(-1.0);
        assertThat(r.t()).isNull();
        assertThat(r.df()).isNull();
        assertThat(r.reason()).contains("zero variance");
        assertThat(r.effectReason()).contains("pooled SD is 0");
    }

    @Test
    void zero_variance_in_one_group_is_fine_and_df_is_the_other_groups_n_minus_1() {
        WelchResult r = WelchTest.compare(new Double[] {2.0, 2.0, 2.0}, new Double[] {1.0, 2.0, 4.0, 5.0}, Alternative.TWO_SIDED);
        assertThat(r.reason()).isNull();
        assertThat(r.df()).isCloseTo(3.0, within(1e-12));
    }

    /** Holm (1979) by hand: p = .01 .02 .03 .04 .05 (m = 5) become .05 .08 .09 .09 .09, as R's p.adjust(p, "holm"). */
    @Test
    void holm_adjusts_five_p_values_like_p_adjust_and_skips_missing_ones() {
        assertThat(Holm.of(0.01, 0.02, 0.03, 0.04, 0.05)).containsExactly(0.05, 0.08, 0.09, 0.09, 0.09);
        Double[] withGap = Holm.adjust(new Double[] {0.04, null, 0.01});
        assertThat(withGap[0]).isCloseTo(0.04, within(1e-15));
        assertThat(withGap[1]).isNull();
        assertThat(withGap[2]).isCloseTo(0.02, within(1e-15));
    }

    private static double[] sample(Random random, int n, double mean, double sd) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = mean + sd * random.nextGaussian();
        return x;
    }

    private static Double[] boxed(double[] x) {
        return Arrays.stream(x).boxed().toArray(Double[]::new);
    }
}
