package nl.samenspraak.agreement;

import static nl.samenspraak.agreement.Matrices.compute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School for Communication. */
class KrippendorffPublishedExamplesTest {

    /** The paper prints three decimals. */
    static final double PUBLISHED_PRECISION = 0.0005;

    /** Section C: four coders, twelve units, missing values, values 1..5. */
    static ReliabilityData twelveUnitsFourCoders() {
        return Matrices.coders(
                "1 2 3 3 2 1 4 1 2 . . .",
                "1 2 3 3 2 2 4 1 2 5 . 3",
                ". 3 3 3 2 3 4 2 2 5 1 .",
                "1 2 3 3 2 4 4 1 2 5 1 .");
    }

    @Test
    void section_c_nominal_alpha_is_0_743() {
        assertThat(alpha(Level.NOMINAL)).isCloseTo(0.743, within(PUBLISHED_PRECISION));
    }

    @Test
    void section_c_ordinal_alpha_is_0_815() {
        assertThat(alpha(Level.ORDINAL)).isCloseTo(0.815, within(PUBLISHED_PRECISION));
    }

    @Test
    void section_c_interval_alpha_is_0_849() {
        assertThat(alpha(Level.INTERVAL)).isCloseTo(0.849, within(PUBLISHED_PRECISION));
    }

    @Test
    void section_c_ratio_alpha_is_0_797() {
        assertThat(alpha(Level.RATIO)).isCloseTo(0.797, within(PUBLISHED_PRECISION));
    }

    @Test
    void section_c_has_40_pairable_values_with_marginals_9_13_10_5_3() {
        AgreementResult result = compute(twelveUnitsFourCoders(), Level.NOMINAL);
        assertThat(result.pairableValues()).isEqualTo(40);
        assertThat(result.coincidence().marginals()).containsExactly(new double[] {9, 13, 10, 5, 3}, within(1e-9));
        // the unit coded 3 by one coder only is not pairable, but still counted as a unit
        assertThat(result.units()).isEqualTo(12);
    }

    @Test
    void section_c_direct_path_gives_the_same_alpha_as_the_coincidence_matrix_at_every_level() {
        for (Level level : Level.values()) {
            ReliabilityData data = twelveUnitsFourCoders();
            double fromCounts = KrippendorffAlpha.fromCounts(PairCounts.of(data), data, level).alpha().value();
            double direct = KrippendorffAlpha.direct(data, level).alpha().value();
            assertThat(direct).as(level.key()).isCloseTo(fromCounts, within(1e-12));
        }
    }

    /** Section A: two coders, binary data, ten units. */
    @Test
    void section_a_two_coders_binary_alpha_is_0_095() {
        ReliabilityData data = Matrices.coders(
                "0 1 0 0 0 0 0 0 1 0",
                "1 1 1 0 0 1 0 0 0 0");
        assertThat(compute(data, Level.NOMINAL).estimate(Coefficient.KRIPPENDORFF_ALPHA).value())
                .isCloseTo(0.095, within(PUBLISHED_PRECISION));
    }

    private static double alpha(Level level) {
        Estimate alpha = compute(twelveUnitsFourCoders(), level).estimate(Coefficient.KRIPPENDORFF_ALPHA);
        assertThat(alpha.defined()).as(alpha.reason()).isTrue();
        return alpha.value();
    }
}
