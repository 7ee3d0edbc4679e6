package nl.samenspraak.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The engine's grouped (multinomial) bootstrap against a plain resampler written from Krippendorff's
 * "Algorithm for bootstrapping a distribution of alpha" (2006, revised 2011; Hayes &amp; Krippendorff
 * 2007): the two must give the same distribution of alpha*, centred on alpha also when units have
 * different numbers of values.
 */
class AlphaBootstrapTest {

    static final int SAMPLES = 4000;
    /** Monte Carlo error of a mean or sd of 4000 bootstrap alphas whose sd is about 0.05-0.1 (se under 0.002). */
    static final double MONTE_CARLO = 0.01;
    /**
     * Monte Carlo error between two independent runs of 4000 samples of a 2.5th or 97.5th percentile or of
     * a share below a minimum (se of the difference about 0.005-0.007).
     */
    static final double MONTE_CARLO_TAIL = 0.025;
    /** Complete data: the same draws as before coincidence weighting; the weights are equal up to rounding. */
    static final double ROUNDING = 1e-12;

    /**
     * 27 units, four coders, values 1-5 (ordinal): 14 units coded by all four, who mostly agree; 13 coded by
     * two or three, who agree less. Drawing pairs uniformly over-represents the agreeing 4-value units.
     */
    static final String[] UNEQUAL_UNITS = {
        "1 1 1 1", "2 2 2 2", "3 3 3 3", "4 4 4 4", "5 5 5 5", "2 2 2 3", "3 3 3 3", "4 4 4 5", "1 1 2 1",
        "2 2 2 2", "3 3 4 3", "4 4 4 4", "5 5 5 5", "1 1 1 1",
        "1 3 . .", "2 4 . .", "3 3 . .", "5 4 . .", "4 2 . .", ". 2 4 .", ". . 1 2", "3 . . 5", "2 . 2 .",
        "1 2 3 .", "5 4 . 3", ". 4 4 2", "3 . 2 2"};

    @Test
    void same_seed_gives_the_same_interval_and_risks() {
        AlphaBootstrap a = engine(KrippendorffPublishedExamplesTest.twelveUnitsFourCoders(), Level.NOMINAL, 1000, 42);
        AlphaBootstrap b = engine(KrippendorffPublishedExamplesTest.twelveUnitsFourCoders(), Level.NOMINAL, 1000, 42);
        assertThat(a).isEqualTo(b);
        assertThat(a.low()).isLessThanOrEqualTo(0.743).isLessThan(a.high());
        assertThat(a.probabilityBelow().get(0.667)).isLessThanOrEqualTo(a.probabilityBelow().get(0.8));
    }

    @Test
    void complete_data_gives_the_same_interval_and_risks_as_before_coincidence_weighting() {
        // values printed by the engine before issue 12 (1000 samples, seed 7): with m_u equal for every
        // unit, drawing from the coincidences is drawing uniformly from the pairs
        AlphaBootstrap fleiss = Reliability.compute(Matrices.units(FleissPublishedExampleTest.DIAGNOSES),
                new AgreementOptions(Level.NOMINAL, 1000, 7, List.of(0.4, 0.45))).bootstrap();
        assertThat(fleiss.low()).isCloseTo(0.3767508111102318, within(ROUNDING));
        assertThat(fleiss.high()).isCloseTo(0.490068845453826, within(ROUNDING));
        assertThat(fleiss.probabilityBelow()).containsEntry(0.4, 0.131).containsEntry(0.45, 0.688);
        AlphaBootstrap shrout = Reliability.compute(Matrices.units(ShroutFleissIccTest.TABLE_2),
                new AgreementOptions(Level.INTERVAL, 1000, 7, List.of(0.1, 0.2))).bootstrap();
        assertThat(shrout.low()).isCloseTo(-0.1344019728729966, within(ROUNDING));
        assertThat(shrout.high()).isCloseTo(0.40065762433210006, within(ROUNDING));
        assertThat(shrout.probabilityBelow()).containsEntry(0.1, 0.345).containsEntry(0.2, 0.622);
    }

    @Test
    void grouped_draws_match_krippendorffs_resampling_on_his_twelve_units_nominal_and_interval() {
        ReliabilityData data = KrippendorffPublishedExamplesTest.twelveUnitsFourCoders();
        for (Level level : new Level[] {Level.NOMINAL, Level.INTERVAL}) {
            double[] engine = moments(engineAlphas(data, level));
            double[] reference = moments(referenceAlphas(data, level, 6));
            assertThat(engine[0]).as(level + " mean").isCloseTo(reference[0], within(MONTE_CARLO));
            assertThat(engine[1]).as(level + " sd").isCloseTo(reference[1], within(MONTE_CARLO));
        }
    }

    @Test
    void with_missing_values_the_interval_centres_on_alpha_as_krippendorffs_resampling_does() {
        ReliabilityData data = Matrices.units(UNEQUAL_UNITS);
        double alpha = Reliability.alpha(data, Level.ORDINAL).value();
        assertThat(moments(engineAlphas(data, Level.ORDINAL))[0]).as("mean alpha*").isCloseTo(alpha, within(MONTE_CARLO));
        double[] reference = referenceAlphas(data, Level.ORDINAL, 8);
        Arrays.sort(reference);
        AlphaBootstrap b = engine(data, Level.ORDINAL, SAMPLES, 9);
        assertThat(b.low()).as("2.5th percentile").isCloseTo(BootstrapSampler.percentile(reference, 0.025), within(MONTE_CARLO_TAIL));
        assertThat(b.high()).as("97.5th percentile").isCloseTo(BootstrapSampler.percentile(reference, 0.975), within(MONTE_CARLO_TAIL));
        for (double min : AgreementOptions.DEFAULT_MINIMA) {
            double share = Arrays.stream(reference).filter(a -> a < min).count() / (double) reference.length;
            assertThat(b.probabilityBelow().get(min)).as("P(alpha < " + min + ")").isCloseTo(share, within(MONTE_CARLO_TAIL));
        }
    }

    @Test
    void the_plan_walked_from_the_units_equals_the_plan_from_the_pair_counts() {
        ReliabilityData data = Matrices.units(UNEQUAL_UNITS);
        for (Level level : Level.values()) {
            PairCounts t = PairCounts.of(data);
            KrippendorffAlpha.Parts parts = KrippendorffAlpha.fromCounts(t, data, level);
            Difference delta = Difference.of(level, data.categoryValues(), t.marginals());
            BootstrapSampler.Plan counted = BootstrapPools.fromCounts(t, delta, parts);
            BootstrapSampler.Plan walked = BootstrapPools.direct(data, delta, parts);
            assertThat(walked.draws()).as(level + " draws").isEqualTo(counted.draws()).isEqualTo(14 * 6 + 4 * 3 + 9);
            assertThat(walked.weight()).as(level + " weight").isEqualTo(counted.weight());
            assertThat(walked.pool().delta()).as(level + " differences").containsExactly(counted.pool().delta());
            assertThat(walked.pool().probability()).as(level + " probabilities").containsExactly(counted.pool().probability());
        }
    }

    private static AlphaBootstrap engine(ReliabilityData data, Level level, int samples, long seed) {
        return Reliability.compute(data, AgreementOptions.of(level).withBootstrap(samples, seed)).bootstrap();
    }

    /** The engine's alpha*, one bootstrap sample per seed. */
    private static double[] engineAlphas(ReliabilityData data, Level level) {
        SplittableRandom seeds = new SplittableRandom(5);
        double[] alphas = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) alphas[i] = engine(data, level, 1, seeds.nextLong()).low();
        return alphas;
    }

    /**
     * Krippendorff's algorithm one draw at a time. Every pair of values within a unit enters the
     * coincidence matrix with weight 1/(m_u - 1) (as o_ck and o_kc), so a draw picks a pair with
     * probability proportional to that weight; a sample draws as many pairs as the data has,
     * M = sum_u m_u (m_u - 1) / 2, with replacement, and alpha* = 1 - sum delta^2 / (M D_e), D_e fixed.
     */
    private static double[] referenceAlphas(ReliabilityData data, Level level, long seed) {
        PairCounts t = PairCounts.of(data);
        double expected = KrippendorffAlpha.fromCounts(t, data, level).expected();
        Difference delta = Difference.of(level, data.categoryValues(), t.marginals());
        List<Double> differences = new ArrayList<>();
        List<Double> cumulative = new ArrayList<>();
        double total = 0;
        for (int u = 0; u < data.unitCount(); u++) {
            List<Integer> values = new ArrayList<>();
            for (int[] coder : data.codes()) if (coder[u] >= 0) values.add(coder[u]);
            for (int a = 0; a < values.size(); a++) {
                for (int b = a + 1; b < values.size(); b++) {
                    differences.add(delta.between(values.get(a), values.get(b)));
                    cumulative.add(total += 1.0 / (values.size() - 1));
                }
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] alphas = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            double sum = 0;
            for (int draw = 0; draw < differences.size(); draw++) sum += differences.get(pick(cumulative, random.nextDouble() * total));
            alphas[i] = 1 - sum / (differences.size() * expected);
        }
        return alphas;
    }

    /** The first pair whose cumulative weight exceeds r. */
    private static int pick(List<Double> cumulative, double r) {
        int low = 0;
        int high = cumulative.size() - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative.get(mid) > r) high = mid;
            else low = mid + 1;
        }
        return low;
    }

    private static double[] moments(double[] x) {
        double mean = Arrays.stream(x).average().orElseThrow();
        double var = Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / (x.length - 1);
        return new double[] {mean, Math.sqrt(var)};
    }
}
