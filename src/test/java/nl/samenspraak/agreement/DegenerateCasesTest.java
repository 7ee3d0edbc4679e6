package nl.samenspraak.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every degenerate case comes back as a reason per coefficient, never as NaN or an exception. */
class DegenerateCasesTest {

    @Test
    void one_category_keeps_percent_agreement_and_explains_kappa_pi_fleiss_alpha_and_ac1() {
        AgreementResult r = Matrices.compute(Matrices.units("x x", "x x", "x ."), Level.NOMINAL);
        assertThat(r.estimate(Coefficient.PERCENT_AGREEMENT).value()).isEqualTo(1.0);
        assertThat(r.estimate(Coefficient.COHEN_KAPPA).reason()).isEqualTo(CohenKappa.ONE_CATEGORY);
        assertThat(r.estimate(Coefficient.SCOTT_PI).reason()).contains("only one category");
        assertThat(r.estimate(Coefficient.FLEISS_KAPPA).reason()).contains("only one category");
        assertThat(r.estimate(Coefficient.KRIPPENDORFF_ALPHA).reason()).isEqualTo(KrippendorffAlpha.ONE_VALUE);
        assertThat(r.estimate(Coefficient.GWET_AC1).reason()).contains("only one category");
        assertThat(r.perCategory().get(0).alpha().reason()).contains("every pairable value");
    }

    @Test
    void a_declared_but_unused_category_makes_ac1_defined_when_one_category_was_used() {
        AgreementResult r = Matrices.compute(Matrices.units(List.of("x", "y"), "x x", "x x"), Level.NOMINAL);
        assertThat(r.estimate(Coefficient.GWET_AC1).value()).isEqualTo(1.0);
        assertThat(r.perCategory().get(1).kappa().reason()).contains("not used");
    }

    @Test
    void a_single_coder_explains_every_coefficient() {
        AgreementResult r = Matrices.compute(Matrices.units("1", "2", "3"), Level.INTERVAL);
        assertThat(r.coefficients().values()).allSatisfy(e -> assertThat(e.defined()).isFalse());
        assertThat(r.estimate(Coefficient.KRIPPENDORFF_ALPHA).reason()).contains("at least two coders");
        assertThat(r.estimate(Coefficient.COHEN_KAPPA).reason()).contains("two coders");
        assertThat(r.estimate(Coefficient.ICC_1_1).reason()).contains("at least two coders");
    }

    @Test
    void no_unit_with_two_values_explains_the_pair_based_coefficients() {
        AgreementResult r = Matrices.compute(Matrices.units("1 .", ". 2", "3 ."), Level.INTERVAL);
        assertThat(r.estimate(Coefficient.PERCENT_AGREEMENT).reason()).isEqualTo(PercentAgreement.NO_PAIRS);
        assertThat(r.estimate(Coefficient.KRIPPENDORFF_ALPHA).reason()).isEqualTo(PercentAgreement.NO_PAIRS);
        assertThat(r.estimate(Coefficient.COHEN_KAPPA).reason()).isEqualTo(CohenKappa.NO_COMMON_UNITS);
        assertThat(r.estimate(Coefficient.FLEISS_KAPPA).reason()).isEqualTo(FleissKappa.NO_COMPLETE_UNITS);
        assertThat(r.estimate(Coefficient.ICC_2_1).reason()).contains("at least two units");
        assertThat(r.pairableValues()).isZero();
    }

    @Test
    void equal_values_everywhere_make_the_icc_undefined() {
        AgreementResult r = Matrices.compute(Matrices.units("4 4", "4 4", "4 4"), Level.INTERVAL);
        assertThat(r.estimate(Coefficient.ICC_3_K).reason()).isEqualTo(IccForms.ALL_EQUAL);
    }

    @Test
    void negative_values_at_the_ratio_level_and_labels_at_the_interval_level_are_explained() {
        AgreementResult ratio = Matrices.compute(Matrices.units("-1 2", "3 3"), Level.RATIO);
        assertThat(ratio.estimate(Coefficient.KRIPPENDORFF_ALPHA).reason()).contains("negative");
        AgreementResult labels = Matrices.compute(Matrices.units("a b", "b b"), Level.INTERVAL);
        assertThat(labels.estimate(Coefficient.KRIPPENDORFF_ALPHA).reason()).contains("needs numbers");
        assertThat(labels.estimate(Coefficient.ICC_1_1).reason()).contains("numbers");
    }

    @Test
    void weighted_coefficients_at_the_nominal_level_and_cohen_with_three_coders_are_explained() {
        AgreementResult r = Matrices.compute(Matrices.units("1 2 1", "2 2 2"), Level.NOMINAL);
        assertThat(r.estimate(Coefficient.WEIGHTED_KAPPA_LINEAR).reason()).isEqualTo(Reliability.NEEDS_ORDER);
        assertThat(r.estimate(Coefficient.GWET_AC2_QUADRATIC).reason()).isEqualTo(Reliability.NEEDS_ORDER);
        assertThat(r.estimate(Coefficient.COHEN_KAPPA).reason()).contains("two coders and the data has 3");
    }

    @Test
    void near_continuous_values_skip_category_coefficients_but_give_alpha_icc_and_a_bootstrap() {
        Random random = new Random(3);
        List<String> rows = new ArrayList<>();
        for (int u = 0; u < 150; u++) {
            double truth = random.nextGaussian() * 10;
            rows.add(String.format(java.util.Locale.ROOT, "%.3f %.3f", truth + random.nextGaussian(), truth + random.nextGaussian()));
        }
        ReliabilityData data = Matrices.units(rows.toArray(String[]::new));
        assertThat(data.categoryCount()).isGreaterThan(Reliability.MAX_CATEGORIES);
        AgreementResult r = Reliability.compute(data, AgreementOptions.of(Level.INTERVAL).withBootstrap(200, 1));
        assertThat(r.estimate(Coefficient.COHEN_KAPPA).reason()).contains("distinct values");
        assertThat(r.estimate(Coefficient.KRIPPENDORFF_ALPHA).value()).isGreaterThan(0.9);
        assertThat(r.estimate(Coefficient.ICC_2_1).value()).isGreaterThan(0.9);
        assertThat(r.bootstrap()).isNotNull();
        assertThat(r.perCategory()).isEmpty();
        assertThat(r.notes()).containsKey("per_category");
    }

    @Test
    void random_small_and_odd_matrices_never_give_nan_or_throw() {
        Random random = new Random(11);
        for (int i = 0; i < 2000; i++) {
            int coders = 1 + random.nextInt(4);
            String[] rows = new String[random.nextInt(6)];
            for (int u = 0; u < rows.length; u++) {
                StringBuilder row = new StringBuilder();
                for (int j = 0; j < coders; j++) row.append(random.nextInt(3) == 0 ? "." : String.valueOf(random.nextInt(3))).append(' ');
                rows[u] = row.toString();
            }
            ReliabilityData data = rows.length == 0 ? emptyData(coders) : Matrices.units(rows);
            for (Level level : Level.values()) {
                AgreementResult r = Reliability.compute(data, AgreementOptions.of(level).withBootstrap(20, i));
                assertThat(r.coefficients()).hasSize(Coefficient.values().length);
                r.coefficients().values().forEach(e -> assertThat(e.defined() ? Double.isFinite(e.value()) : !e.reason().isBlank()).isTrue());
                assertThat(r.bootstrap() != null || r.notes().containsKey("alpha_ci95")).isTrue();
            }
        }
    }

    private static ReliabilityData emptyData(int coders) {
        List<String> names = java.util.stream.IntStream.range(0, coders).mapToObj(j -> "c" + j).toList();
        return ReliabilityData.fromLabels(names, List.of(), List.of());
    }
}
