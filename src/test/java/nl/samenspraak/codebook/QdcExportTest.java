package nl.samenspraak.codebook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class QdcExportTest {

    static List<String> names() { return ShippedCodebooks.names(); }

    @ParameterizedTest
    @MethodSource("names")
    void qdc_export_of_every_shipped_codebook_is_valid_against_the_refi_qda_schema(String name) throws Exception {
        Codebook cb = ShippedCodebooks.check(name).orElseThrow();
        Xsd.validateCodebook(QdcWriter.write(cb));
        Xsd.validateCodebook(QdcWriter.write(cb, "nl"));
    }

    @Test
    void exporting_twice_gives_the_same_bytes_and_guids() {
        Codebook cb = ShippedCodebooks.byKey("rias-werk-inkomen").orElseThrow();
        assertThat(QdcWriter.write(cb)).isEqualTo(QdcWriter.write(cb));
        assertThat(QdcWriter.guid(cb, "code/category/agree")).isEqualTo(QdcWriter.guid(cb, "code/category/agree"))
                .isNotEqualTo(QdcWriter.guid(cb, "code/category/approve"));
    }

    @Test
    void export_uses_the_chosen_language_and_carries_definitions_and_colours() {
        Codebook cb = ShippedCodebooks.byKey("samen-beslissen").orElseThrow();
        String nl = new String(QdcWriter.write(cb, "nl"), StandardCharsets.UTF_8);
        String en = new String(QdcWriter.write(cb), StandardCharsets.UTF_8);
        assertThat(nl).contains("name=\"Teamgesprek\"", "xmlns=\"urn:QDA-XML:codebook:1.0\"", "color=\"#1f77b4\"");
        assertThat(en).contains("name=\"Team talk\"", "isCodable=\"false\"", "<Sets>", "Examples:");
    }

    @ParameterizedTest
    @MethodSource("roundTripped")
    void qdc_round_trip_keeps_dimensions_codes_groups_and_colours(String key) {
        Codebook original = ShippedCodebooks.byKey(key).orElseThrow();
        Codebook back = QdcReader.read(key + ".qdc", QdcWriter.write(original)).orElseThrow();
        assertThat(back.key()).isEqualTo(key);
        assertThat(back.dimensions()).extracting(d -> d.label().en())
                .isEqualTo(original.dimensions().stream().map(d -> d.label().en()).toList());
        for (int i = 0; i < original.dimensions().size(); i++) {
            Codebook.Dimension o = original.dimensions().get(i);
            Codebook.Dimension b = back.dimensions().get(i);
            // A tree format orders codes by group, so compare per code, not by position.
            assertThat(b.codes().stream().map(c -> summary(b, c)).toList())
                    .containsExactlyInAnyOrderElementsOf(o.codes().stream().map(c -> summary(o, c)).toList());
            assertThat(b.codes()).allMatch(c -> c.hotkey() != null);
        }
        long sets = original.composites().stream().mapToLong(c -> c.isRatio() ? 2 : 1).sum();
        assertThat(back.composites()).hasSize((int) sets);
        assertThat(back.ratingScales()).isEmpty();
    }

    /** Label, colour, group path and the definition's first paragraph: what a round trip must keep. */
    private static List<String> summary(Codebook.Dimension d, Codebook.Code c) {
        String definition = c.definition() == null ? "" : c.definition().en().split("\n\n")[0];
        return List.of(c.label().en(), String.valueOf(c.colour()), groupPath(d, c.group()), definition);
    }

    static List<String> roundTripped() { return List.of("samen-beslissen", "rias-werk-inkomen", "miti-4.2.1"); }

    /** The labels of a group and its ancestors, "Task-focused > Open questions": structure, not keys. */
    private static String groupPath(Codebook.Dimension d, String group) {
        Map<String, Codebook.Group> byKey = d.groups().stream().collect(Collectors.toMap(Codebook.Group::key, Function.identity()));
        StringBuilder path = new StringBuilder();
        for (Codebook.Group g = group == null ? null : byKey.get(group); g != null; g = g.parent() == null ? null : byKey.get(g.parent())) {
            path.insert(0, path.isEmpty() ? g.label().en() : g.label().en() + " > ");
        }
        return path.toString();
    }
}
