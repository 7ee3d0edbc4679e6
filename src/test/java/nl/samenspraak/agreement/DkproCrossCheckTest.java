package nl.samenspraak.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.dkpro.statistics.agreement.coding.CodingAnnotationStudy;
import org.dkpro.statistics.agreement.coding.CohenKappaAgreement;
import org.dkpro.statistics.agreement.coding.FleissKappaAgreement;
import org.dkpro.statistics.agreement.coding.KrippendorffAlphaAgreement;
import org.dkpro.statistics.agreement.coding.PercentageAgreement;
import org.dkpro.statistics.agreement.coding.ScottPiAgreement;
import org.dkpro.statistics.agreement.coding.WeightedKappaAgreement;
import org.dkpro.statistics.agreement.distance.IDistanceFunction;
import org.dkpro.statistics.agreement.distance.IntervalDistanceFunction;
import org.dkpro.statistics.agreement.distance.NominalDistanceFunction;
import org.dkpro.statistics.agreement.distance.OrdinalDistanceFunction;
import org.dkpro.statistics.agreement.distance.RatioDistanceFunction;
import org.dkpro.statistics.agreement.unitizing.KrippendorffAlphaUnitizingAgreement;
import org.dkpro.statistics.agreement.unitizing.UnitizingAnnotationStudy;
import org.junit.jupiter.api.Test;

/**
 * Cross-check against DKPro Agreement 2.2.1 on many random matrices. Exclusions, where DKPro's definitions
 * differ from ours: percent agreement, Cohen, Scott, Fleiss and per-category figures are compared on units
 * that meet DKPro's assumptions (DKPro weights percent agreement by values per unit and does not handle
 * missing values in kappa/pi); ordinal alpha on data where every unit is pairable (DKPro's ordinal
 * distance counts unpairable values too); matrices where the data agree fully are skipped (DKPro answers
 * 0.0 there, we say why alpha is undefined). Distances are DKPro's plain functions, never
 * CachedDistanceFunction (whose cache keys can collide); weighted kappa gets distances scaled into [0, 1]
 * because DKPro normalises its observed and expected disagreement by different maxima otherwise.
 * Alpha for unitizing is compared where ours is defined (DKPro answers 0.0 where the expected
 * disagreement is 0).
 */
class DkproCrossCheckTest {

    /** Both compute in double precision from the same counts; only summation order differs. */
    static final double SAME_ARITHMETIC = 1e-9;
    static final int MATRICES = 300;

    @Test
    void krippendorff_alpha_nominal_interval_and_ratio_equal_dkpro_with_missing_values() {
        forRandomMatrices(0.2, (data, grid) -> {
            check(data, Level.NOMINAL, grid, new NominalDistanceFunction());
            check(data, Level.INTERVAL, grid, new IntervalDistanceFunction());
            check(data, Level.RATIO, grid, new RatioDistanceFunction());
        });
    }

    @Test
    void krippendorff_alpha_ordinal_equals_dkpro_when_every_unit_is_pairable() {
        forRandomMatrices(0.0, (data, grid) -> check(data, Level.ORDINAL, grid, new OrdinalDistanceFunction()));
    }

    @Test
    void percent_agreement_fleiss_kappa_and_per_category_equal_dkpro_on_complete_data() {
        forRandomMatrices(0.0, (data, grid) -> {
            CodingAnnotationStudy study = study(grid, u -> true);
            AgreementResult ours = Matrices.compute(data, Level.NOMINAL);
            if (study.getCategoryCount() < 2) return;
            assertThat(value(ours, Coefficient.PERCENT_AGREEMENT))
                    .isCloseTo(new PercentageAgreement(study).calculateAgreement(), within(SAME_ARITHMETIC));
            assertThat(value(ours, Coefficient.FLEISS_KAPPA))
                    .isCloseTo(new FleissKappaAgreement(study).calculateAgreement(), within(SAME_ARITHMETIC));
            for (PerCategoryResult c : ours.perCategory()) {
                Integer category = Integer.valueOf(c.category());
                if (c.kappa().defined()) {
                    assertThat(c.kappa().value()).isCloseTo(
                            new FleissKappaAgreement(study).calculateCategoryAgreement(category), within(SAME_ARITHMETIC));
                }
                if (c.alpha().defined()) {
                    assertThat(c.alpha().value()).isCloseTo(new KrippendorffAlphaAgreement(study, new NominalDistanceFunction())
                            .calculateCategoryAgreement(category), within(SAME_ARITHMETIC));
                }
            }
        });
    }

    @Test
    void cohen_scott_and_weighted_kappa_equal_dkpro_over_units_both_coders_coded() {
        Random random = new Random(20_240_601);
        for (int i = 0; i < MATRICES; i++) {
            Integer[][] grid = RandomMatrices.grid(random, 2, 0.2);
            Integer[][] both = java.util.Arrays.stream(grid).filter(u -> u[0] != null && u[1] != null).toArray(Integer[][]::new);
            CodingAnnotationStudy study = study(both, u -> true);
            if (both.length == 0 || study.getCategoryCount() < 2) continue;
            AgreementResult ours = Matrices.compute(RandomMatrices.data(grid), Level.INTERVAL);
            if (!ours.estimate(Coefficient.COHEN_KAPPA).defined()) continue;
            assertThat(value(ours, Coefficient.COHEN_KAPPA)).isCloseTo(new CohenKappaAgreement(study).calculateAgreement(), within(SAME_ARITHMETIC));
            assertThat(value(ours, Coefficient.SCOTT_PI)).isCloseTo(new ScottPiAgreement(study).calculateAgreement(), within(SAME_ARITHMETIC));
            // Disagreement weights scaled into [0, 1]: DKPro divides D_o by the largest distance seen within
            // items but D_e by the largest over all categories, which only agree when no distance exceeds 1.
            // Kappa_w does not change when the weights are scaled, and equals our agreement-weight form.
            double range = RandomMatrices.range(grid);
            IDistanceFunction quadratic = (s, a, b) -> Math.pow((((Integer) a) - ((Integer) b)) / range, 2);
            assertThat(value(ours, Coefficient.WEIGHTED_KAPPA_QUADRATIC)).isCloseTo(
                    new WeightedKappaAgreement(study, quadratic).calculateAgreement(), within(SAME_ARITHMETIC));
            IDistanceFunction linear = (s, a, b) -> Math.abs(((Integer) a) - ((Integer) b)) / range;
            assertThat(value(ours, Coefficient.WEIGHTED_KAPPA_LINEAR)).isCloseTo(
                    new WeightedKappaAgreement(study, linear).calculateAgreement(), within(SAME_ARITHMETIC));
        }
    }

    @Test
    void krippendorff_alpha_unitizing_equals_dkpro_overall_and_per_category() {
        Random random = new Random(19_950_047);
        int compared = 0;
        java.util.DoubleSummaryStatistics alphas = new java.util.DoubleSummaryStatistics();
        for (int s = 0; s < MATRICES; s++) {
            UnitizingData data = RandomUnitizings.data(random);
            UnitizingResult ours = KrippendorffUnitizing.compute(data);
            UnitizingAnnotationStudy study = new UnitizingAnnotationStudy(data.coders().size(), data.begin(), data.length());
            for (UnitizingData.Unit u : data.units()) study.addUnit(u.begin(), u.length(), u.coder(), data.categories().get(u.category()));
            Exposed dkpro = new Exposed(study);
            if (ours.alpha().defined()) {
                assertThat(ours.alpha().value()).as("study " + s).isCloseTo(dkpro.calculateAgreement(), within(SAME_ARITHMETIC));
                compared++;
                alphas.accept(ours.alpha().value());
            }
            for (UnitizingResult.Category c : ours.perCategory()) {
                if (!c.alpha().defined()) continue;
                String what = "study " + s + ", category " + c.category();
                assertThat(c.observedDisagreement().value()).as(what).isCloseTo(dkpro.observed(c.category()), within(SAME_ARITHMETIC));
                assertThat(c.expectedDisagreement().value()).as(what).isCloseTo(dkpro.expected(c.category()), within(SAME_ARITHMETIC));
                assertThat(c.alpha().value()).as(what).isCloseTo(dkpro.calculateCategoryAgreement(c.category()), within(SAME_ARITHMETIC));
            }
        }
        assertThat(compared).isGreaterThan(MATRICES * 9 / 10);
        assertThat(alphas.getMin()).as("the studies reach below chance").isNegative();
        assertThat(alphas.getMax()).as("and near full agreement").isGreaterThan(0.9);
    }

    /** DKPro's unitizing alpha with its per-category disagreements in reach. */
    private static final class Exposed extends KrippendorffAlphaUnitizingAgreement {
        Exposed(UnitizingAnnotationStudy study) {
            super(study);
        }

        double observed(Object category) {
            return calculateObservedCategoryDisagreement(category);
        }

        double expected(Object category) {
            return calculateExpectedCategoryDisagreement(category);
        }
    }

    /**
     * Random unitizings: per category a true unitizing of a continuum, which each coder follows with
     * begins and ends shifted by up to a few steps, sometimes missing a unit, sometimes adding one in a
     * gap; units may touch. Continua of 5 to 400 steps, 2 to 5 coders, 1 to 3 categories.
     */
    static final class RandomUnitizings {
        private RandomUnitizings() {}

        static UnitizingData data(Random random) {
            int coders = 2 + random.nextInt(4);
            int categories = 1 + random.nextInt(3);
            long begin = random.nextInt(60);
            long length = 5 + random.nextInt(396);
            List<UnitizingData.Unit> units = new ArrayList<>();
            for (int c = 0; c < categories; c++) {
                List<long[]> truth = new ArrayList<>();
                for (long at = begin + random.nextInt((int) (length / 4) + 1); ; ) {
                    long l = 1 + random.nextInt((int) (length / 5) + 1);
                    if (at + l > begin + length) break;
                    truth.add(new long[] {at, at + l});
                    at += l + random.nextInt((int) (length / 6) + 1);
                }
                int shift = 1 + random.nextInt(4);
                for (int i = 0; i < coders; i++) {
                    long reached = begin;
                    for (long[] t : truth) {
                        if (random.nextDouble() < 0.15) continue;
                        long b = Math.max(reached, t[0] + random.nextInt(2 * shift + 1) - shift);
                        long e = Math.min(begin + length, t[1] + random.nextInt(2 * shift + 1) - shift);
                        if (random.nextDouble() < 0.1 && b - reached >= 2) {
                            long extra = reached + random.nextInt((int) (b - reached - 1));
                            units.add(new UnitizingData.Unit(i, c, extra, 1 + random.nextInt((int) (b - extra))));
                            reached = units.get(units.size() - 1).end();
                            b = Math.max(b, reached);
                        }
                        if (e <= b) continue;
                        units.add(new UnitizingData.Unit(i, c, b, e - b));
                        reached = e;
                    }
                }
            }
            List<String> coderNames = IntStream.range(0, coders).mapToObj(i -> "c" + i).toList();
            List<String> categoryNames = IntStream.range(0, categories).mapToObj(c -> "k" + c).toList();
            return new UnitizingData(begin, length, coderNames, categoryNames, units);
        }
    }

    private void check(ReliabilityData data, Level level, Integer[][] grid, IDistanceFunction distance) {
        Estimate ours = Matrices.compute(data, level).estimate(Coefficient.KRIPPENDORFF_ALPHA);
        if (!ours.defined()) return;
        double dkpro = new KrippendorffAlphaAgreement(study(grid, u -> true), distance).calculateAgreement();
        assertThat(ours.value()).as(level.key()).isCloseTo(dkpro, within(SAME_ARITHMETIC));
    }

    private void forRandomMatrices(double missing, java.util.function.BiConsumer<ReliabilityData, Integer[][]> check) {
        Random random = new Random(19_710_378);
        for (int i = 0; i < MATRICES; i++) {
            Integer[][] grid = RandomMatrices.grid(random, 2 + random.nextInt(4), missing);
            check.accept(RandomMatrices.data(grid), grid);
        }
    }

    private static CodingAnnotationStudy study(Integer[][] grid, Predicate<Integer[]> keep) {
        CodingAnnotationStudy study = new CodingAnnotationStudy(grid[0].length);
        for (Integer[] unit : grid) if (keep.test(unit)) study.addItemAsArray(unit.clone());
        return study;
    }

    private static double value(AgreementResult result, Coefficient coefficient) {
        Estimate e = result.estimate(coefficient);
        assertThat(e.defined()).as(coefficient + ": " + e.reason()).isTrue();
        return e.value();
    }

    /** Random reliability data: units x coders of small positive integers, coders mostly agreeing. */
    static final class RandomMatrices {
        private RandomMatrices() {}

        static Integer[][] grid(Random random, int coders, double missing) {
            int units = 5 + random.nextInt(120);
            int q = 2 + random.nextInt(5);
            Integer[][] grid = new Integer[units][coders];
            for (Integer[] unit : grid) {
                int truth = 1 + random.nextInt(q);
                for (int j = 0; j < coders; j++) {
                    if (random.nextDouble() < missing) continue;
                    unit[j] = random.nextDouble() < 0.6 ? truth : 1 + random.nextInt(q);
                }
            }
            return grid;
        }

        static double range(Integer[][] grid) {
            IntSummaryStatistics stats = java.util.Arrays.stream(grid).flatMap(java.util.Arrays::stream)
                    .filter(java.util.Objects::nonNull).mapToInt(Integer::intValue).summaryStatistics();
            return Math.max(1, stats.getMax() - stats.getMin());
        }

        static ReliabilityData data(Integer[][] grid) {
            List<String[]> units = new ArrayList<>();
            for (Integer[] unit : grid) {
                units.add(java.util.Arrays.stream(unit).map(v -> v == null ? null : v.toString()).toArray(String[]::new));
            }
            List<String> coders = IntStream.range(0, grid[0].length).mapToObj(j -> "c" + j).toList();
            return ReliabilityData.fromLabels(coders, units, List.of());
        }
    }
}
