package nl.samenspraak.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Shrout, P. E. &amp; Fleiss, J. L. (1979). Intraclass correlations: uses in assessing rater reliability.
 * Psychological Bulletin 86, 420-428, Table 2: six targets rated by four judges.
 */
class ShroutFleissIccTest {

    /** Shrout &amp; Fleiss print two decimals. */
    static final double PUBLISHED_PRECISION = 0.005;
    /**
     * psych::ICC's output for this table (its {@code sf} example) has two decimals. The bounds below are
     * that output as recalled from its documentation; ICC3k's lower bound (0.676) was recalled as 0.67 and is
     * checked as 0.68, the rounding of 1 - 1/F_L with the same F_L that gives ICC3's 0.34.
     */
    static final double PSYCH_PRECISION = 0.005;

    static final String[] TABLE_2 = {"9 2 5 8", "6 1 3 2", "8 4 6 8", "7 1 2 6", "10 5 6 9", "6 2 4 7"};

    @Test
    void shrout_fleiss_1979_table_2_icc_values() {
        Map<Coefficient, IccResult> icc = icc();
        assertThat(icc.get(Coefficient.ICC_1_1).value().value()).isCloseTo(0.17, within(PUBLISHED_PRECISION));
        assertThat(icc.get(Coefficient.ICC_2_1).value().value()).isCloseTo(0.29, within(PUBLISHED_PRECISION));
        assertThat(icc.get(Coefficient.ICC_3_1).value().value()).isCloseTo(0.71, within(PUBLISHED_PRECISION));
        assertThat(icc.get(Coefficient.ICC_1_K).value().value()).isCloseTo(0.44, within(PUBLISHED_PRECISION));
        assertThat(icc.get(Coefficient.ICC_2_K).value().value()).isCloseTo(0.62, within(PUBLISHED_PRECISION));
        assertThat(icc.get(Coefficient.ICC_3_K).value().value()).isCloseTo(0.91, within(PUBLISHED_PRECISION));
    }

    @Test
    void shrout_fleiss_1979_table_2_f_tests() {
        Map<Coefficient, IccResult> icc = icc();
        // BMS/WMS = 11.24/6.26 and BMS/EMS = 11.24/1.02 (Shrout & Fleiss, Table 3)
        assertThat(icc.get(Coefficient.ICC_1_1).f()).isCloseTo(1.795, within(0.005));
        assertThat(icc.get(Coefficient.ICC_3_1).f()).isCloseTo(11.03, within(0.005));
        assertThat(icc.get(Coefficient.ICC_3_1).df2()).isEqualTo(15);
    }

    @Test
    void shrout_fleiss_1979_table_2_intervals_as_psych_icc_prints_them() {
        Map<Coefficient, IccResult> icc = icc();
        assertInterval(icc.get(Coefficient.ICC_1_1), -0.13, 0.72);
        assertInterval(icc.get(Coefficient.ICC_2_1), 0.02, 0.76);
        assertInterval(icc.get(Coefficient.ICC_3_1), 0.34, 0.95);
        assertInterval(icc.get(Coefficient.ICC_1_K), -0.88, 0.91);
        assertInterval(icc.get(Coefficient.ICC_2_K), 0.07, 0.93);
        assertInterval(icc.get(Coefficient.ICC_3_K), 0.68, 0.99);
    }

    @Test
    void icc_is_in_the_coefficients_with_the_same_values() {
        AgreementResult result = Matrices.compute(Matrices.units(TABLE_2), Level.INTERVAL);
        assertThat(result.estimate(Coefficient.ICC_2_1)).isEqualTo(icc().get(Coefficient.ICC_2_1).value());
    }

    private static void assertInterval(IccResult r, double low, double high) {
        assertThat(r.lower().value()).as(r.form() + " lower").isCloseTo(low, within(PSYCH_PRECISION));
        assertThat(r.upper().value()).as(r.form() + " upper").isCloseTo(high, within(PSYCH_PRECISION));
    }

    private static Map<Coefficient, IccResult> icc() {
        return Icc.of(Matrices.units(TABLE_2), Level.INTERVAL).stream()
                .collect(Collectors.toMap(IccResult::form, Function.identity()));
    }
}
