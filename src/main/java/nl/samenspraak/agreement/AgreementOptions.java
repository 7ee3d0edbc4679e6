package nl.samenspraak.agreement;

import java.util.List;

/**
 * What to compute: the level of measurement, and the bootstrap of alpha ({@code bootstrapSamples} 0 for
 * none) with its seed and the minimum alphas whose risk of not being reached is reported.
 */
public record AgreementOptions(Level level, int bootstrapSamples, long seed, List<Double> minima) {

    /** Krippendorff's (2004) suggested minimums: .667 for tentative conclusions, .800 for reliable data. */
    public static final List<Double> DEFAULT_MINIMA = List.of(0.667, 0.800);

    public AgreementOptions {
        if (bootstrapSamples < 0) throw new IllegalArgumentException("The number of bootstrap samples cannot be negative.");
        minima = List.copyOf(minima);
    }

    public static AgreementOptions of(Level level) {
        return new AgreementOptions(level, 0, 0, DEFAULT_MINIMA);
    }

    public AgreementOptions withBootstrap(int samples, long seed) {
        return new AgreementOptions(level, samples, seed, minima);
    }
}
