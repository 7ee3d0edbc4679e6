package nl.samenspraak.exports;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Where units without times are placed in an ELAN file (docs/export.md, "Units without times"). */
class ElanWriterTest {
    static ElanWriter.Unit unit(int seq, Long start, Long end) {
        return new ElanWriter.Unit(seq, "KM", "zin " + seq, start, end);
    }

    static List<String> spans(List<ElanWriter.Unit> units) {
        return ElanWriter.place(units).stream().map(s -> s.start() + "-" + s.end() + (s.placed() ? "*" : "")).toList();
    }

    @Test
    void timed_units_keep_their_times_and_a_run_between_them_shares_the_gap_evenly() {
        assertThat(spans(List.of(unit(1, 1000L, 2000L), unit(2, null, null), unit(3, null, null), unit(4, null, null), unit(5, 5000L, 6000L))))
                .containsExactly("1000-2000", "2000-3000*", "3000-4000*", "4000-5000*", "5000-6000");
    }

    @Test
    void a_missing_end_is_the_next_start_and_a_missing_start_the_previous_end() {
        assertThat(spans(List.of(unit(1, 0L, null), unit(2, 1500L, 2500L), unit(3, null, 4000L))))
                .containsExactly("0-1500*", "1500-2500", "2500-4000*");
    }

    @Test
    void with_no_timed_unit_after_or_too_short_a_gap_each_unit_gets_two_seconds() {
        assertThat(spans(List.of(unit(1, null, null), unit(2, null, null)))).containsExactly("0-2000*", "2000-4000*");
        assertThat(spans(List.of(unit(1, 0L, 1000L), unit(2, null, null), unit(3, null, null), unit(4, 1001L, 2000L))))
                .containsExactly("0-1000", "1000-3000*", "3000-5000*", "1001-2000");
    }

    @Test
    void control_characters_are_left_out_of_the_xml() {
        assertThat(ElanWriter.clean("a\u0001b\tc\u000Bd")).isEqualTo("ab\tcd");
        assertThat(ElanWriter.clean("gewoon")).isSameAs("gewoon");
    }
}
