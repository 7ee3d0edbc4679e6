package nl.samenspraak.agreement;

import java.util.List;

/**
 * Light's kappa (Light 1971, "Measures of response agreement for qualitative data"; R irr's
 * {@code kappam.light}): the mean of Cohen's kappa over every pair of coders.
 * <p>Each pair uses the units both of its coders coded (irr drops units with any missing value
 * listwise; with complete data the two are equal). Policy: undefined with fewer than two coders, or
 * when the kappa of any pair is undefined, naming that pair.
 */
final class LightKappa {
    private LightKappa() {}

    static Estimate of(List<ConfusionMatrix> pairs, int coders) {
        if (coders < 2) return Estimate.undefined("kappa needs at least two coders; the data has " + coders);
        double sum = 0;
        for (ConfusionMatrix pair : pairs) {
            Estimate kappa = CohenKappa.of(pair);
            if (!kappa.defined()) {
                return Estimate.undefined("kappa of " + pair.coderA() + " and " + pair.coderB() + " is undefined: " + kappa.reason());
            }
            sum += kappa.value();
        }
        return Estimate.of(sum / pairs.size());
    }
}
