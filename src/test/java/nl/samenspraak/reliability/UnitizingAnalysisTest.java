package nl.samenspraak.reliability;

import nl.samenspraak.codebook.Codebook.Code;
import nl.samenspraak.codebook.Codebook.Dimension;
import nl.samenspraak.codebook.Codebook.Text;
import nl.samenspraak.agreement.KrippendorffUnitizing;
import nl.samenspraak.agreement.UnitizingData;
import nl.samenspraak.agreement.UnitizingResult;
import nl.samenspraak.results.UnitizingReliability.Pooled;
import nl.samenspraak.results.UnitizingReliability.Recording;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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

    static UnitizingAnalysis.CoderUnits anna(long copy, UnitizingAnalysis.Unit... units) {
        return new UnitizingAnalysis.CoderUnits(copy, 10, "anna", List.of(units));
    }

    static UnitizingAnalysis.CoderUnits bert(long copy, UnitizingAnalysis.Unit... units) {
        return new UnitizingAnalysis.CoderUnits(copy, 11, "bert", List.of(units));
    }

    /**
     * Pooled over two recordings (10 s and 6 s): the engine on one continuum of 16 s, the second recording's units shifted
     * by 10 s, computed here by hand; an open unit and one reaching past its recording's end are cut at that end, so no
     * unit spans the two. A gap at the end of the first and one at the start of the second are one gap then.
     */
    @Test
    void pooled_alpha_u_is_the_engines_on_the_recordings_laid_end_to_end() {
        UnitizingAnalysis.Input one = new UnitizingAnalysis.Input(1, 10_000L, List.of(
                anna(2, unit(0, 2000L, "x"), unit(2000, 5000L, "y"), unit(5000, 9000L, "x")),
                bert(3, unit(0, 2500L, "x"), unit(2500, 5000L, "x"), unit(6000, null, null))));
        UnitizingAnalysis.Input two = new UnitizingAnalysis.Input(4, 6000L, List.of(
                anna(5, unit(1000, 3000L, "y"), unit(3000, 7000L, "y")),
                bert(6, unit(500, 3000L, "y"), unit(3500, 5500L, "x"))));
        Pooled p = UnitizingAnalysis.pooled(List.of(one, two), List.of(DIM));
        assertThat(p.lengthMs()).isEqualTo(16_000);
        assertThat(p.transcriptIds()).containsExactly(1L, 4L);
        assertThat(p.coders()).containsExactly("anna", "bert");
        assertThat(p.leftOut()).isEmpty();

        // By hand: [begin, end) on the joined continuum; bert's open unit runs to 10 000, anna's [3000, 7000) in the 6 s recording to 6000.
        long[][] annaUnits = {{0, 2000, 0}, {2000, 5000, 1}, {5000, 9000, 0}, {11_000, 13_000, 1}, {13_000, 16_000, 1}};
        long[][] bertUnits = {{0, 2500, 0}, {2500, 5000, 0}, {6000, 10_000, -1}, {10_500, 13_000, 1}, {13_500, 15_500, 0}};
        List<UnitizingData.Unit> seg = new java.util.ArrayList<>();
        List<UnitizingData.Unit> coded = new java.util.ArrayList<>();
        for (int j = 0; j < 2; j++) {
            for (long[] u : j == 0 ? annaUnits : bertUnits) {
                seg.add(new UnitizingData.Unit(j, 0, u[0], u[1] - u[0]));
                if (u[2] >= 0) coded.add(new UnitizingData.Unit(j, (int) u[2], u[0], u[1] - u[0]));
            }
        }
        UnitizingResult segmentation = KrippendorffUnitizing.compute(new UnitizingData(0, 16_000, List.of("anna", "bert"), List.of("unit"), seg));
        UnitizingResult byCode = KrippendorffUnitizing.compute(new UnitizingData(0, 16_000, List.of("anna", "bert"), List.of("x", "y"), coded));
        assertThat(p.segmentation().alpha()).isCloseTo(segmentation.alpha().value(), within(1e-12));
        assertThat(p.segmentation().units()).isEqualTo(10);
        assertThat(p.dimensions().get(0).unitizing().alpha()).isCloseTo(byCode.alpha().value(), within(1e-12));
        assertThat(p.dimensions().get(0).unitizing().uncoded()).isEqualTo(1);
        for (var c : p.dimensions().get(0).unitizing().perCategory()) {
            var want = byCode.perCategory().stream().filter(x -> x.category().equals(c.category())).findFirst().orElseThrow();
            assertThat(c.alpha()).isCloseTo(want.alpha().value(), within(1e-12));
        }
        // Pooled differs from either recording alone: the figures are not an average.
        assertThat(p.segmentation().alpha()).isNotEqualTo(UnitizingAnalysis.of(1, "a", 10_000L, one.coders(), List.of(DIM)).segmentation().alpha());
    }

    @Test
    void one_recording_pooled_is_its_own_figure() {
        UnitizingAnalysis.Input one = new UnitizingAnalysis.Input(1, 10_000L, List.of(
                anna(2, unit(0, 2000L, "x"), unit(2000, 5000L, "y")),
                bert(3, unit(0, 2500L, "x"), unit(2500, 5000L, "x"))));
        Recording alone = UnitizingAnalysis.of(1, "a", 10_000L, one.coders(), List.of(DIM));
        Pooled p = UnitizingAnalysis.pooled(List.of(one), List.of(DIM));
        assertThat(p.segmentation().alpha()).isEqualTo(alone.segmentation().alpha());
        assertThat(p.dimensions().get(0).unitizing().alpha()).isEqualTo(alone.dimensions().get(0).unitizing().alpha());
    }

    @Test
    void a_coder_who_did_not_unitize_every_recording_is_left_out_of_the_pool() {
        UnitizingAnalysis.CoderUnits carl = new UnitizingAnalysis.CoderUnits(7, 12, "carl", List.of(unit(0, 1000L, "x")));
        UnitizingAnalysis.Input one = new UnitizingAnalysis.Input(1, 2000L, List.of(anna(2, unit(0, 1000L, "x")), bert(3, unit(0, 1000L, "x")), carl));
        UnitizingAnalysis.Input two = new UnitizingAnalysis.Input(4, 2000L, List.of(anna(5, unit(0, 1000L, "x")), bert(6, unit(0, 1500L, "x"))));
        UnitizingAnalysis.Input single = new UnitizingAnalysis.Input(8, 2000L, List.of(anna(9, unit(0, 1000L, "x"))));
        Pooled p = UnitizingAnalysis.pooled(List.of(one, two, single), List.of(DIM));
        assertThat(p.transcriptIds()).as("a recording one coder unitized is not pooled").containsExactly(1L, 4L);
        assertThat(p.coders()).containsExactly("anna", "bert");
        assertThat(p.leftOut()).containsExactly("carl");
        assertThat(p.lengthMs()).isEqualTo(4000);
        Pooled none = UnitizingAnalysis.pooled(List.of(single), List.of(DIM));
        assertThat(none.segmentation()).isNull();
        assertThat(none.reason()).contains("no recording");
    }
}
