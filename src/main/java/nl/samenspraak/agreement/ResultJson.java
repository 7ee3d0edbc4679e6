package nl.samenspraak.agreement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code irr} command's JSON: units, coders, pairable_values, every coefficient key (null where
 * undefined), alpha_ci95, per_category and reasons (key of each null coefficient, and of a null
 * alpha_ci95, to the sentence saying why). Each per_category entry has category, agreement, kappa,
 * alpha and its own reasons, in the same way, for its null figures.
 * <p>Written by hand, character for character as Jackson's default pretty printer writes it (two-space
 * indent, {@code "key" : value}, {@code [ a, b ]}, {@code { }} when empty; ResultJsonTest holds it to
 * Jackson's text): the {@code irr} command loads no JSON library, which was a third of its start-up (issue 13).
 */
final class ResultJson {
    private ResultJson() {}

    static String text(AgreementResult result) {
        StringBuilder json = new StringBuilder(4096);
        List<String[]> reasons = new ArrayList<>();
        json.append('{');
        int depth = 1;
        field(json, depth, "units").append(result.units());
        json.append(',');
        field(json, depth, "coders").append(result.coders());
        json.append(',');
        field(json, depth, "pairable_values").append(result.pairableValues());
        for (Coefficient c : Coefficient.values()) {
            json.append(',');
            put(json, depth, reasons, c.key(), result.estimate(c));
        }
        json.append(',');
        field(json, depth, "alpha_ci95");
        if (result.bootstrap() == null) {
            json.append("null");
            reasons.add(new String[] {"alpha_ci95", result.notes().getOrDefault("alpha_ci95", "not computed")});
        } else {
            json.append("[ ");
            number(json, result.bootstrap().low()).append(", ");
            number(json, result.bootstrap().high()).append(" ]");
        }
        json.append(',');
        field(json, depth, "per_category");
        if (result.perCategory().isEmpty()) {
            json.append("[ ]");
        } else {
            json.append("[ ");
            boolean first = true;
            for (PerCategoryResult c : result.perCategory()) {
                if (!first) json.append(", ");
                first = false;
                List<String[]> why = new ArrayList<>();
                json.append('{');
                field(json, depth + 1, "category");
                string(json, c.category()).append(',');
                put(json, depth + 1, why, "agreement", c.agreement());
                json.append(',');
                put(json, depth + 1, why, "kappa", c.kappa());
                json.append(',');
                put(json, depth + 1, why, "alpha", c.alpha());
                json.append(',');
                field(json, depth + 1, "reasons");
                object(json, depth + 1, why);
                newline(json, depth).append('}');
            }
            json.append(" ]");
        }
        Map<String, String> notes = result.notes();
        if (notes.containsKey("per_category")) reasons.add(new String[] {"per_category", notes.get("per_category")});
        json.append(',');
        field(json, depth, "reasons");
        object(json, depth, reasons);
        newline(json, 0).append('}');
        return json.toString();
    }

    /** The value under key, or null under key and the reason under key in reasons. */
    private static void put(StringBuilder json, int depth, List<String[]> reasons, String key, Estimate e) {
        field(json, depth, key);
        if (e.defined()) {
            number(json, e.value());
        } else {
            json.append("null");
            reasons.add(new String[] {key, e.reason()});
        }
    }

    /** An object of string values (the keys are distinct: coefficient keys, alpha_ci95, per_category). */
    private static void object(StringBuilder json, int depth, List<String[]> entries) {
        if (entries.isEmpty()) {
            json.append("{ }");
            return;
        }
        json.append('{');
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0) json.append(',');
            field(json, depth + 1, entries.get(i)[0]);
            string(json, entries.get(i)[1]);
        }
        newline(json, depth).append('}');
    }

    private static StringBuilder field(StringBuilder json, int depth, String key) {
        newline(json, depth);
        return string(json, key).append(" : ");
    }

    private static StringBuilder newline(StringBuilder json, int depth) {
        json.append(System.lineSeparator());
        for (int i = 0; i < depth; i++) json.append("  ");
        return json;
    }

    private static StringBuilder number(StringBuilder json, double value) {
        if (Double.isFinite(value)) return json.append(value);
        return json.append('"').append(value).append('"');
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** A JSON string as Jackson escapes it: quote, backslash and control characters; the rest as is. */
    static StringBuilder string(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\b' -> json.append("\\b");
                case '\t' -> json.append("\\t");
                case '\f' -> json.append("\\f");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                default -> {
                    if (c < 0x20) json.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    else json.append(c);
                }
            }
        }
        return json.append('"');
    }
}
