package nl.samenspraak.reliability;

import nl.samenspraak.codebook.Codebook.Code;
import nl.samenspraak.codebook.Codebook.Dimension;
import nl.samenspraak.codebook.Codebook.Text;
import nl.samenspraak.results.UnitizingReliability.Recording;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The matching rule of {@link UnitizingAnalysis} by hand: largest overlap first, each unit once, at least half of the shorter unit. */
class UnitizingAnalysisTest {
    static final Dimension DIM = new Dimension("d", new Text("d", "d"), null, List.of(),
            List.of(new Code("x", new Text("x", "x"), null, List.of(), null, null, List.of(), null),
                    new Code("y", new Text("y", "y"), null, List.of(), null, null, List.of(), null)));

    static UnitizingAnalysis.Unit unit(long start, Long end, String code) {
        return new UnitizingAnalysis.Unit(start, end, code == null ? Map.of() : Map.of("d", code));
    }

    @Test
    void one_long_unit_matches_the_one_of_two_short_units_it_overlaps_most() {
        // anna: [0, 1000); bert: [0, 400) and [400, 1000). Both overlap all of the shorter unit; the larger overlap wins.
        Recording r = UnitizingAnalysis.of(1, "r", 1000L, List.of(
                new UnitizingAnalysis.CoderUnits(2, 10, "anna", List.of(unit(0, 1000L, "x"))),
                new UnitizingAnalysis.CoderUnits(3, 11, "bert", List.of(unit(0, 400L, "y"), unit(400, 1000L, "x")))), List.of(DIM));
        var m = r.dimensions().get(0).matched().get(0);
        assertThat(m.matched()).isEqualTo(1);
        assertThat(m.unmatchedA()).isZero();
        assertThat(m.unmatchedB()).isEqualTo(1);
        assertThat(m.coefficients().get(0).value()).isEqualTo(1.0); // x against x
    }

    @Test
    void an_overlap_below_half_of_the_shorter_unit_is_no_match_and_an_open_unit_runs_to_the_end() {
        // anna: [0, 1000); bert: [600, open) = [600, 2000): overlap 400 < half of 1000.
        Recording r = UnitizingAnalysis.of(1, "r", 2000L, List.of(
                new UnitizingAnalysis.CoderUnits(2, 10, "anna", List.of(unit(0, 1000L, "x"))),
                new UnitizingAnalysis.CoderUnits(3, 11, "bert", List.of(unit(600, null, "x")))), List.of(DIM));
        assertThat(r.copies().get(1).openUnits()).isEqualTo(1);
        var m = r.dimensions().get(0).matched().get(0);
        assertThat(m.matched()).isZero();
        assertThat(m.reason()).contains("no unit");
        assertThat(r.segmentation().units()).isEqualTo(2);
    }

    @Test
    void one_coder_alone_gives_a_reason_not_a_figure() {
        Recording r = UnitizingAnalysis.of(1, "r", 2000L, List.of(
                new UnitizingAnalysis.CoderUnits(2, 10, "anna", List.of(unit(0, 1000L, "x")))), List.of(DIM));
        assertThat(r.segmentation()).isNull();
        assertThat(r.reason()).contains("fewer than two coders");
    }
}
