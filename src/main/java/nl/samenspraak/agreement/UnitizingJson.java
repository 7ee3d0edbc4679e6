package nl.samenspraak.agreement;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code irr --unitizing} command's JSON: krippendorff_alpha_unitizing, per_category (category,
 * krippendorff_alpha_unitizing, observed_disagreement, expected_disagreement) and reasons: the key of
 * each null figure to the sentence saying why, a category's under reasons.per_category.CATEGORY, so
 * that the entries of per_category keep exactly their four keys.
 */
final class UnitizingJson {
    private UnitizingJson() {}

    static final String ALPHA = "krippendorff_alpha_unitizing";

    static ObjectNode of(UnitizingResult result, ObjectMapper mapper) {
        ObjectNode json = mapper.createObjectNode();
        ObjectNode reasons = mapper.createObjectNode();
        put(json, reasons, ALPHA, result.alpha());
        ArrayNode categories = json.putArray("per_category");
        ObjectNode categoryReasons = mapper.createObjectNode();
        for (UnitizingResult.Category c : result.perCategory()) {
            ObjectNode node = categories.addObject().put("category", c.category());
            ObjectNode why = mapper.createObjectNode();
            put(node, why, ALPHA, c.alpha());
            put(node, why, "observed_disagreement", c.observedDisagreement());
            put(node, why, "expected_disagreement", c.expectedDisagreement());
            if (!why.isEmpty()) categoryReasons.set(c.category(), why);
        }
        if (!categoryReasons.isEmpty()) reasons.set("per_category", categoryReasons);
        json.set("reasons", reasons);
        return json;
    }

    private static void put(ObjectNode node, ObjectNode reasons, String key, Estimate e) {
        if (e.defined()) {
            node.put(key, e.value());
        } else {
            node.putNull(key);
            reasons.put(key, e.reason());
        }
    }
}
