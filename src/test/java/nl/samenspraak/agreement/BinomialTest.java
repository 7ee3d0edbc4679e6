package nl.samenspraak.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;

/**
 * {@link Binomial#inverse} finds its x from a normal approximation instead of commons-math's bisection between Chebyshev
 * bounds; both search the same CDF, so each draw must be the very number commons-math's
 * {@code inverseCumulativeProbability} gives (the bootstrap's intervals stay what they were for a seed).
 */
class BinomialTest {

    private static void sameAsCommonsMath(int n, double p, double u) {
        int expected = new BinomialDistribution(null, n, p).inverseCumulativeProbability(u);
        assertThat(Binomial.inverse(n, p, u)).as("n=%d p=%s u=%s", n, p, u).isEqualTo(expected);
    }

    @Test
    void every_draw_is_the_one_commons_math_inverts_to_from_small_to_a_bootstraps_millions_of_trials() {
        SplittableRandom random = new SplittableRandom(2026);
        int[] sizes = {1, 2, 3, 5, 10, 40, 100, 1_000, 25_000, 400_000, 3_000_000, 90_000_000};
        for (int n : sizes) {
            for (int i = 0; i < (n > 1_000_000 ? 60 : 300); i++) {
                double p = switch (i % 5) {
                    case 0 -> random.nextDouble();
                    case 1 -> random.nextDouble() * 1e-3;
                    case 2 -> 1 - random.nextDouble() * 1e-3;
                    case 3 -> 0.25;
                    default -> Math.pow(10, -random.nextDouble() * 9);
                };
                if (p <= 0 || p >= 1) continue;
                sameAsCommonsMath(n, p, random.nextDouble());
            }
        }
    }

    @Test
    void the_tails_and_the_ends_of_the_support() {
        for (int n : new int[] {1, 7, 1_000, 3_000_000}) {
            for (double p : new double[] {1e-9, 0.001, 0.5, 0.999, 1 - 1e-9}) {
                for (double u : new double[] {0, Double.MIN_VALUE, 1e-300, 1e-12, 0.001, 0.5, 0.999, 1 - 1e-12, Math.nextDown(1.0)}) {
                    sameAsCommonsMath(n, p, u);
                }
            }
        }
        // a draw with u = 0 is the lowest value, as commons-math answers for probability 0
        assertThat(Binomial.inverse(10, 0.5, 0)).isZero();
    }

    @Test
    void draws_of_more_trials_than_one_inversion_takes_sum_binomials_of_the_same_p() {
        SplittableRandom a = new SplittableRandom(5), b = new SplittableRandom(5);
        long trials = (1L << 30) + 12_345;
        long drawn = Binomial.sample(a, trials, 0.3);
        long expected = new BinomialDistribution(null, 1 << 30, 0.3).inverseCumulativeProbability(b.nextDouble())
                + new BinomialDistribution(null, 12_345, 0.3).inverseCumulativeProbability(b.nextDouble());
        assertThat(drawn).isEqualTo(expected);
        assertThat(Binomial.sample(a, 50, 0)).isZero();
        assertThat(Binomial.sample(a, 50, 1)).isEqualTo(50);
    }
}
