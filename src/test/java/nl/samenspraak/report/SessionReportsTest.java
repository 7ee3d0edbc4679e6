package nl.samenspraak.report;

import nl.samenspraak.codebook.Codebook;
import nl.samenspraak.codebook.CodebookReader;
import nl.samenspraak.codebook.ShippedCodebooks;
import nl.samenspraak.codebook.SpeakerRole;
import nl.samenspraak.report.SessionInput.CodeCount;
import nl.samenspraak.results.SessionReport.CompositeValue;
import nl.samenspraak.results.SessionReport.RoleReport;
import nl.samenspraak.results.SessionReport.ScaleReport;
import nl.samenspraak.results.SessionReport;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import static nl.samenspraak.codebook.SpeakerRole.CLIENT;
import static nl.samenspraak.codebook.SpeakerRole.PROFESSIONAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Session profiles against counts worked out by hand. */
class SessionReportsTest {
    /** Ratios are exact fractions of small counts; doubles differ from them only in the last bits. */
    static final double EXACT = 1e-12;

    static Codebook small() throws IOException {
        try (InputStream in = SessionReportsTest.class.getResourceAsStream("/codebook/small.json")) {
            return CodebookReader.read("small.json", in.readAllBytes()).codebook().orElseThrow();
        }
    }

    /**
     * Professional: 6 utterances; step: team 2, option 3, other 1; act: ask 2, tell 2 (2 not coded).
     * Client: 4 utterances; step: team 1, other 3; act: tell 3 (no ask) and 1 not coded.
     */
    static SessionInput session(Map<String, Map<String, Double>> ratings) {
        return new SessionInput(7, "gesprek 7", 3, "anna", Map.of(PROFESSIONAL, 6, CLIENT, 4), List.of(
                new CodeCount("step", "team", PROFESSIONAL, 2), new CodeCount("step", "option", PROFESSIONAL, 3),
                new CodeCount("step", "other", PROFESSIONAL, 1), new CodeCount("act", "ask", PROFESSIONAL, 2),
                new CodeCount("act", "tell", PROFESSIONAL, 2), new CodeCount("step", "team", CLIENT, 1),
                new CodeCount("step", "other", CLIENT, 3), new CodeCount("act", "tell", CLIENT, 3)), ratings);
    }

    @Test
    void frequencies_are_counted_per_code_and_speaker_role_with_zeros_and_only_applicable_codes() throws IOException {
        SessionReport r = SessionReports.of(small(), session(Map.of()));
        assertThat(r.roles()).extracting(RoleReport::role).containsExactly(PROFESSIONAL, CLIENT);
        RoleReport pro = r.roles().get(0), client = r.roles().get(1);
        assertThat(pro.units()).isEqualTo(6);
        assertThat(pro.coded()).containsEntry("step", 6L).containsEntry("act", 4L);
        assertThat(pro.frequencies()).extracting(f -> f.dimension() + "/" + f.code() + "=" + f.count())
                .containsExactly("step/team=2", "step/option=3", "step/other=1", "act/ask=2", "act/tell=2");
        // 'option' applies to professionals only: no client column for it; 'ask' is 0, not absent.
        assertThat(client.frequencies()).extracting(f -> f.dimension() + "/" + f.code() + "=" + f.count())
                .containsExactly("step/team=1", "step/other=3", "act/ask=0", "act/tell=3");
    }

    @Test
    void a_sum_composite_adds_its_codes_and_is_computed_only_for_its_roles() throws IOException {
        SessionReport r = SessionReports.of(small(), session(Map.of()));
        CompositeValue choice = composite(r.roles().get(0), "choice_talk");
        assertThat(choice.ratio()).isFalse();
        assertThat(choice.value()).isEqualTo(5.0); // team 2 + option 3
        assertThat(r.roles().get(1).composites()).extracting(CompositeValue::key).containsExactly("ask_share");
    }

    @Test
    void a_ratio_divides_numerator_by_denominator_and_a_zero_denominator_gives_a_reason_not_a_number() throws IOException {
        SessionReport r = SessionReports.of(small(), session(Map.of()));
        CompositeValue pro = composite(r.roles().get(0), "ask_share");
        assertThat(pro.value()).isCloseTo(2.0 / 4.0, within(EXACT));
        assertThat(pro.numerator()).isEqualTo(2);
        assertThat(pro.denominator()).isEqualTo(4);
        CompositeValue client = composite(r.roles().get(1), "ask_share");
        assertThat(client.value()).isCloseTo(0.0, within(EXACT)); // 0 asks of 3: defined, 0
        SessionInput silent = new SessionInput(8, "g8", 3, "anna", Map.of(CLIENT, 2), List.of(new CodeCount("step", "team", CLIENT, 2)), Map.of());
        CompositeValue none = composite(SessionReports.of(small(), silent).roles().get(0), "ask_share");
        assertThat(none.value()).isNull();
        assertThat(none.denominator()).isZero();
        assertThat(none.reason()).contains("denominator is 0").contains("ask, tell");
    }

    @Test
    void the_option_5_total_is_the_item_sum_rescaled_from_0_20_to_0_100() {
        Codebook option5 = ShippedCodebooks.byKey("option-5").orElseThrow();
        Codebook.RatingScale scale = option5.ratingScales().get(0);
        List<String> items = scale.items().stream().map(Codebook.RatingItem::key).toList();
        assertThat(items).hasSize(5);
        // 3 + 2 + 4 + 1 + 2 = 12 of 20 -> 60 of 100
        Map<String, Double> values = Map.of(items.get(0), 3.0, items.get(1), 2.0, items.get(2), 4.0, items.get(3), 1.0, items.get(4), 2.0);
        ScaleReport total = RatingTotals.of(scale, values);
        assertThat(total.kind()).isEqualTo("sum");
        assertThat(total.total()).isEqualTo(12.0);
        assertThat(total.rescaled()).isCloseTo(60.0, within(EXACT));
        assertThat(total.reason()).isNull();
    }

    @Test
    void a_missing_item_leaves_the_total_missing_with_a_reason_naming_the_item() {
        Codebook.RatingScale scale = ShippedCodebooks.byKey("option-5").orElseThrow().ratingScales().get(0);
        List<String> items = scale.items().stream().map(Codebook.RatingItem::key).toList();
        Map<String, Double> four = Map.of(items.get(0), 4.0, items.get(1), 4.0, items.get(2), 4.0, items.get(3), 4.0);
        ScaleReport total = RatingTotals.of(scale, four);
        assertThat(total.total()).isNull();
        assertThat(total.rescaled()).isNull();
        assertThat(total.reason()).contains("1 of 5 items are not rated").contains(items.get(4));
        assertThat(total.items()).containsEntry(items.get(4), null).containsEntry(items.get(0), 4.0);
    }

    @Test
    void a_mean_total_is_rescaled_from_the_range_of_the_item_means() {
        Codebook.RatingItem a = new Codebook.RatingItem("a", null, null, 1, 7, List.of());
        Codebook.RatingItem b = new Codebook.RatingItem("b", null, null, 1, 7, List.of());
        Codebook.RatingScale scale = new Codebook.RatingScale("bond", null, null, null, List.of(a, b),
                new Codebook.Total(Codebook.TotalKind.MEAN, 0.0, 100.0));
        ScaleReport total = RatingTotals.of(scale, Map.of("a", 4.0, "b", 5.0));
        assertThat(total.total()).isCloseTo(4.5, within(EXACT));
        assertThat(total.rescaled()).isCloseTo((4.5 - 1) / 6 * 100, within(EXACT));
    }

    @Test
    void a_scale_without_a_total_reports_its_items_and_says_why_there_is_no_total() {
        Codebook rias = ShippedCodebooks.byKey("rias-werk-inkomen").orElseThrow();
        Codebook.RatingScale affect = rias.ratingScales().get(0);
        ScaleReport r = RatingTotals.of(affect, Map.of(affect.items().get(0).key(), 2.0));
        assertThat(r.total()).isNull();
        assertThat(r.reason()).contains("no total");
        assertThat(r.items()).containsEntry(affect.items().get(0).key(), 2.0);
    }

    @Test
    void the_session_report_carries_the_ratings_of_every_scale_of_the_codebook() throws IOException {
        SessionReport r = SessionReports.of(small(), session(Map.of("option5", Map.of("i1", 3.0))));
        assertThat(r.ratings()).hasSize(1);
        assertThat(r.ratings().get(0).total()).isEqualTo(3.0);
        assertThat(r.ratings().get(0).rescaled()).isCloseTo(75.0, within(EXACT));
        assertThat(r.ratings().get(0).rated()).isEqualTo(SpeakerRole.PROFESSIONAL);
    }

    private static CompositeValue composite(RoleReport role, String key) {
        return role.composites().stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow();
    }
}
