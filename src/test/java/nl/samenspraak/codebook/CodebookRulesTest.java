package nl.samenspraak.codebook;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static nl.samenspraak.codebook.SmallCodebook.at;
import static nl.samenspraak.codebook.SmallCodebook.readWith;
import static org.assertj.core.api.Assertions.assertThat;

/** One test per rule of the format, each breaking the small codebook in one or two places. */
class CodebookRulesTest {

    private static String messageAt(CodebookValidation check, String path) {
        return check.problems().stream().filter(p -> p.path().equals(path)).findFirst()
                .map(Problem::message).orElseThrow(() -> new AssertionError("no problem at " + path + ": " + check.problems()));
    }

    @Test
    void duplicate_hotkey_in_a_dimension_is_reported_with_its_path() {
        CodebookValidation check = readWith(root -> at(root, "/dimensions/0/codes/2").put("hotkey", "t"));
        assertThat(check.problems()).extracting(Problem::path).containsExactly("$.dimensions[0].codes[2].hotkey");
        assertThat(messageAt(check, "$.dimensions[0].codes[2].hotkey")).contains("hotkey 't'", "$.dimensions[0].codes[0].hotkey");
    }

    @Test
    void hotkeys_are_case_sensitive_and_may_repeat_across_dimensions() {
        assertThat(readWith(root -> at(root, "/dimensions/0/codes/2").put("hotkey", "T")).isValid()).isTrue();
    }

    @Test
    void hotkey_must_be_one_printable_character_and_not_reserved() {
        CodebookValidation check = readWith(root -> {
            at(root, "/dimensions/0/codes/0").put("hotkey", "tt");
            at(root, "/dimensions/0/codes/1").put("hotkey", "j");
            at(root, "/dimensions/0/codes/2").put("hotkey", "\t");
            at(root, "/dimensions/1/codes/0").put("hotkey", " ");
        });
        assertThat(messageAt(check, "$.dimensions[0].codes[0].hotkey")).contains("exactly one character");
        assertThat(messageAt(check, "$.dimensions[0].codes[1].hotkey")).contains("reserved");
        assertThat(messageAt(check, "$.dimensions[0].codes[2].hotkey")).contains("printable");
        assertThat(messageAt(check, "$.dimensions[1].codes[0].hotkey")).contains("reserved");
    }

    @Test
    void invalid_colour_and_unknown_role_are_reported() {
        CodebookValidation check = readWith(root -> {
            at(root, "/dimensions/0/codes/0").put("colour", "blue");
            ((ArrayNode) root.at("/dimensions/0/codes/1/roles")).add("coach");
            at(root, "/ratingScales/0").put("rated", "patient");
            ((ArrayNode) root.at("/composites/0/roles")).add("clint");
        });
        assertThat(check.problems()).extracting(Problem::path).containsExactlyInAnyOrder(
                "$.dimensions[0].codes[0].colour", "$.dimensions[0].codes[1].roles[1]",
                "$.ratingScales[0].rated", "$.composites[0].roles[1]");
        assertThat(messageAt(check, "$.dimensions[0].codes[0].colour")).contains("#rrggbb");
    }

    @Test
    void code_in_an_unknown_group_is_reported() {
        CodebookValidation check = readWith(root -> at(root, "/dimensions/1/codes/0").put("group", "talk"));
        assertThat(messageAt(check, "$.dimensions[1].codes[0].group")).contains("'talk'");
    }

    @Test
    void group_with_unknown_parent_is_reported() {
        CodebookValidation check = readWith(root -> at(root, "/dimensions/0/groups/1").put("parent", "chat"));
        assertThat(messageAt(check, "$.dimensions[0].groups[1].parent")).contains("'chat'");
    }

    @Test
    void cyclic_groups_are_reported() {
        CodebookValidation check = readWith(root -> at(root, "/dimensions/0/groups/0").put("parent", "choice"));
        assertThat(messageAt(check, "$.dimensions[0].groups[0].parent")).contains("own ancestor", "talk → choice → talk");
        assertThat(messageAt(check, "$.dimensions[0].groups[1].parent")).contains("own ancestor");
    }

    @Test
    void composite_naming_unknown_dimension_or_codes_is_reported() {
        CodebookValidation check = readWith(root -> {
            at(root, "/composites/0").put("dimension", "stap");
            ((ArrayNode) root.at("/composites/1/numerator")).add("team").add("shout");
            ((ArrayNode) root.at("/composites/1/denominator")).add("ask");
        });
        assertThat(messageAt(check, "$.composites[0].dimension")).contains("'stap'");
        assertThat(messageAt(check, "$.composites[1].numerator[1]")).contains("belongs to the dimension 'step'");
        assertThat(messageAt(check, "$.composites[1].numerator[2]")).contains("'shout'");
        assertThat(messageAt(check, "$.composites[1].denominator[2]")).contains("twice");
    }

    @Test
    void dimension_without_codes_is_reported() {
        CodebookValidation check = readWith(root -> {
            at(root, "/dimensions/1").putArray("codes");
            root.remove("composites");
        });
        assertThat(messageAt(check, "$.dimensions[1].codes")).contains("at least one code");
    }

    @Test
    void composite_with_empty_numerator_is_reported() {
        CodebookValidation check = readWith(root -> at(root, "/composites/0").putArray("numerator"));
        assertThat(messageAt(check, "$.composites[0].numerator")).contains("at least one code");
    }

    @Test
    void rating_item_with_min_not_below_max_is_reported() {
        CodebookValidation check = readWith(root -> at(root, "/ratingScales/0/items/0").put("min", 4));
        assertThat(messageAt(check, "$.ratingScales[0].items[0].max")).contains("greater than the minimum (4)");
    }

    @Test
    void anchor_outside_range_and_duplicate_anchor_values_are_reported() {
        CodebookValidation check = readWith(root -> {
            ArrayNode anchors = (ArrayNode) root.at("/ratingScales/0/items/0/anchors");
            ((ObjectNode) anchors.get(1)).put("value", 5);
            anchors.add(anchors.get(0).deepCopy());
        });
        assertThat(messageAt(check, "$.ratingScales[0].items[0].anchors[1].value")).contains("outside", "0..4");
        assertThat(messageAt(check, "$.ratingScales[0].items[0].anchors[2].value")).contains("used twice");
    }

    @Test
    void rescale_with_only_one_bound_is_reported() {
        CodebookValidation check = readWith(root -> at(root, "/ratingScales/0/total").remove("rescaleMax"));
        assertThat(messageAt(check, "$.ratingScales[0].total.rescaleMax")).contains("both");
    }

    @Test
    void unknown_total_kind_is_reported() {
        CodebookValidation check = readWith(root -> at(root, "/ratingScales/0/total").put("kind", "median"));
        assertThat(messageAt(check, "$.ratingScales[0].total.kind")).contains("sum or mean");
    }

    @Test
    void wrong_json_types_are_reported_not_thrown() {
        CodebookValidation check = readWith(root -> {
            root.put("dimensions", "step");
            root.put("title", "Klein");
            at(root, "/ratingScales/0/items/0").put("max", "4");
        });
        assertThat(check.problems()).extracting(Problem::path).contains(
                "$.dimensions", "$.title", "$.ratingScales[0].items[0].max");
    }

    @Test
    void many_problems_are_reported_in_one_pass() {
        CodebookValidation check = readWith(root -> {
            root.remove("version");
            at(root, "/dimensions/0/codes/2").put("hotkey", "t");
            at(root, "/dimensions/0/codes/0").put("colour", "#12345");
            at(root, "/ratingScales/0/items/0").put("max", 0);
            at(root, "/composites/0").putArray("numerator");
        });
        assertThat(check.problems()).hasSize(5);
        assertThat(check.codebook()).isEmpty();
    }
}
