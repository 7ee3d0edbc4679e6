package nl.samenspraak.agreement;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Krippendorff's bootstrap of alpha ("Algorithm for bootstrapping a distribution of alpha", 2006, revised
 * 2011; Hayes &amp; Krippendorff 2007 and their KALPHA macro): D_e stays fixed; each bootstrap sample draws
 * M pairs of values with replacement from the coincidence matrix, a pair within a unit of m_u values with
 * probability proportional to its coincidence weight 1/(m_u - 1), and alpha* = 1 - sum_draws delta^2 / (M D_e),
 * so alpha* averages to alpha also when units have different numbers of values.
 * <p>M is the number of pairs in the data, sum_u m_u (m_u - 1) / 2, the same as KALPHA's (m - 1) n.. / 2
 * for complete data. KALPHA also caps M at 25 times the number of non-empty coincidence cells (a limit on
 * the macro's running time, which would widen the interval of large data) and clamps alpha* at -1; neither
 * is done here.
 * <p>The draws are not made one by one: the number of draws of each kind of pair (grouped by difference) is
 * multinomial, drawn exactly as a chain of binomials by inversion. A sample then costs a few binomial draws
 * instead of M random numbers, and the data is never walked again. Samples run in parallel, each with its
 * own {@link SplittableRandom} split in order from the seed, so results repeat.
 */
final class BootstrapSampler {
    private BootstrapSampler() {}

    /** What a sample draws: {@code draws} pairs from the pool, each weighing {@code weight} = 1 / (M D_e). */
    record Plan(long draws, double weight, Pool pool) {}

    /** The pool: distinct positive differences and the probability of drawing a pair with each. */
    record Pool(double[] delta, double[] probability) {}

    static AlphaBootstrap run(Plan plan, int samples, long seed, List<Double> minima) {
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] randoms = new SplittableRandom[samples];
        for (int i = 0; i < samples; i++) randoms[i] = root.split();
        double[] alphas = new double[samples];
        IntStream.range(0, samples).parallel().forEach(i -> alphas[i] = 1 - draw(plan, randoms[i]));
        Arrays.sort(alphas);
        Map<Double, Double> below = new LinkedHashMap<>();
        for (double min : minima) below.put(min, shareBelow(alphas, min));
        return new AlphaBootstrap(samples, seed, percentile(alphas, 0.025), percentile(alphas, 0.975), below);
    }

    /** D_o* / D_e of one sample: the multinomial counts x_t of each difference, as binomials of the draws left. */
    private static double draw(Plan plan, SplittableRandom random) {
        Pool pool = plan.pool();
        long remaining = plan.draws();
        double rest = 1;
        double disagreement = 0;
        for (int t = 0; t < pool.delta().length && remaining > 0; t++) {
            double p = rest <= 0 ? 1 : Math.min(1, pool.probability()[t] / rest);
            long x = Binomial.sample(random, remaining, p);
            disagreement += pool.delta()[t] * x;
            remaining -= x;
            rest -= pool.probability()[t];
        }
        return plan.weight() * disagreement;
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
