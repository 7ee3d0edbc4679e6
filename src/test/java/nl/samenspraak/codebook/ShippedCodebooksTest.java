package nl.samenspraak.codebook;

import nl.samenspraak.app.CodebookCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ShippedCodebooksTest {

    static List<String> names() { return ShippedCodebooks.names(); }

    @Test
    void index_lists_the_six_shipped_codebooks() {
        assertThat(ShippedCodebooks.names()).containsExactly("samen-beslissen.json", "rias-werk-inkomen.json",
                "option-5.json", "working-alliance.json", "miti-4.2.1.json", "client-card-arnhem.json");
        assertThat(ShippedCodebooks.all()).hasSize(6);
    }

    @Test
    void the_arnhem_client_card_is_one_scale_of_seven_smiley_items_from_1_to_5() {
        Codebook card = ShippedCodebooks.byKey("client-card-arnhem").orElseThrow();
        assertThat(card.dimensions()).isEmpty();
        assertThat(card.ratingScales()).hasSize(1);
        Codebook.RatingScale scale = card.ratingScales().get(0);
        assertThat(scale.items()).hasSize(7).allMatch(i -> i.min() == 1 && i.max() == 5 && i.anchors().size() == 5);
        assertThat(scale.items().get(0).label().en()).isEqualTo("My coach listened to me");
        assertThat(scale.items().get(6).label().nl()).isEqualTo("Ik weet nu wat ik moet doen");
    }

    @ParameterizedTest
    @MethodSource("names")
    void every_shipped_codebook_validates_and_its_key_is_its_file_name(String name) {
        CodebookValidation check = ShippedCodebooks.check(name);
        assertThat(check.problems()).isEmpty();
        assertThat(check.orElseThrow().key() + ".json").isEqualTo(name);
    }

    @ParameterizedTest
    @MethodSource("names")
    void every_unit_of_every_role_can_get_a_code_in_every_dimension(String name) {
        for (Codebook.Dimension d : ShippedCodebooks.check(name).orElseThrow().dimensions()) {
            for (SpeakerRole role : SpeakerRole.values()) {
                assertThat(d.codes()).as(d.key() + " for " + role).anyMatch(c -> c.appliesTo(role));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void every_code_has_a_hotkey_a_colour_and_a_definition(String name) {
        ShippedCodebooks.check(name).orElseThrow().dimensions().stream().flatMap(d -> d.codes().stream())
                .forEach(c -> assertThat(c).as(c.key())
                        .matches(x -> x.hotkey() != null && x.colour() != null && x.definition() != null));
    }

    @ParameterizedTest
    @MethodSource("names")
    void written_json_reads_back_to_the_same_codebook(String name) {
        Codebook cb = ShippedCodebooks.check(name).orElseThrow();
        assertThat(CodebookReader.read("again", CodebookWriter.toJson(cb)).orElseThrow()).isEqualTo(cb);
    }

    @Test
    void rias_has_about_forty_categories_split_into_socio_emotional_and_task_focused() {
        Codebook rias = ShippedCodebooks.byKey("rias-werk-inkomen").orElseThrow();
        Codebook.Dimension d = rias.dimensions().get(0);
        assertThat(d.codes()).hasSizeBetween(40, 46);
        Set<String> tops = d.groups().stream().filter(g -> g.parent() == null).map(Codebook.Group::key).collect(Collectors.toSet());
        assertThat(tops).contains("socio-emotional", "task");
        assertThat(rias.ratingScales()).extracting(Codebook.RatingScale::rated)
                .containsExactly(SpeakerRole.PROFESSIONAL, SpeakerRole.CLIENT);
    }

    @Test
    void the_example_in_the_readme_is_a_valid_codebook() throws java.io.IOException {
        String readme;
        try (java.io.InputStream in = getClass().getClassLoader().getResourceAsStream("codebooks/README.md")) {
            readme = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        int start = readme.indexOf("```json\n") + "```json\n".length();
        String example = readme.substring(start, readme.indexOf("```", start));
        CodebookValidation check = CodebookReader.read("README.md", example);
        assertThat(check.problems()).isEmpty();
        assertThat(CodebookCommand.summary(check.orElseThrow()))
                .isEqualTo("demo 1.0: 1 dimension, 4 codes, 2 composites, 1 rating scale, 2 items");
    }

    @Test
    void option_5_sums_five_items_of_0_to_4_onto_0_to_100() {
        Codebook.RatingScale s = ShippedCodebooks.byKey("option-5").orElseThrow().ratingScales().get(0);
        assertThat(s.items()).hasSize(5).allMatch(i -> i.min() == 0 && i.max() == 4 && i.anchors().size() == 5);
        assertThat(s.total()).isEqualTo(new Codebook.Total(Codebook.TotalKind.SUM, 0.0, 100.0));
    }

    @Test
    void miti_summary_composites_are_ratios_where_they_should_be() {
        Codebook miti = ShippedCodebooks.byKey("miti-4.2.1").orElseThrow();
        assertThat(miti.composites()).filteredOn(Codebook.Composite::isRatio).extracting(Codebook.Composite::key)
                .containsExactlyInAnyOrder("complex-reflection-share", "reflection-question-ratio");
        assertThat(miti.ratingScales()).flatExtracting(Codebook.RatingScale::items).hasSize(4);
    }
}
