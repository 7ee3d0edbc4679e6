package nl.samenspraak.agreement;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code irr} command's JSON: units, coders, pairable_values, every coefficient key (null where
 * undefined), alpha_ci95, per_category and reasons (key of each null coefficient, and of a null
 * alpha_ci95, to the sentence saying why). Each per_category entry has category, agreement, kappa,
 * alpha and its own reasons, in the same way, for its null figures.
 */
final class ResultJson {
    private ResultJson() {}

    static ObjectNode of(AgreementResult result, ObjectMapper mapper) {
        ObjectNode json = mapper.createObjectNode();
        ObjectNode reasons = mapper.createObjectNode();
        json.put("units", result.units());
        json.put("coders", result.coders());
        json.put("pairable_values", result.pairableValues());
        for (Coefficient c : Coefficient.values()) put(json, reasons, c.key(), result.estimate(c));
        if (result.bootstrap() == null) {
            json.putNull("alpha_ci95");
            reasons.put("alpha_ci95", result.notes().getOrDefault("alpha_ci95", "not computed"));
        } else {
            json.putArray("alpha_ci95").add(result.bootstrap().low()).add(result.bootstrap().high());
        }
        ArrayNode categories = json.putArray("per_category");
        for (PerCategoryResult c : result.perCategory()) {
            ObjectNode node = categories.addObject().put("category", c.category());
            ObjectNode why = mapper.createObjectNode();
            put(node, why, "agreement", c.agreement());
            put(node, why, "kappa", c.kappa());
            put(node, why, "alpha", c.alpha());
            node.set("reasons", why);
        }
        if (result.notes().containsKey("per_category")) reasons.put("per_category", result.notes().get("per_category"));
        json.set("reasons", reasons);
        return json;
    }

    /** The value under key, or null under key and the reason under key in reasons. */
    private static void put(ObjectNode node, ObjectNode reasons, String key, Estimate e) {
        if (e.defined()) {
            node.put(key, e.value());
        } else {
            node.putNull(key);
            reasons.put(key, e.reason());
        }
    }
}
