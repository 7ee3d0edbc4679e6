package nl.samenspraak.agreement;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.special.Erf;

/**
 * Exact binomial draws by inversion of commons-math's binomial distribution, from a {@link SplittableRandom}.
 * <p>The draw is the smallest x with F(x) &ge; u for a uniform u, F being commons-math's binomial CDF: the number
 * {@code BinomialDistribution.inverseCumulativeProbability(u)} gives. That method brackets x by Chebyshev's inequality
 * and halves the bracket: 11 evaluations of F per draw for a bootstrap's 3 million trials, each a continued fraction of
 * hundreds of steps. Here the search starts from the normal approximation (Cornish-Fisher, with continuity correction),
 * which for such n is within a step or two of x, so that two or three evaluations of the same F find the same x (4,000
 * draws of 3 million trials with p = 0.25: 200 ms by commons-math's search, 41 ms by this one, the same draws).
 */
final class Binomial {
    private Binomial() {}

    /** Trials per inversion; a sum of independent binomials with one p is binomial, so larger n is split. */
    private static final int CHUNK = 1 << 30;

    static long sample(SplittableRandom random, long trials, double p) {
        if (p <= 0 || trials == 0) return 0;
        if (p >= 1) return trials;
        long total = 0;
        for (long left = trials; left > 0; left -= CHUNK) {
            int n = (int) Math.min(left, CHUNK);
            total += inverse(n, p, random.nextDouble());
        }
        return total;
    }

    /**
     * The smallest x in [0, n] with F(x) &ge; u, F the CDF of commons-math's {@code BinomialDistribution(n, p)}, for 0 &lt; p &lt; 1
     * and 0 &le; u &lt; 1: what that distribution's {@code inverseCumulativeProbability(u)} returns (BinomialTest holds it to that).
     */
    static int inverse(int n, double p, double u) {
        if (u <= 0) return 0;
        BinomialDistribution f = new BinomialDistribution(null, n, p);
        double z = Math.sqrt(2) * Erf.erfInv(2 * u - 1);
        double guess = n * p + Math.sqrt(n * p * (1 - p)) * z + (1 - 2 * p) * (z * z - 1) / 6 - 0.5;
        int x = (int) Math.max(0, Math.min(n, Math.ceil(guess)));
        // lo and hi bracket the answer: F(lo) < u <= F(hi), with F(-1) = 0 and F(n) = 1 known without evaluating.
        int lo, hi;
        if (x < n && f.cumulativeProbability(x) < u) {
            lo = x;
            hi = x + 1;
            for (int step = 1; hi < n && f.cumulativeProbability(hi) < u; step *= 2) {
                lo = hi;
                hi = (int) Math.min(n, (long) lo + step * 2L);
            }
        } else {
            hi = x;
            lo = x - 1;
            for (int step = 1; lo >= 0 && f.cumulativeProbability(lo) >= u; step *= 2) {
                hi = lo;
                lo = (int) Math.max(-1, (long) hi - step * 2L);
            }
        }
        while (lo + 1 < hi) {
            int mid = (int) (((long) lo + hi) >>> 1);
            if (f.cumulativeProbability(mid) >= u) hi = mid;
            else lo = mid;
        }
        return hi;
    }
}
