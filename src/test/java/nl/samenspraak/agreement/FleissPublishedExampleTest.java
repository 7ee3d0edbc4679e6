package nl.samenspraak.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters. Psychological Bulletin 76,
 * 378-382: 30 patients, 6 psychiatrists each, 5 diagnoses (1 depression, 2 personality disorder,
 * 3 schizophrenia, 4 neurosis, 5 other). Raw ratings as R irr's {@code diagnoses}.
 */
class FleissPublishedExampleTest {

    /** Fleiss prints three decimals. */
    static final double PUBLISHED_PRECISION = 0.0005;
    /** R irr's kappam.fleiss(diagnoses) prints 0.4302445 (seven decimals). */
    static final double IRR_PRECISION = 5e-8;

    static final String[] DIAGNOSES = {
        "4 4 4 4 4 4", "2 2 2 5 5 5", "2 3 3 3 3 5", "5 5 5 5 5 5", "2 2 2 4 4 4",
        "1 1 3 3 3 3", "3 3 3 3 5 5", "1 1 3 3 3 4", "1 1 4 4 4 4", "5 5 5 5 5 5",
        "1 4 4 4 4 4", "1 2 4 4 4 4", "2 2 2 3 3 3", "1 4 4 4 4 4", "2 2 4 4 4 5",
        "3 3 3 3 3 5", "1 1 1 4 5 5", "1 1 1 1 1 2", "2 2 4 4 4 4", "1 3 3 5 5 5",
        "5 5 5 5 5 5", "2 4 4 4 4 4", "2 2 4 5 5 5", "1 1 4 4 4 4", "1 4 4 4 4 5",
        "2 2 2 2 2 4", "1 1 1 1 5 5", "2 2 4 4 4 4", "1 3 3 3 3 3", "5 5 5 5 5 5"};

    @Test
    void fleiss_1971_kappa_is_0_430() {
        AgreementResult result = Matrices.compute(Matrices.units(DIAGNOSES), Level.NOMINAL);
        double kappa = result.estimate(Coefficient.FLEISS_KAPPA).value();
        assertThat(kappa).isCloseTo(0.430, within(PUBLISHED_PRECISION));
        assertThat(kappa).isCloseTo(0.4302445, within(IRR_PRECISION));
    }

    @Test
    void fleiss_1971_per_category_kappas_are_245_245_520_471_566() {
        AgreementResult result = Matrices.compute(Matrices.units(DIAGNOSES), Level.NOMINAL);
        List<Double> kappas = result.perCategory().stream().map(c -> c.kappa().value()).toList();
        double[] published = {0.245, 0.245, 0.520, 0.471, 0.566};
        for (int j = 0; j < published.length; j++) {
            assertThat(kappas.get(j)).as("category " + (j + 1)).isCloseTo(published[j], within(PUBLISHED_PRECISION));
        }
    }

    @Test
    void fleiss_1971_category_totals_are_26_26_30_55_43() {
        AgreementResult result = Matrices.compute(Matrices.units(DIAGNOSES), Level.NOMINAL);
        assertThat(result.coincidence().marginals()).containsExactly(new double[] {26, 26, 30, 55, 43}, within(1e-9));
    }
}
