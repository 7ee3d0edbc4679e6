package nl.samenspraak.codebook;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks composites: each names a dimension of the codebook and only codes of that dimension. */
final class CompositeValidator {
    private static final Set<String> FIELDS =
            Set.of("key", "label", "description", "dimension", "numerator", "denominator", "roles");

    private final ValidationContext c;
    /** dimension key → its code keys, read from the tree so that this works on an invalid file too. */
    private final Map<String, Set<String>> codesByDimension = new HashMap<>();

    CompositeValidator(ValidationContext c, List<JsonNode> dimensions) {
        this.c = c;
        for (JsonNode d : dimensions) {
            if (!d.isObject() || !d.path("key").isTextual()) continue;
            Set<String> codes = codesByDimension.computeIfAbsent(d.get("key").asText(), k -> new HashSet<>());
            d.path("codes").forEach(code -> {
                if (code.path("key").isTextual()) codes.add(code.get("key").asText());
            });
        }
    }

    void check(List<JsonNode> composites) {
        Map<String, String> keys = new HashMap<>();
        for (int i = 0; i < composites.size(); i++) {
            String path = "$.composites[" + i + "]";
            JsonNode comp = composites.get(i);
            if (!c.isObject(comp, Problem.at(path, "codebook.compositeNotObject", "A composite must be a JSON object {...}."))) continue;
            c.knownFields(comp, path, FIELDS);
            c.unique(c.key(comp, path), path + ".key", keys, (at, k, first) -> Problem.at(at, "codebook.compositeKeyTwice", "The composite key '" + k + "' is used twice; it is first used at " + first + ".")
                    .with("key", k).with("first", first));
            c.text(comp, path, "label", true);
            c.text(comp, path, "description", false);
            c.roles(comp, path);
            String dimension = c.string(comp, path, "dimension", true);
            if (dimension != null && !codesByDimension.containsKey(dimension)) {
                c.add(Problem.at(path + ".dimension", "codebook.compositeDimensionUnknown", "The composite names the dimension '" + dimension
                        + "', which this codebook does not have.").with("dimension", dimension));
                dimension = null;
            }
            List<JsonNode> numerator = c.array(comp, path, "numerator");
            if (numerator.isEmpty()) {
                c.add(Problem.at(path + ".numerator", "codebook.numeratorEmpty", "The numerator must list at least one code."));
            }
            codeList(numerator, path + ".numerator", dimension);
            codeList(c.array(comp, path, "denominator"), path + ".denominator", dimension);
        }
    }

    private void codeList(List<JsonNode> codes, String path, String dimension) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String p = path + "[" + i + "]";
            JsonNode code = codes.get(i);
            if (!code.isTextual()) {
                c.add(Problem.at(p, "codebook.compositeCodeNotText", "A composite lists code keys as texts, not " + code + ".").with("value", code.toString()));
            } else if (!seen.add(code.asText())) {
                c.add(Problem.at(p, "codebook.compositeCodeTwice", "The code '" + code.asText() + "' is listed twice; it would be counted twice.")
                        .with("code", code.asText()));
            } else if (dimension != null) {
                known(code.asText(), p, dimension);
            }
        }
    }

    private void known(String code, String path, String dimension) {
        if (codesByDimension.get(dimension).contains(code)) return;
        String other = codesByDimension.entrySet().stream()
                .filter(e -> e.getValue().contains(code)).map(Map.Entry::getKey).findFirst().orElse(null);
        c.add(other == null
                ? Problem.at(path, "codebook.compositeCodeUnknown", "The code '" + code + "' is not a code of the dimension '" + dimension + "'.")
                        .with("code", code).with("dimension", dimension)
                : Problem.at(path, "codebook.compositeCodeOtherDimension", "The code '" + code + "' belongs to the dimension '" + other + "', not to '" + dimension
                        + "'; a composite counts codes of one dimension.").with("code", code).with("other", other).with("dimension", dimension));
    }
}
