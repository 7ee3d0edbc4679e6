package nl.samenspraak.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The grouped (multinomial) bootstrap against a plain one-draw-per-pair implementation of Hayes &amp;
 * Krippendorff's (2007) algorithm: the two must give the same distribution of alpha*.
 */
class AlphaBootstrapTest {

    static final int SAMPLES = 4000;
    /** Monte Carlo error of a mean or sd of 4000 bootstrap alphas whose sd is about 0.05-0.1. */
    static final double MONTE_CARLO = 0.01;

    @Test
    void same_seed_gives_the_same_interval_and_risks() {
        AlphaBootstrap a = bootstrap(Level.NOMINAL, 1000, 42);
        AlphaBootstrap b = bootstrap(Level.NOMINAL, 1000, 42);
        assertThat(a).isEqualTo(b);
        assertThat(a.low()).isLessThanOrEqualTo(0.743).isLessThan(a.high());
        assertThat(a.probabilityBelow().get(0.667)).isLessThanOrEqualTo(a.probabilityBelow().get(0.8));
    }

    @Test
    void grouped_draws_match_one_by_one_draws_of_hayes_and_krippendorff_nominal_and_interval() {
        for (Level level : new Level[] {Level.NOMINAL, Level.INTERVAL}) {
            double[] fast = moments(fastAlphas(level));
            double[] plain = moments(plainAlphas(level));
            assertThat(fast[0]).as(level + " mean").isCloseTo(plain[0], within(MONTE_CARLO));
            assertThat(fast[1]).as(level + " sd").isCloseTo(plain[1], within(MONTE_CARLO));
        }
    }

    private static AlphaBootstrap bootstrap(Level level, int samples, long seed) {
        return Reliability.compute(KrippendorffPublishedExamplesTest.twelveUnitsFourCoders(),
                AgreementOptions.of(level).withBootstrap(samples, seed)).bootstrap();
    }

    private static double[] fastAlphas(Level level) {
        ReliabilityData data = KrippendorffPublishedExamplesTest.twelveUnitsFourCoders();
        PairCounts t = PairCounts.of(data);
        KrippendorffAlpha.Parts parts = KrippendorffAlpha.fromCounts(t, data, level);
        Difference delta = Difference.of(level, data.categoryValues(), t.marginals());
        BootstrapPools.Plan plan = BootstrapPools.fromCounts(t, delta, parts);
        double[] alphas = new double[SAMPLES];
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < SAMPLES; i++) {
            AlphaBootstrap one = BootstrapSampler.run(plan.slots(), plan.pool(), 1, random.nextLong(), java.util.List.of());
            alphas[i] = one.low();
        }
        return alphas;
    }

    /** The KALPHA macro's loop: for every unit and each of its pairs, draw one pair from the pool of all pairs. */
    private static double[] plainAlphas(Level level) {
        ReliabilityData data = KrippendorffPublishedExamplesTest.twelveUnitsFourCoders();
        PairCounts t = PairCounts.of(data);
        KrippendorffAlpha.Parts parts = KrippendorffAlpha.fromCounts(t, data, level);
        Difference delta = Difference.of(level, data.categoryValues(), t.marginals());
        java.util.List<Double> pool = new java.util.ArrayList<>();
        java.util.List<Integer> unitSizes = new java.util.ArrayList<>();
        int[][] codes = data.codes();
        for (int u = 0; u < data.unitCount(); u++) {
            java.util.List<Integer> values = new java.util.ArrayList<>();
            for (int[] coder : codes) if (coder[u] >= 0) values.add(coder[u]);
            if (values.size() < 2) continue;
            unitSizes.add(values.size());
            for (int a = 0; a < values.size(); a++) {
                for (int b = a + 1; b < values.size(); b++) pool.add(delta.between(values.get(a), values.get(b)));
            }
        }
        double[] alphas = new double[SAMPLES];
        SplittableRandom random = new SplittableRandom(6);
        for (int i = 0; i < SAMPLES; i++) {
            double sum = 0;
            for (int m : unitSizes) {
                for (int p = 0; p < m * (m - 1) / 2; p++) {
                    sum += 2 * pool.get(random.nextInt(pool.size())) / (parts.n() * parts.expected() * (m - 1));
                }
            }
            alphas[i] = 1 - sum;
        }
        return alphas;
    }

    private static double[] moments(double[] x) {
        double mean = java.util.Arrays.stream(x).average().orElseThrow();
        double var = java.util.Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / (x.length - 1);
        return new double[] {mean, Math.sqrt(var)};
    }
}
