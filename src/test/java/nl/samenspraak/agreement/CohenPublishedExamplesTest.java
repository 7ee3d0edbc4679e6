package nl.samenspraak.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Cohen's kappa, Scott's pi and weighted kappa against published worked examples. */
class CohenPublishedExamplesTest {

    /** Cohen (1960) prints p_o, p_c and kappa with two or three decimals. */
    static final double COHEN_1960_PRECISION = 0.0005;
    /** SAS PROC FREQ prints four decimals. */
    static final double SAS_PRECISION = 0.00005;
    /** R irr prints seven significant digits. */
    static final double IRR_PRECISION = 5e-8;

    /**
     * Cohen, J. (1960). A coefficient of agreement for nominal scales. Educational and Psychological
     * Measurement 20, 37-46, Table 1: 200 units, three categories; p_o = .70, p_c = .41, kappa = .492.
     */
    @Test
    void cohen_1960_table_1_kappa_is_0_492() {
        int[][] table = {{88, 14, 18}, {10, 40, 10}, {2, 6, 12}};
        AgreementResult result = Matrices.compute(Matrices.fromTable(table), Level.NOMINAL);
        assertThat(result.estimate(Coefficient.PERCENT_AGREEMENT).value()).isCloseTo(0.70, within(1e-12));
        assertThat(result.estimate(Coefficient.COHEN_KAPPA).value()).isCloseTo(0.492, within(COHEN_1960_PRECISION));
        assertThat(result.estimate(Coefficient.LIGHT_KAPPA).value())
                .isEqualTo(result.estimate(Coefficient.COHEN_KAPPA).value());
    }

    /**
     * SAS/STAT PROC FREQ AGREE example as reproduced in statsmodels' inter-rater tests: a 3 x 3 table,
     * simple kappa 0.4842, weighted kappa (Cicchetti-Allison = linear weights) 0.4701.
     */
    @Test
    void sas_agree_example_simple_kappa_0_4842_and_linear_weighted_kappa_0_4701() {
        int[][] table = {{0, 4, 1}, {0, 8, 0}, {0, 1, 5}};
        AgreementResult result = Matrices.compute(Matrices.fromTable(table), Level.ORDINAL);
        assertThat(result.estimate(Coefficient.COHEN_KAPPA).value()).isCloseTo(0.4842, within(SAS_PRECISION));
        assertThat(result.estimate(Coefficient.WEIGHTED_KAPPA_LINEAR).value()).isCloseTo(0.4701, within(SAS_PRECISION));
    }

    /** R irr's {@code anxiety} data, raters 2 and 3 (20 subjects), and irr's {@code kappa2} results. */
    static final String[] ANXIETY_RATERS_2_3 = {
        "3 2", "6 1", "4 4", "6 4", "2 3", "4 2", "2 1", "4 6", "3 1", "3 1",
        "2 1", "3 2", "3 3", "3 3", "2 1", "2 1", "1 3", "3 3", "3 2", "4 2"};

    @Test
    void irr_kappa2_anxiety_unweighted_is_minus_0_006289308() {
        AgreementResult result = Matrices.compute(Matrices.units(ANXIETY_RATERS_2_3), Level.ORDINAL);
        assertThat(result.estimate(Coefficient.COHEN_KAPPA).value()).isCloseTo(-0.006289308, within(IRR_PRECISION));
    }

    /** irr's "equal" weights are linear in the rank of the observed levels, as at our ordinal level. */
    @Test
    void irr_kappa2_anxiety_equal_weights_is_0_1459075_and_squared_0_2520325() {
        AgreementResult result = Matrices.compute(Matrices.units(ANXIETY_RATERS_2_3), Level.ORDINAL);
        assertThat(result.estimate(Coefficient.WEIGHTED_KAPPA_LINEAR).value()).isCloseTo(0.1459075, within(IRR_PRECISION));
        assertThat(result.estimate(Coefficient.WEIGHTED_KAPPA_QUADRATIC).value()).isCloseTo(0.2520325, within(IRR_PRECISION));
    }

    @Test
    void scott_pi_of_cohen_1960_table_uses_pooled_marginals() {
        int[][] table = {{88, 14, 18}, {10, 40, 10}, {2, 6, 12}};
        AgreementResult result = Matrices.compute(Matrices.fromTable(table), Level.NOMINAL);
        // pooled proportions (.55, .30, .15): p_e = .3025 + .09 + .0225 = .415
        assertThat(result.estimate(Coefficient.SCOTT_PI).value()).isCloseTo((0.70 - 0.415) / (1 - 0.415), within(1e-12));
    }
}
