package nl.samenspraak.codebook;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static nl.samenspraak.codebook.SmallCodebook.at;
import static nl.samenspraak.codebook.SmallCodebook.readWith;
import static org.assertj.core.api.Assertions.assertThat;

class CodebookReaderTest {

    @Test
    void small_codebook_reads_into_records() {
        Codebook cb = CodebookReader.read("small.json", SmallCodebook.bytes()).orElseThrow();
        assertThat(cb.key()).isEqualTo("small");
        assertThat(cb.dimension("step").orElseThrow().code("option").orElseThrow().roles())
                .containsExactly(SpeakerRole.PROFESSIONAL);
        assertThat(cb.composites().get(1).isRatio()).isTrue();
        Codebook.RatingScale scale = cb.ratingScale("option5").orElseThrow();
        assertThat(scale.rated()).isEqualTo(SpeakerRole.PROFESSIONAL);
        assertThat(scale.total()).isEqualTo(new Codebook.Total(Codebook.TotalKind.SUM, 0.0, 100.0));
        assertThat(scale.items().get(0).min()).isZero();
    }

    @Test
    void writing_and_reading_again_gives_the_same_codebook_and_hash() {
        Codebook cb = CodebookReader.read("small.json", SmallCodebook.bytes()).orElseThrow();
        Codebook again = CodebookReader.read("again", CodebookWriter.toJson(cb)).orElseThrow();
        assertThat(again).isEqualTo(cb);
        assertThat(CodebookWriter.sha256(again)).isEqualTo(CodebookWriter.sha256(cb)).hasSize(64);
        assertThat(CodebookWriter.toJson(cb)).doesNotContain("\"ratio\"").contains("\"min\" : 0");
    }

    @Test
    void malformed_json_is_one_problem_naming_line_and_column() {
        CodebookValidation check = CodebookReader.read("broken.json", "{\n  \"key\": \"x\",\n  \"title\" {}\n}");
        assertThat(check.isValid()).isFalse();
        assertThat(check.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("line 3, column 11");
            assertThat(p.message()).startsWith("The file is not valid JSON at line 3, column 11");
        });
    }

    @Test
    void a_key_given_twice_in_one_object_is_malformed() {
        CodebookValidation check = CodebookReader.read("dup.json", "{\"key\": \"a\", \"key\": \"b\"}");
        assertThat(check.problems()).singleElement().extracting(Problem::message).asString().contains("key");
    }

    @Test
    void empty_file_is_reported() {
        assertThat(CodebookReader.read("empty.json", new byte[0]).problems())
                .extracting(Problem::message).singleElement().asString().contains("empty");
    }

    @Test
    void missing_required_fields_are_all_reported_with_their_paths() {
        CodebookValidation check = readWith(root -> {
            root.remove("key");
            root.remove("version");
            at(root, "/dimensions/0").remove("label");
            at(root, "/ratingScales/0/items/0").remove("min");
        });
        assertThat(check.codebook()).isEmpty();
        assertThat(check.problems()).extracting(Problem::path).containsExactlyInAnyOrder(
                "$.key", "$.version", "$.dimensions[0].label", "$.ratingScales[0].items[0].min");
        assertThat(check.problems()).allSatisfy(p -> assertThat(p.message()).endsWith("."));
    }

    @Test
    void missing_dutch_or_english_text_is_reported_wherever_a_text_is_given() {
        CodebookValidation check = readWith(root -> {
            ((ObjectNode) root.get("title")).remove("nl");
            at(root, "/dimensions/0/codes/1/examples/0").put("en", " ");
            at(root, "/dimensions/1/codes/0").putObject("definition").put("nl", "Stelt een vraag.");
        });
        assertThat(check.problems()).extracting(Problem::path).containsExactlyInAnyOrder(
                "$.title.nl", "$.dimensions[0].codes[1].examples[0].en", "$.dimensions[1].codes[0].definition.en");
        assertThat(check.problems().get(0).message()).contains("Dutch");
    }

    @Test
    void duplicate_keys_are_reported_at_the_second_use() {
        CodebookValidation check = readWith(root -> {
            at(root, "/dimensions/1").put("key", "step");
            at(root, "/dimensions/0/codes/2").put("key", "team");
            at(root, "/dimensions/0/groups/1").put("key", "talk");
            at(root, "/composites/1").put("key", "choice_talk");
            ((ArrayNode) root.get("ratingScales")).add(root.get("ratingScales").get(0).deepCopy());
            ((ArrayNode) root.at("/ratingScales/0/items")).add(root.at("/ratingScales/0/items/0").deepCopy());
        });
        assertThat(check.problems()).extracting(Problem::path).contains(
                "$.dimensions[1].key", "$.dimensions[0].codes[2].key", "$.dimensions[0].groups[1].key",
                "$.composites[1].key", "$.ratingScales[1].key", "$.ratingScales[0].items[1].key");
        assertThat(check.problems()).filteredOn(p -> p.path().equals("$.dimensions[0].codes[2].key"))
                .singleElement().extracting(Problem::message).asString()
                .contains("'team'", "first used at $.dimensions[0].codes[0].key");
    }

    @Test
    void same_code_key_in_two_dimensions_is_fine() {
        assertThat(readWith(root -> ((ArrayNode) root.at("/dimensions/1/codes")).addObject()
                .put("key", "other").set("label", root.at("/dimensions/0/codes/2/label"))).isValid()).isTrue();
    }

    @Test
    void keys_that_are_not_simple_identifiers_are_reported() {
        CodebookValidation check = readWith(root -> {
            root.put("key", "Small Codebook");
            ((ArrayNode) root.at("/dimensions/1/codes")).addObject()
                    .put("key", "tell-2.x_y").set("label", root.at("/dimensions/0/codes/2/label"));
            at(root, "/dimensions/0/codes/2").put("key", "Overig");
        });
        assertThat(check.problems()).extracting(Problem::path)
                .containsExactlyInAnyOrder("$.key", "$.dimensions[0].codes[2].key");
        assertThat(check.problems().get(0).message()).contains("'Small Codebook'", "a-z");
    }

    @Test
    void unknown_fields_are_reported_so_typos_do_not_vanish() {
        CodebookValidation check = readWith(root -> at(root, "/dimensions/0/codes/0").put("hotKey", "x"));
        assertThat(check.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("$.dimensions[0].codes[0].hotKey");
            assertThat(p.message()).contains("hotkey");
        });
    }

    @Test
    void codebook_without_dimensions_or_scales_is_refused() {
        CodebookValidation check = readWith(root -> {
            root.remove("dimensions");
            root.remove("composites");
            root.remove("ratingScales");
        });
        assertThat(check.problems()).extracting(Problem::path).containsExactly("$");
    }

    @Test
    void codebook_with_only_a_rating_scale_is_valid() {
        assertThat(readWith(root -> {
            root.remove("dimensions");
            root.remove("composites");
        }).isValid()).isTrue();
    }
}
