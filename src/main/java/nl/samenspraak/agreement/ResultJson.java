package nl.samenspraak.agreement;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code irr} command's JSON: units, coders, pairable_values, every coefficient key (null where
 * undefined), alpha_ci95, per_category and reasons (key of each null coefficient, and of a null
 * alpha_ci95, to the sentence saying why).
 */
final class ResultJson {
    private ResultJson() {}

    static ObjectNode of(AgreementResult result, ObjectMapper mapper) {
        ObjectNode json = mapper.createObjectNode();
        ObjectNode reasons = mapper.createObjectNode();
        json.put("units", result.units());
        json.put("coders", result.coders());
        json.put("pairable_values", result.pairableValues());
        for (Coefficient c : Coefficient.values()) {
            Estimate e = result.estimate(c);
            put(json, c.key(), e);
            if (!e.defined()) reasons.put(c.key(), e.reason());
        }
        if (result.bootstrap() == null) {
            json.putNull("alpha_ci95");
            reasons.put("alpha_ci95", result.notes().getOrDefault("alpha_ci95", "not computed"));
        } else {
            json.putArray("alpha_ci95").add(result.bootstrap().low()).add(result.bootstrap().high());
        }
        ArrayNode categories = json.putArray("per_category");
        for (PerCategoryResult c : result.perCategory()) {
            ObjectNode node = categories.addObject().put("category", c.category());
            put(node, "agreement", c.agreement());
            put(node, "kappa", c.kappa());
            put(node, "alpha", c.alpha());
        }
        if (result.notes().containsKey("per_category")) reasons.put("per_category", result.notes().get("per_category"));
        json.set("reasons", reasons);
        return json;
    }

    private static void put(ObjectNode node, String key, Estimate e) {
        if (e.defined()) node.put(key, e.value());
        else node.putNull(key);
    }
}
