package nl.samenspraak.agreement;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.samenspraak.agreement.KrippendorffAlpha.Parts;

/**
 * The reliability engine: every coefficient of a reliability-data matrix in one call. Pure: records in,
 * records out; no I/O.
 * <p>Which coefficients apply (the rest come back undefined with a reason):
 * <ul>
 *   <li>every level: percent agreement, Fleiss' kappa, Light's kappa, AC1, alpha (with the level's
 *       difference function), per category figures; with exactly two coders also Cohen's kappa and Scott's pi;</li>
 *   <li>ordinal, interval, ratio: AC2 and (two coders) weighted kappa, linear and quadratic;</li>
 *   <li>ordinal, interval, ratio with all values numbers: the six ICCs.</li>
 * </ul>
 * Above {@link #MAX_CATEGORIES} distinct values (near-continuous numbers) the category-based figures are
 * not computed; alpha is then computed unit by unit and ICC as always.
 */
public final class Reliability {

    /** Largest category table for the category-based coefficients (q x q tables per unit size and coder pair). */
    public static final int MAX_CATEGORIES = 200;

    private static final List<Coefficient> CATEGORICAL = List.of(Coefficient.PERCENT_AGREEMENT, Coefficient.COHEN_KAPPA,
            Coefficient.SCOTT_PI, Coefficient.FLEISS_KAPPA, Coefficient.LIGHT_KAPPA, Coefficient.GWET_AC1,
            Coefficient.GWET_AC2_LINEAR, Coefficient.GWET_AC2_QUADRATIC, Coefficient.WEIGHTED_KAPPA_LINEAR,
            Coefficient.WEIGHTED_KAPPA_QUADRATIC);

    private final ReliabilityData data;
    private final AgreementOptions options;
    private final Level level;
    private final Map<Coefficient, Estimate> estimates = new EnumMap<>(Coefficient.class);
    private final Map<String, String> notes = new LinkedHashMap<>();
    private final PairCounts counts;

    private Reliability(ReliabilityData data, AgreementOptions options) {
        this.data = data;
        this.options = options;
        this.level = options.level();
        this.counts = data.categoryCount() <= MAX_CATEGORIES ? PairCounts.of(data) : null;
    }

    public static AgreementResult compute(ReliabilityData data, AgreementOptions options) {
        return new Reliability(data, options).result();
    }

    /** Krippendorff's alpha alone (same value as in {@link #compute}), without the other coefficients. */
    public static Estimate alpha(ReliabilityData data, Level level) {
        String why = KrippendorffAlpha.unsupported(data, level);
        if (why != null) return Estimate.undefined(why);
        return data.categoryCount() <= MAX_CATEGORIES
                ? KrippendorffAlpha.fromCounts(PairCounts.of(data, false), data, level).alpha()
                : KrippendorffAlpha.direct(data, level).alpha();
    }

    private AgreementResult result() {
        List<ConfusionMatrix> confusion = counts == null ? List.of() : confusionMatrices();
        if (counts == null) {
            String many = "there are " + data.categoryCount() + " distinct values, more than " + MAX_CATEGORIES
                    + ", so category-based coefficients are not computed; see krippendorff_alpha and the ICCs";
            CATEGORICAL.forEach(c -> estimates.put(c, Estimate.undefined(many)));
            notes.put("per_category", many);
        } else {
            categorical(confusion);
        }
        AlphaBootstrap bootstrap = alphaAndBootstrap();
        List<IccResult> icc = Icc.of(data, level);
        icc.forEach(r -> estimates.put(r.form(), r.value()));
        return new AgreementResult(level, data.unitCount(), data.coderCount(),
                counts == null ? java.util.Arrays.stream(KrippendorffAlpha.directMarginals(data)).sum() : counts.pairableValues(),
                data.categories(), estimates, icc, bootstrap,
                counts == null ? List.of() : PerCategory.of(counts, data),
                counts == null ? null : new CoincidenceMatrix(data.categories(), counts.coincidences()),
                confusion, notes);
    }

    private List<ConfusionMatrix> confusionMatrices() {
        List<ConfusionMatrix> tables = new ArrayList<>();
        for (int a = 0; a < data.coderCount(); a++) {
            for (int b = a + 1; b < data.coderCount(); b++) tables.add(ConfusionMatrix.of(counts, data, a, b));
        }
        return tables;
    }

    private void categorical(List<ConfusionMatrix> confusion) {
        estimates.put(Coefficient.PERCENT_AGREEMENT, PercentAgreement.of(counts));
        estimates.put(Coefficient.FLEISS_KAPPA, FleissKappa.of(counts));
        estimates.put(Coefficient.LIGHT_KAPPA, LightKappa.of(confusion, data.coderCount()));
        estimates.put(Coefficient.GWET_AC1, GwetAgreement.of(counts, identity(data.categoryCount())));
        double[] positions = Weighting.positions(data, level);
        for (Weighting weighting : Weighting.values()) {
            Coefficient ac2 = weighting == Weighting.LINEAR ? Coefficient.GWET_AC2_LINEAR : Coefficient.GWET_AC2_QUADRATIC;
            Coefficient kw = weighting == Weighting.LINEAR ? Coefficient.WEIGHTED_KAPPA_LINEAR : Coefficient.WEIGHTED_KAPPA_QUADRATIC;
            double[][] w = weighting.matrix(positions);
            estimates.put(ac2, level.ordered() ? GwetAgreement.of(counts, w) : Estimate.undefined(NEEDS_ORDER));
            estimates.put(kw, !level.ordered() ? Estimate.undefined(NEEDS_ORDER)
                    : data.coderCount() != 2 ? Estimate.undefined(twoCoders("weighted kappa"))
                    : CohenKappa.weighted(confusion.get(0), w));
        }
        boolean two = data.coderCount() == 2;
        estimates.put(Coefficient.COHEN_KAPPA, two ? CohenKappa.of(confusion.get(0)) : Estimate.undefined(twoCoders("Cohen's kappa")));
        estimates.put(Coefficient.SCOTT_PI, two ? ScottPi.of(confusion.get(0)) : Estimate.undefined(twoCoders("Scott's pi")));
    }

    static final String NEEDS_ORDER =
            "weights need ordered categories, and nominal categories have none: use the ordinal, interval or ratio level";

    private String twoCoders(String name) {
        return name + " is for two coders and the data has " + data.coderCount()
                + "; see fleiss_kappa, light_kappa and krippendorff_alpha";
    }

    private AlphaBootstrap alphaAndBootstrap() {
        String why = KrippendorffAlpha.unsupported(data, level);
        if (why != null) {
            estimates.put(Coefficient.KRIPPENDORFF_ALPHA, Estimate.undefined(why));
            noteBootstrap(why);
            return null;
        }
        Parts parts = counts != null ? KrippendorffAlpha.fromCounts(counts, data, level) : KrippendorffAlpha.direct(data, level);
        Estimate alpha = parts.alpha();
        estimates.put(Coefficient.KRIPPENDORFF_ALPHA, alpha);
        if (!alpha.defined()) {
            noteBootstrap(alpha.reason());
            return null;
        }
        if (options.bootstrapSamples() == 0) {
            notes.put("alpha_ci95", "no bootstrap was asked for (--bootstrap N --seed S)");
            return null;
        }
        return bootstrap(parts);
    }

    private AlphaBootstrap bootstrap(Parts parts) {
        long[] marginals = counts != null ? counts.marginals() : null;
        Difference delta = Difference.of(level, data.categoryValues(), marginals != null ? marginals : KrippendorffAlpha.directMarginals(data));
        BootstrapSampler.Plan plan = counts != null ? BootstrapPools.fromCounts(counts, delta, parts) : BootstrapPools.direct(data, delta, parts);
        if (plan == null) {
            notes.put("alpha_ci95", "the values differ in more than " + BootstrapPools.MAX_KINDS + " ways, too many to bootstrap; round the values");
            return null;
        }
        return BootstrapSampler.run(plan, options.bootstrapSamples(), options.seed(), options.minima());
    }

    private void noteBootstrap(String alphaReason) {
        notes.put("alpha_ci95", options.bootstrapSamples() == 0
                ? "no bootstrap was asked for (--bootstrap N --seed S)" : "alpha is undefined: " + alphaReason);
    }

    private static double[][] identity(int q) {
        double[][] w = new double[q][q];
        for (int c = 0; c < q; c++) w[c][c] = 1;
        return w;
    }
}
