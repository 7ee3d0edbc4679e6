package nl.samenspraak.codebook;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Set;

/**
 * Checks a codebook JSON tree against the format in {@code codebooks/README.md} and returns every
 * problem at once, each with its JSON path. Works on the tree, not on records, because a broken
 * file cannot be bound to records and the paths must point into the file as written.
 */
final class CodebookValidator {
    private static final Set<String> FIELDS =
            Set.of("key", "title", "version", "description", "dimensions", "composites", "ratingScales");

    private CodebookValidator() {}

    static List<Problem> validate(JsonNode root) {
        ValidationContext c = new ValidationContext();
        if (!c.isObject(root, Problem.at("$", "codebook.codebookNotObject", "A codebook must be a JSON object {...}."))) return c.problems();
        c.knownFields(root, "$", FIELDS);
        c.key(root, "$");
        c.text(root, "$", "title", true);
        c.string(root, "$", "version", true);
        c.text(root, "$", "description", false);
        List<JsonNode> dimensions = c.array(root, "$", "dimensions");
        List<JsonNode> scales = c.array(root, "$", "ratingScales");
        if (dimensions.isEmpty() && scales.isEmpty()) {
            c.add(Problem.at("$", "codebook.nothingToCode", "A codebook needs at least one dimension or one rating scale."));
        }
        new DimensionValidator(c).check(dimensions);
        new CompositeValidator(c, dimensions).check(c.array(root, "$", "composites"));
        new ScaleValidator(c).check(scales);
        return c.problems();
    }
}
