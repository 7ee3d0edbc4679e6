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

    void add(Problem problem) { problems.add(problem); }

    /** True when {@code node} is a JSON object; otherwise adds {@code notAnObject} (the caller's sentence for it). */
    boolean isObject(JsonNode node, Problem notAnObject) {
        if (node != null && node.isObject()) return true;
        add(notAnObject);
        return false;
    }

    void knownFields(JsonNode obj, String path, Set<String> allowed) {
        for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                String known = String.join(", ", allowed.stream().sorted().toList());
                add(Problem.at(path + "." + name, "codebook.unknownField", "The field '" + name + "' is not known here; known fields are "
                        + known + ".").with("field", name).with("known", known));
            }
        }
    }

    /** A required identifier field; null when absent or invalid (already reported). */
    String key(JsonNode obj, String path) {
        String key = string(obj, path, "key", true);
        if (key != null && !Keys.isValid(key)) {
            add(Problem.at(path + ".key", "codebook.badKey", "The key '" + key + "' is not a simple identifier: " + Keys.rule() + ".")
                    .with("key", key).with("max", Keys.MAX_LENGTH));
            return null;
        }
        return key;
    }

    String string(JsonNode obj, String path, String field, boolean required) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            if (required) add(Problem.at(path + "." + field, "codebook.fieldRequired", "The field '" + field + "' is required.").with("field", field));
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            add(Problem.at(path + "." + field, "codebook.fieldNotText", "The field '" + field + "' must be a non-empty text.").with("field", field));
            return null;
        }
        return v.asText();
    }

    /** A text in Dutch and English: {"nl": "...", "en": "..."}, both non-empty. */
    void text(JsonNode obj, String path, String field, boolean required) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            if (required) add(Problem.at(path + "." + field, "codebook.textRequired",
                    "The field '" + field + "' is required, in Dutch and English: {\"nl\": ..., \"en\": ...}.").with("field", field));
            return;
        }
        String at = path + "." + field;
        if (!isObject(v, Problem.at(at, "codebook.textNotObject", "The text '" + field + "' must be a JSON object {...}.").with("field", field))) return;
        knownFields(v, at, Set.of("nl", "en"));
        if (missing(v, "nl")) add(Problem.at(at + ".nl", "codebook.dutchTextMissing", "The Dutch text of '" + field + "' is missing or empty.").with("field", field));
        if (missing(v, "en")) add(Problem.at(at + ".en", "codebook.englishTextMissing", "The English text of '" + field + "' is missing or empty.").with("field", field));
    }

    /** Example {@code n} (from 1) of a code: a text in Dutch and English, as {@link #text}. */
    void example(JsonNode v, String path, int n) {
        if (!isObject(v, Problem.at(path, "codebook.exampleNotObject", "The text example " + n + " must be a JSON object {...}.").with("n", n))) return;
        knownFields(v, path, Set.of("nl", "en"));
        if (missing(v, "nl")) add(Problem.at(path + ".nl", "codebook.dutchExampleMissing", "The Dutch text of example " + n + " is missing or empty.").with("n", n));
        if (missing(v, "en")) add(Problem.at(path + ".en", "codebook.englishExampleMissing", "The English text of example " + n + " is missing or empty.").with("n", n));
    }

    private static boolean missing(JsonNode text, String lang) {
        JsonNode t = text.get(lang);
        return t == null || !t.isTextual() || t.asText().isBlank();
    }

    /** An optional array field; empty when absent, and when not an array (reported). */
    List<JsonNode> array(JsonNode obj, String path, String field) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) return List.of();
        if (!v.isArray()) {
            add(Problem.at(path + "." + field, "codebook.fieldNotArray", "The field '" + field + "' must be a JSON array [...].").with("field", field));
            return List.of();
        }
        List<JsonNode> items = new ArrayList<>();
        v.forEach(items::add);
        return items;
    }

    Integer integer(JsonNode obj, String path, String field, boolean required) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            if (required) add(Problem.at(path + "." + field, "codebook.wholeNumberRequired", "The field '" + field + "' is required (a whole number).")
                    .with("field", field));
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            add(Problem.at(path + "." + field, "codebook.notAWholeNumber", "The field '" + field + "' must be a whole number, not " + v + ".")
                    .with("field", field).with("value", v.toString()));
            return null;
        }
        return v.asInt();
    }

    Double number(JsonNode obj, String path, String field) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isNumber()) {
            add(Problem.at(path + "." + field, "codebook.notANumber", "The field '" + field + "' must be a number, not " + v + ".")
                    .with("field", field).with("value", v.toString()));
            return null;
        }
        return v.asDouble();
    }

    void colour(JsonNode obj, String path) {
        String colour = string(obj, path, "colour", false);
        if (colour != null && !COLOUR.matcher(colour).matches()) {
            add(Problem.at(path + ".colour", "codebook.badColour", "The colour '" + colour + "' must be written as #rrggbb, for example #1f77b4.")
                    .with("colour", colour));
        }
    }

    /** An optional role ("professional", "client" or "other"). */
    void role(JsonNode obj, String path, String field) {
        String role = string(obj, path, field, false);
        if (role != null && SpeakerRole.fromKey(role) == null) {
            add(Problem.at(path + "." + field, "codebook.unknownRole", "The speaker role '" + role + "' is unknown; use professional, client or other.")
                    .with("value", role));
        }
    }

    void roles(JsonNode obj, String path) {
        List<JsonNode> roles = array(obj, path, "roles");
        for (int i = 0; i < roles.size(); i++) {
            JsonNode r = roles.get(i);
            if (!r.isTextual() || SpeakerRole.fromKey(r.asText()) == null) {
                add(Problem.at(path + ".roles[" + i + "]", "codebook.unknownListedRole", "The speaker role " + r + " is unknown; use professional, client or other.")
                        .with("value", r.toString()));
            }
        }
    }

    /** The sentence for a key used twice: made at {@code path}, of {@code key}, first used at {@code first}. */
    interface Twice {
        Problem of(String path, String key, String first);
    }

    /** Reports {@code key} when it was seen before in {@code seen} (key → path of first use), in the caller's sentence. */
    void unique(String key, String path, Map<String, String> seen, Twice twice) {
        if (key == null) return;
        String first = seen.putIfAbsent(key, path);
        if (first != null) add(twice.of(path, key, first));
    }
}
