package nl.samenspraak.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Gwet, K. L. (2014). Handbook of Inter-Rater Reliability, 4th ed., p. 120: four raters, twelve subjects,
 * categories 1..5, missing ratings (irrCAC's {@code cac.raw4raters}); results as irrCAC's
 * {@code gwet.ac1.raw} prints them (and the Python port's tests check them): AC1 0.775 (p_a 0.818,
 * p_e 0.190), AC2 linear 0.859, AC2 quadratic 0.914.
 */
class GwetPublishedExampleTest {

    /** irrCAC's printed results have three decimals. */
    static final double PUBLISHED_PRECISION = 0.0005;

    static ReliabilityData raw4raters() {
        return Matrices.units(
                "1 1 . 1", "2 2 3 2", "3 3 3 3", "3 3 3 3", "2 2 2 2", "1 2 3 4",
                "4 4 4 4", "1 1 2 1", "2 2 2 2", ". 5 5 5", ". . 1 1", ". . 3 .");
    }

    @Test
    void handbook_page_120_ac1_is_0_775() {
        AgreementResult result = Matrices.compute(raw4raters(), Level.NOMINAL);
        assertThat(result.estimate(Coefficient.GWET_AC1).value()).isCloseTo(0.775, within(PUBLISHED_PRECISION));
    }

    @Test
    void handbook_page_120_ac2_linear_is_0_859_and_quadratic_0_914() {
        AgreementResult result = Matrices.compute(raw4raters(), Level.INTERVAL);
        assertThat(result.estimate(Coefficient.GWET_AC2_LINEAR).value()).isCloseTo(0.859, within(PUBLISHED_PRECISION));
        assertThat(result.estimate(Coefficient.GWET_AC2_QUADRATIC).value()).isCloseTo(0.914, within(PUBLISHED_PRECISION));
    }

    @Test
    void handbook_page_120_percent_agreement_is_gwets_p_a_0_818() {
        AgreementResult result = Matrices.compute(raw4raters(), Level.NOMINAL);
        assertThat(result.estimate(Coefficient.PERCENT_AGREEMENT).value()).isCloseTo(0.818, within(PUBLISHED_PRECISION));
    }

    @Test
    void the_same_data_gives_krippendorffs_nominal_alpha_0_743() {
        AgreementResult result = Matrices.compute(raw4raters(), Level.NOMINAL);
        assertThat(result.estimate(Coefficient.KRIPPENDORFF_ALPHA).value()).isCloseTo(0.743, within(PUBLISHED_PRECISION));
    }
}
