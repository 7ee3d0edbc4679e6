package nl.samenspraak.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.dkpro.statistics.agreement.unitizing.KrippendorffAlphaUnitizingAgreement;
import org.dkpro.statistics.agreement.unitizing.UnitizingAnnotationStudy;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Speed of alpha for unitizing, run only with {@code mvn -B -Pbench test -Dtest=UnitizingBenchmark};
 * figures are printed, not asserted (only equality with DKPro is). A three-hour recording in
 * milliseconds, 5 coders, 5 categories; per category a true unitizing (units of 0.5 to 10 s, gaps of 1
 * to 60 s) that each coder follows with begins and ends off by up to 0.3 s, missing a tenth of the
 * units; fixed seed.
 */
@Tag("bench")
class UnitizingBenchmark {

    static final long LENGTH = 3 * 3_600_000L;
    static final int CODERS = 5;
    static final int CATEGORIES = 5;
    static final long SEED = 19_950_047L;

    @Test
    void alpha_u_of_a_three_hour_recording_against_dkpro() {
        UnitizingData data = data();
        double[] ours = new double[1];
        double oursMs = median(3, 7, () -> ours[0] = KrippendorffUnitizing.compute(data).alpha().value());
        UnitizingAnnotationStudy study = new UnitizingAnnotationStudy(CODERS, data.begin(), data.length());
        for (UnitizingData.Unit u : data.units()) study.addUnit(u.begin(), u.length(), u.coder(), data.categories().get(u.category()));
        double[] dkpro = new double[1];
        double dkproMs = median(1, 3, () -> dkpro[0] = new KrippendorffAlphaUnitizingAgreement(study).calculateAgreement());
        assertThat(ours[0]).isCloseTo(dkpro[0], within(1e-9));
        System.out.printf("%n=== UnitizingBenchmark: %,d units, %d coders, %d categories, continuum %,d ms ===%n",
                data.units().size(), CODERS, CATEGORIES, LENGTH);
        System.out.printf("alpha_U ours median %.1f ms of 7 runs; DKPro 2.2.1 median %.0f ms of 3 runs; speed-up %.0fx%n",
                oursMs, dkproMs, dkproMs / oursMs);
        System.out.printf("  ours %.12f, DKPro %.12f, difference %.1e; available processors %d%n%n", ours[0], dkpro[0],
                Math.abs(ours[0] - dkpro[0]), Runtime.getRuntime().availableProcessors());
    }

    static UnitizingData data() {
        SplittableRandom random = new SplittableRandom(SEED);
        List<UnitizingData.Unit> units = new ArrayList<>();
        for (int c = 0; c < CATEGORIES; c++) {
            List<long[]> truth = new ArrayList<>();
            for (long at = random.nextLong(60_000); ; ) {
                long l = 500 + random.nextLong(9_500);
                if (at + l > LENGTH) break;
                truth.add(new long[] {at, at + l});
                at += l + 1_000 + random.nextLong(59_000);
            }
            for (int i = 0; i < CODERS; i++) {
                long reached = 0;
                for (long[] t : truth) {
                    if (random.nextDouble() < 0.1) continue;
                    long b = Math.max(reached, t[0] + random.nextLong(601) - 300);
                    long e = Math.min(LENGTH, t[1] + random.nextLong(601) - 300);
                    if (e <= b) continue;
                    units.add(new UnitizingData.Unit(i, c, b, e - b));
                    reached = e;
                }
            }
        }
        return new UnitizingData(0, LENGTH, IntStream.range(0, CODERS).mapToObj(i -> "c" + i).toList(),
                IntStream.range(0, CATEGORIES).mapToObj(c -> "k" + c).toList(), units);
    }

    /** Median wall time in ms of {@code runs} timed calls after {@code warmup} untimed ones. */
    private static double median(int warmup, int runs, Runnable work) {
        for (int i = 0; i < warmup; i++) work.run();
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms[runs / 2];
    }
}
