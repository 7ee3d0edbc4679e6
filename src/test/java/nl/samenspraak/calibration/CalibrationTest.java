package nl.samenspraak.calibration;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CalibrationTest {
    static final List<String> CODES = List.of("a", "b", "c");

    @Test
    void a_trainee_who_coded_nothing_misses_everything_and_fails_with_a_reason() {
        Calibration.DimensionResult r = Calibration.dimension("d", CODES, List.of(new String[]{"a", null}, new String[]{"b", null}), 0.7);
        assertThat(r.units()).isEqualTo(2);
        assertThat(r.uncoded()).isEqualTo(2);
        assertThat(r.kappa()).isNull();
        assertThat(r.reason()).isNotBlank();
        assertThat(r.passed()).isFalse();
        assertThat(r.categories().get(0).missed()).isEqualTo(1);
        assertThat(r.confusion().counts()[1][3]).as("b against (none)").isEqualTo(1);
    }

    @Test
    void full_agreement_on_a_single_category_leaves_kappa_undefined_and_does_not_pass() {
        Calibration.DimensionResult r = Calibration.dimension("d", CODES, List.of(new String[]{"a", "a"}, new String[]{"a", "a"}), 0.7);
        assertThat(r.percent()).isEqualTo(1.0);
        assertThat(r.kappa()).isNull();
        assertThat(r.reason()).isNotBlank();
        assertThat(r.passed()).isFalse();
    }

    @Test
    void overuse_is_counted_against_the_trainees_category() {
        Calibration.DimensionResult r = Calibration.dimension("d", CODES,
                List.of(new String[]{"a", "b"}, new String[]{"b", "b"}, new String[]{"c", "c"}, new String[]{"a", "a"}), 0.7);
        assertThat(r.categories().get(1)).isEqualTo(new Calibration.CategoryResult("b", 1, 2, 1, 0, 1));
        assertThat(r.categories().get(0)).isEqualTo(new Calibration.CategoryResult("a", 2, 1, 1, 1, 0));
    }
}
