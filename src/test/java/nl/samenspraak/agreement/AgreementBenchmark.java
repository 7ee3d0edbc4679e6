package nl.samenspraak.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.dkpro.statistics.agreement.coding.CodingAnnotationStudy;
import org.dkpro.statistics.agreement.coding.KrippendorffAlphaAgreement;
import org.dkpro.statistics.agreement.distance.NominalDistanceFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Speed of the engine, run only with {@code mvn -B -Pbench test -Dtest=AgreementBenchmark}; figures
 * are printed, not asserted (only correctness against DKPro is). Matrices: 1,000,000 units x 3 coders,
 * 5 nominal categories, 5% missing values, coders agreeing with a true category 70% of the time, fixed seed.
 */
@Tag("bench")
class AgreementBenchmark {

    static final int UNITS = 1_000_000;
    static final int CODERS = 3;
    static final int CATEGORIES = 5;
    static final double MISSING = 0.05;
    static final long SEED = 20_070_101L;
    static final int BOOTSTRAP = 1000;
    static final int WARMUP = 3;
    static final int RUNS = 7;
    static final int DKPRO_RUNS = 3;
    /** Same arithmetic in a different order. */
    static final double SAME_ARITHMETIC = 1e-9;

    @Test
    void full_reliability_and_alpha_against_dkpro() {
        ReliabilityData data = matrix();
        AgreementOptions options = AgreementOptions.of(Level.NOMINAL).withBootstrap(BOOTSTRAP, 1);

        double full = median(WARMUP, RUNS, () -> Reliability.compute(data, options).estimate(Coefficient.KRIPPENDORFF_ALPHA).value());
        AgreementResult result = Reliability.compute(data, options);
        double ours = median(WARMUP, RUNS, () -> Reliability.alpha(data, Level.NOMINAL).value());

        long buildStart = System.nanoTime();
        CodingAnnotationStudy study = dkproStudy(data);
        double build = (System.nanoTime() - buildStart) / 1e6;
        double[] dkproAlpha = new double[1];
        double dkpro = median(1, DKPRO_RUNS,
                () -> dkproAlpha[0] = new KrippendorffAlphaAgreement(study, new NominalDistanceFunction()).calculateAgreement());

        double alpha = Reliability.alpha(data, Level.NOMINAL).value();
        assertThat(alpha).isCloseTo(dkproAlpha[0], within(SAME_ARITHMETIC));
        assertThat(result.estimate(Coefficient.KRIPPENDORFF_ALPHA).value()).isEqualTo(alpha);
        print(result, full, ours, dkpro, build, alpha, dkproAlpha[0]);
    }

    private static void print(AgreementResult result, double full, double ours, double dkpro, double build, double alpha, double dkproAlpha) {
        System.out.printf("%n=== AgreementBenchmark: %,d units x %d coders, %d categories, %.0f%% missing, nominal ===%n",
                UNITS, CODERS, CATEGORIES, MISSING * 100);
        System.out.printf("full reliability (all coefficients, per category, confusion, %d-sample bootstrap): median %.0f ms of %d runs%n",
                BOOTSTRAP, full, RUNS);
        System.out.printf("  alpha %.6f, 95%% CI [%.6f, %.6f], P(alpha < .667) %.3f, P(alpha < .800) %.3f%n", alpha,
                result.bootstrap().low(), result.bootstrap().high(),
                result.bootstrap().probabilityBelow().get(0.667), result.bootstrap().probabilityBelow().get(0.8));
        System.out.printf("Krippendorff's alpha alone: ours median %.1f ms of %d runs; DKPro 2.2.1 median %.0f ms of %d runs"
                + " (study built in %.0f ms, not counted); speed-up %.0fx%n", ours, RUNS, dkpro, DKPRO_RUNS, build, dkpro / ours);
        System.out.printf("  ours %.12f, DKPro %.12f, difference %.1e%n", alpha, dkproAlpha, Math.abs(alpha - dkproAlpha));
        System.out.printf("available processors %d, max heap %d MB%n%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
    }

    static ReliabilityData matrix() {
        SplittableRandom random = new SplittableRandom(SEED);
        int[][] codes = new int[CODERS][UNITS];
        for (int u = 0; u < UNITS; u++) {
            int truth = random.nextInt(CATEGORIES);
            for (int j = 0; j < CODERS; j++) {
                codes[j][u] = random.nextDouble() < MISSING ? ReliabilityData.MISSING
                        : random.nextDouble() < 0.7 ? truth : random.nextInt(CATEGORIES);
            }
        }
        List<String> categories = List.of("a", "b", "c", "d", "e");
        return ReliabilityData.ofCodes(List.of("c1", "c2", "c3"), categories, codes);
    }

    private static CodingAnnotationStudy dkproStudy(ReliabilityData data) {
        CodingAnnotationStudy study = new CodingAnnotationStudy(data.coderCount());
        Object[] labels = data.categories().toArray();
        for (int u = 0; u < data.unitCount(); u++) {
            Object[] unit = new Object[data.coderCount()];
            for (int j = 0; j < unit.length; j++) {
                int c = data.codes()[j][u];
                unit[j] = c < 0 ? null : labels[c];
            }
            study.addItemAsArray(unit);
        }
        return study;
    }

    /** Median wall time in ms of {@code runs} timed calls after {@code warmup} untimed ones. */
    private static double median(int warmup, int runs, DoubleSupplier work) {
        double sink = 0;
        for (int i = 0; i < warmup; i++) sink += work.getAsDouble();
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            sink += work.getAsDouble();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        if (Double.isNaN(sink)) System.out.println("(a run gave NaN)");
        Arrays.sort(ms);
        return ms[runs / 2];
    }
}
