package nl.samenspraak.codebook;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks rating scales: their items, ranges, anchors and total. */
final class ScaleValidator {
    private static final Set<String> SCALE_FIELDS = Set.of("key", "label", "description", "rated", "items", "total");
    private static final Set<String> ITEM_FIELDS = Set.of("key", "label", "definition", "min", "max", "anchors");
    private static final Set<String> ANCHOR_FIELDS = Set.of("value", "label");
    private static final Set<String> TOTAL_FIELDS = Set.of("kind", "rescaleMin", "rescaleMax");

    private final ValidationContext c;

    ScaleValidator(ValidationContext c) { this.c = c; }

    void check(List<JsonNode> scales) {
        Map<String, String> keys = new HashMap<>();
        for (int i = 0; i < scales.size(); i++) {
            String path = "$.ratingScales[" + i + "]";
            JsonNode s = scales.get(i);
            if (!c.isObject(s, Problem.at(path, "codebook.scaleNotObject", "A rating scale must be a JSON object {...}."))) continue;
            c.knownFields(s, path, SCALE_FIELDS);
            c.unique(c.key(s, path), path + ".key", keys, (at, k, first) -> Problem.at(at, "codebook.scaleKeyTwice", "The rating scale key '" + k + "' is used twice; it is first used at " + first + ".")
                    .with("key", k).with("first", first));
            c.text(s, path, "label", true);
            c.text(s, path, "description", false);
            c.role(s, path, "rated");
            List<JsonNode> items = c.array(s, path, "items");
            if (items.isEmpty()) c.add(Problem.at(path + ".items", "codebook.scaleWithoutItems", "A rating scale needs at least one item."));
            Map<String, String> itemKeys = new HashMap<>();
            for (int j = 0; j < items.size(); j++) item(items.get(j), path + ".items[" + j + "]", itemKeys);
            if (s.has("total")) total(s.get("total"), path + ".total");
        }
    }

    private void item(JsonNode item, String path, Map<String, String> keys) {
        if (!c.isObject(item, Problem.at(path, "codebook.itemNotObject", "A rating item must be a JSON object {...}."))) return;
        c.knownFields(item, path, ITEM_FIELDS);
        c.unique(c.key(item, path), path + ".key", keys, (at, k, first) -> Problem.at(at, "codebook.itemKeyTwice", "The item key '" + k + "' is used twice; it is first used at " + first + ".")
                    .with("key", k).with("first", first));
        c.text(item, path, "label", true);
        c.text(item, path, "definition", false);
        Integer min = c.integer(item, path, "min", true);
        Integer max = c.integer(item, path, "max", true);
        boolean range = min != null && max != null;
        if (range && min >= max) {
            c.add(Problem.at(path + ".max", "codebook.maxNotAboveMin", "The maximum (" + max + ") must be greater than the minimum (" + min + ").")
                    .with("max", max).with("min", min));
            range = false;
        }
        List<JsonNode> anchors = c.array(item, path, "anchors");
        Map<String, String> values = new HashMap<>();
        for (int a = 0; a < anchors.size(); a++) {
            String p = path + ".anchors[" + a + "]";
            JsonNode anchor = anchors.get(a);
            if (!c.isObject(anchor, Problem.at(p, "codebook.anchorNotObject", "An anchor must be a JSON object {...}."))) continue;
            c.knownFields(anchor, p, ANCHOR_FIELDS);
            c.text(anchor, p, "label", true);
            Integer value = c.integer(anchor, p, "value", true);
            if (value == null) continue;
            c.unique(String.valueOf(value), p + ".value", values, (at, k, first) -> Problem.at(at, "codebook.anchorValueTwice", "The anchor value '" + k + "' is used twice; it is first used at " + first + ".")
                    .with("key", k).with("first", first));
            if (range && (value < min || value > max)) {
                c.add(Problem.at(p + ".value", "codebook.anchorOutsideRange", "The anchor value " + value + " lies outside the item's range "
                        + min + ".." + max + ".").with("value", value).with("min", min).with("max", max));
            }
        }
    }

    private void total(JsonNode total, String path) {
        if (!c.isObject(total, Problem.at(path, "codebook.totalNotObject", "The total must be a JSON object {...}."))) return;
        c.knownFields(total, path, TOTAL_FIELDS);
        String kind = c.string(total, path, "kind", true);
        if (kind != null && Codebook.TotalKind.fromKey(kind) == null) {
            c.add(Problem.at(path + ".kind", "codebook.unknownTotalKind", "The total kind '" + kind + "' is unknown; use sum or mean.").with("kind", kind));
        }
        Double lo = c.number(total, path, "rescaleMin");
        Double hi = c.number(total, path, "rescaleMax");
        boolean hasLo = total.hasNonNull("rescaleMin");
        boolean hasHi = total.hasNonNull("rescaleMax");
        if (hasLo != hasHi) {
            c.add(Problem.at(path + (hasLo ? ".rescaleMax" : ".rescaleMin"), "codebook.rescaleHalf",
                    "Rescaling needs both rescaleMin and rescaleMax, or neither."));
        } else if (lo != null && hi != null && lo >= hi) {
            c.add(Problem.at(path + ".rescaleMax", "codebook.rescaleNotAscending", "rescaleMax (" + hi + ") must be greater than rescaleMin (" + lo + ").")
                    .with("hi", hi).with("lo", lo));
        }
    }
}
