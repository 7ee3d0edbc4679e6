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
            if (!c.isObject(s, path, "A rating scale")) continue;
            c.knownFields(s, path, SCALE_FIELDS);
            c.unique(c.key(s, path), path + ".key", keys, "rating scale key");
            c.text(s, path, "label", true);
            c.text(s, path, "description", false);
            c.role(s, path, "rated");
            List<JsonNode> items = c.array(s, path, "items");
            if (items.isEmpty()) c.add(path + ".items", "A rating scale needs at least one item.");
            Map<String, String> itemKeys = new HashMap<>();
            for (int j = 0; j < items.size(); j++) item(items.get(j), path + ".items[" + j + "]", itemKeys);
            if (s.has("total")) total(s.get("total"), path + ".total");
        }
    }

    private void item(JsonNode item, String path, Map<String, String> keys) {
        if (!c.isObject(item, path, "A rating item")) return;
        c.knownFields(item, path, ITEM_FIELDS);
        c.unique(c.key(item, path), path + ".key", keys, "item key");
        c.text(item, path, "label", true);
        c.text(item, path, "definition", false);
        Integer min = c.integer(item, path, "min", true);
        Integer max = c.integer(item, path, "max", true);
        boolean range = min != null && max != null;
        if (range && min >= max) {
            c.add(path + ".max", "The maximum (" + max + ") must be greater than the minimum (" + min + ").");
            range = false;
        }
        List<JsonNode> anchors = c.array(item, path, "anchors");
        Map<String, String> values = new HashMap<>();
        for (int a = 0; a < anchors.size(); a++) {
            String p = path + ".anchors[" + a + "]";
            JsonNode anchor = anchors.get(a);
            if (!c.isObject(anchor, p, "An anchor")) continue;
            c.knownFields(anchor, p, ANCHOR_FIELDS);
            c.text(anchor, p, "label", true);
            Integer value = c.integer(anchor, p, "value", true);
            if (value == null) continue;
            c.unique(String.valueOf(value), p + ".value", values, "anchor value");
            if (range && (value < min || value > max)) {
                c.add(p + ".value", "The anchor value " + value + " lies outside the item's range "
                        + min + ".." + max + ".");
            }
        }
    }

    private void total(JsonNode total, String path) {
        if (!c.isObject(total, path, "The total")) return;
        c.knownFields(total, path, TOTAL_FIELDS);
        String kind = c.string(total, path, "kind", true);
        if (kind != null && Codebook.TotalKind.fromKey(kind) == null) {
            c.add(path + ".kind", "The total kind '" + kind + "' is unknown; use sum or mean.");
        }
        Double lo = c.number(total, path, "rescaleMin");
        Double hi = c.number(total, path, "rescaleMax");
        boolean hasLo = total.hasNonNull("rescaleMin");
        boolean hasHi = total.hasNonNull("rescaleMax");
        if (hasLo != hasHi) {
            c.add(path + (hasLo ? ".rescaleMax" : ".rescaleMin"),
                    "Rescaling needs both rescaleMin and rescaleMax, or neither.");
        } else if (lo != null && hi != null && lo >= hi) {
            c.add(path + ".rescaleMax", "rescaleMax (" + hi + ") must be greater than rescaleMin (" + lo + ").");
        }
    }
}
