package nl.samenspraak.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * ICCs of decimal data whose exact two-way ANOVA has sums of squares of 0 (issue 12). Binary floating
 * point holds neither 0.1 nor 0.7, so centred sums that are exactly 0 come out near 1e-33; an exact 0/0
 * must still be undefined, with its reason. An ICC does not change when every value is multiplied by a
 * positive constant or shifted by one (Shrout &amp; Fleiss 1979: every mean square scales by the square
 * of the factor, and a shift cancels in every deviation), and neither does which ICCs are defined.
 */
class IccDecimalDataTest {

    /** The same ANOVA on rescaled values: only rounding differs. */
    static final double RESCALED = 1e-12;
    /**
     * Interval bounds of rescaled values: the F quantiles come from commons-math's solver, whose default
     * absolute accuracy is 1e-9, and ICC(2,.)'s Satterthwaite df moves with rounding.
     */
    static final double RESCALED_BOUND = 1e-8;

    @Test
    void every_value_0_7_or_2_3_leaves_every_icc_undefined_as_the_value_3_does() {
        for (String value : List.of("0.7", "2.3", "3")) {
            for (int[] size : new int[][] {{4, 3}, {3, 2}, {5, 4}, {10, 3}, {7, 2}}) {
                List<IccResult> icc = Icc.of(constant(value, size[0], size[1]), Level.INTERVAL);
                assertThat(icc).allSatisfy(r -> assertThat(r.value().reason())
                        .as(value + " in " + size[0] + " x " + size[1] + ", " + r.form()).isEqualTo(IccForms.ALL_EQUAL));
            }
        }
    }

    @Test
    void identical_units_rated_0_1_0_2_0_3_make_icc_1k_3_1_and_3k_zero_over_zero() {
        for (int units : new int[] {3, 4, 7}) {
            Map<Coefficient, IccResult> icc = byForm(Matrices.units(Collections.nCopies(units, "0.1 0.2 0.3").toArray(String[]::new)));
            // BMS = EMS = 0 and WMS > 0: ICC(1,1) = -WMS / (2 WMS), ICC(2,.) = 0 / (k JMS / n or JMS / n)
            assertThat(icc.get(Coefficient.ICC_1_1).value().value()).isCloseTo(-0.5, within(RESCALED));
            assertThat(icc.get(Coefficient.ICC_2_1).value().value()).isCloseTo(0, within(RESCALED));
            assertThat(icc.get(Coefficient.ICC_2_K).value().value()).isCloseTo(0, within(RESCALED));
            for (Coefficient form : List.of(Coefficient.ICC_1_K, Coefficient.ICC_3_1, Coefficient.ICC_3_K)) {
                Estimate value = icc.get(form).value();
                assertThat(value.defined()).as(units + " units, " + form + " = " + value.value()).isFalse();
                assertThat(value.reason()).contains("denominator", "every unit has the same mean");
            }
        }
    }

    @Test
    void multiplying_by_0_1_or_10_or_adding_0_7_changes_no_icc_nor_which_are_defined() {
        List<String[]> datasets = List.of(
                new String[] {"1 2 3", "1 2 3", "1 2 3", "1 2 3"},
                new String[] {"1 2 3", "4 5 6", "7 8 9"},
                new String[] {"2 0", "-3 1"},
                ShroutFleissIccTest.TABLE_2);
        for (String[] rows : datasets) {
            Map<Coefficient, IccResult> integers = byForm(Matrices.units(rows));
            for (String factor : List.of("0.1", "1", "10")) {
                for (String shift : List.of("0", "0.7")) {
                    Map<Coefficient, IccResult> decimals = byForm(Matrices.units(transformed(rows, factor, shift)));
                    String what = Arrays.toString(rows) + " x " + factor + " + " + shift;
                    integers.forEach((form, expected) -> assertSame(what + ", " + form, expected, decimals.get(form)));
                }
            }
        }
    }

    @Test
    void a_denominator_that_cancels_to_zero_makes_icc_2k_undefined_and_names_that_denominator() {
        // n = k = 2: BMS = s^2/4, JMS = (p+q)^2/4, EMS = (p-q)^2/4 for row differences p, q and s = R1 - R2,
        // so BMS + (JMS - EMS)/n = s^2/4 + pq/2 = 0 for p = 0.2, q = -0.4, s = 0.4
        for (String[] rows : List.of(new String[] {"0.2 0", "-0.3 0.1"}, new String[] {"2 0", "-3 1"})) {
            Estimate icc2k = byForm(Matrices.units(rows)).get(Coefficient.ICC_2_K).value();
            assertThat(icc2k.defined()).as(Arrays.toString(rows) + ": ICC(2,k) = " + icc2k.value()).isFalse();
            assertThat(icc2k.reason()).contains("BMS + (JMS - EMS) / n").doesNotContain("all values are equal");
        }
    }

    private static void assertSame(String what, IccResult expected, IccResult actual) {
        assertSame(what + " value", expected.value(), actual.value(), RESCALED);
        assertSame(what + " lower", expected.lower(), actual.lower(), RESCALED_BOUND);
        assertSame(what + " upper", expected.upper(), actual.upper(), RESCALED_BOUND);
    }

    private static void assertSame(String what, Estimate expected, Estimate actual, double tolerance) {
        assertThat(actual.defined()).as(what + ": " + actual + " for " + expected).isEqualTo(expected.defined());
        if (expected.defined()) assertThat(actual.value()).as(what).isCloseTo(expected.value(), within(tolerance));
    }

    private static ReliabilityData constant(String value, int units, int coders) {
        String row = String.join(" ", Collections.nCopies(coders, value));
        return Matrices.units(Collections.nCopies(units, row).toArray(String[]::new));
    }

    /** Every value times factor plus shift, in exact decimal arithmetic, as the text a user would type. */
    private static String[] transformed(String[] rows, String factor, String shift) {
        BigDecimal f = new BigDecimal(factor);
        BigDecimal s = new BigDecimal(shift);
        return Arrays.stream(rows).map(row -> Arrays.stream(row.trim().split("\\s+"))
                        .map(v -> v.equals(".") ? v : new BigDecimal(v).multiply(f).add(s).toPlainString())
                        .collect(Collectors.joining(" ")))
                .toArray(String[]::new);
    }

    private static Map<Coefficient, IccResult> byForm(ReliabilityData data) {
        return Icc.of(data, Level.INTERVAL).stream().collect(Collectors.toMap(IccResult::form, Function.identity()));
    }
}
