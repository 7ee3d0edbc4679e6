package nl.samenspraak.agreement;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Hayes &amp; Krippendorff's (2007) bootstrap of alpha, as in their KALPHA macro: D_e stays fixed; each
 * bootstrap sample draws, for every one of the M = sum_u m_u (m_u - 1) / 2 within-unit pairs of values,
 * one pair at random (with replacement) from the pool of all M pairs, and counts its difference with the
 * weight of the unit whose slot it fills: alpha* = 1 - sum_draws 2 delta^2 / (n.. D_e (m_u - 1)).
 * <p>The draws are not made one by one: slots with the same m_u share a weight, so the number of draws
 * of each kind of pair in those slots is multinomial over the pool's pair kinds (grouped by their
 * difference), drawn exactly as a chain of binomials by inversion. A sample then costs a few binomial
 * draws instead of M random numbers, and the data is never walked again. Samples run in parallel, each
 * with its own {@link SplittableRandom} split in order from the seed, so results repeat.
 */
final class BootstrapSampler {
    private BootstrapSampler() {}

    /** Slots of one unit size m: how many draws, and their weight 2 / (n.. D_e (m - 1)). */
    record Slots(long count, double weight) {}

    /** The pool: distinct positive differences and the probability of drawing a pair with each. */
    record Pool(double[] delta, double[] probability) {}

    static AlphaBootstrap run(List<Slots> slots, Pool pool, int samples, long seed, List<Double> minima) {
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] randoms = new SplittableRandom[samples];
        for (int i = 0; i < samples; i++) randoms[i] = root.split();
        double[] alphas = new double[samples];
        IntStream.range(0, samples).parallel().forEach(i -> alphas[i] = 1 - draw(slots, pool, randoms[i]));
        Arrays.sort(alphas);
        Map<Double, Double> below = new LinkedHashMap<>();
        for (double min : minima) below.put(min, shareBelow(alphas, min));
        return new AlphaBootstrap(samples, seed, percentile(alphas, 0.025), percentile(alphas, 0.975), below);
    }

    private static double draw(List<Slots> slots, Pool pool, SplittableRandom random) {
        double disagreement = 0;
        for (Slots s : slots) {
            long remaining = s.count();
            double rest = 1;
            for (int t = 0; t < pool.delta().length && remaining > 0; t++) {
                double p = rest <= 0 ? 1 : Math.min(1, pool.probability()[t] / rest);
                long x = Binomial.sample(random, remaining, p);
                disagreement += s.weight() * pool.delta()[t] * x;
                remaining -= x;
                rest -= pool.probability()[t];
            }
        }
        return disagreement;
    }

    /** Nearest-rank percentile on sorted values: the value at rank ceil(p * N). */
    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double shareBelow(double[] sorted, double min) {
        int below = 0;
        while (below < sorted.length && sorted[below] < min) below++;
        return below / (double) sorted.length;
    }
}
