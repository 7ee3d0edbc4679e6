package nl.samenspraak.codebook;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads fields of a JSON tree while collecting every problem with its path, so that one pass
 * reports all that is wrong instead of stopping at the first mistake.
 */
final class ValidationContext {
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
    private final List<Problem> problems = new ArrayList<>();

    List<Problem> problems() { return List.copyOf(problems); }

    void add(String path, String message) { problems.add(new Problem(path, message)); }

    boolean isObject(JsonNode node, String path, String what) {
        if (node != null && node.isObject()) return true;
        add(path, what + " must be a JSON object {...}.");
        return false;
    }

    void knownFields(JsonNode obj, String path, Set<String> allowed) {
        for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                add(path + "." + name, "The field '" + name + "' is not known here; known fields are "
                        + String.join(", ", allowed.stream().sorted().toList()) + ".");
            }
        }
    }

    /** A required identifier field; null when absent or invalid (already reported). */
    String key(JsonNode obj, String path) {
        String key = string(obj, path, "key", true);
        if (key != null && !Keys.isValid(key)) {
            add(path + ".key", "The key '" + key + "' is not a simple identifier: " + Keys.rule() + ".");
            return null;
        }
        return key;
    }

    String string(JsonNode obj, String path, String field, boolean required) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            if (required) add(path + "." + field, "The field '" + field + "' is required.");
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            add(path + "." + field, "The field '" + field + "' must be a non-empty text.");
            return null;
        }
        return v.asText();
    }

    /** A text in Dutch and English: {"nl": "...", "en": "..."}, both non-empty. */
    void text(JsonNode obj, String path, String field, boolean required) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            if (required) add(path + "." + field, "The field '" + field + "' is required, in Dutch and English: {\"nl\": ..., \"en\": ...}.");
            return;
        }
        textValue(v, path + "." + field, "'" + field + "'");
    }

    void textValue(JsonNode v, String path, String what) {
        if (!isObject(v, path, "The text " + what)) return;
        knownFields(v, path, Set.of("nl", "en"));
        for (String lang : List.of("nl", "en")) {
            JsonNode t = v.get(lang);
            if (t == null || !t.isTextual() || t.asText().isBlank()) {
                add(path + "." + lang, "The " + (lang.equals("nl") ? "Dutch" : "English") + " text of "
                        + what + " is missing or empty.");
            }
        }
    }

    /** An optional array field; empty when absent, and when not an array (reported). */
    List<JsonNode> array(JsonNode obj, String path, String field) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) return List.of();
        if (!v.isArray()) {
            add(path + "." + field, "The field '" + field + "' must be a JSON array [...].");
            return List.of();
        }
        List<JsonNode> items = new ArrayList<>();
        v.forEach(items::add);
        return items;
    }

    Integer integer(JsonNode obj, String path, String field, boolean required) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            if (required) add(path + "." + field, "The field '" + field + "' is required (a whole number).");
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            add(path + "." + field, "The field '" + field + "' must be a whole number, not " + v + ".");
            return null;
        }
        return v.asInt();
    }

    Double number(JsonNode obj, String path, String field) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isNumber()) {
            add(path + "." + field, "The field '" + field + "' must be a number, not " + v + ".");
            return null;
        }
        return v.asDouble();
    }

    void colour(JsonNode obj, String path) {
        String colour = string(obj, path, "colour", false);
        if (colour != null && !COLOUR.matcher(colour).matches()) {
            add(path + ".colour", "The colour '" + colour + "' must be written as #rrggbb, for example #1f77b4.");
        }
    }

    /** An optional role ("professional", "client" or "other"). */
    void role(JsonNode obj, String path, String field) {
        String role = string(obj, path, field, false);
        if (role != null && SpeakerRole.fromKey(role) == null) {
            add(path + "." + field, "The speaker role '" + role + "' is unknown; use professional, client or other.");
        }
    }

    void roles(JsonNode obj, String path) {
        List<JsonNode> roles = array(obj, path, "roles");
        for (int i = 0; i < roles.size(); i++) {
            JsonNode r = roles.get(i);
            if (!r.isTextual() || SpeakerRole.fromKey(r.asText()) == null) {
                add(path + ".roles[" + i + "]", "The speaker role " + r + " is unknown; use professional, client or other.");
            }
        }
    }

    /** Reports {@code key} when it was seen before in {@code seen} (key → path of first use). */
    void unique(String key, String path, Map<String, String> seen, String what) {
        if (key == null) return;
        String first = seen.putIfAbsent(key, path);
        if (first != null) add(path, "The " + what + " '" + key + "' is used twice; it is first used at " + first + ".");
    }
}
