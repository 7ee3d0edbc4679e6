package nl.samenspraak.agreement;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.BinomialDistribution;

/** Exact binomial draws by inversion of commons-math's binomial distribution, from a {@link SplittableRandom}. */
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
            total += new BinomialDistribution(null, n, p).inverseCumulativeProbability(random.nextDouble());
        }
        return total;
    }
}
