package nl.samenspraak.agreement;

import java.util.Map;

/**
 * Bootstrap distribution of Krippendorff's alpha (Hayes &amp; Krippendorff 2007): the 95% interval (the
 * 2.5th and 97.5th percentiles of the {@code samples} bootstrap alphas) and, per chosen minimum alpha,
 * q = the share of bootstrap alphas below it (the probability of failing to reach that minimum).
 * Seeded, so the same data, samples and seed give the same figures.
 */
public record AlphaBootstrap(int samples, long seed, double low, double high, Map<Double, Double> probabilityBelow) {

    public AlphaBootstrap {
        probabilityBelow = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(probabilityBelow));
    }
}
