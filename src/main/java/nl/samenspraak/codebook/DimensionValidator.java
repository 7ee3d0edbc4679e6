package nl.samenspraak.codebook;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Checks the dimensions of a codebook tree: their groups, codes, hotkeys and colours. */
final class DimensionValidator {
    private static final Set<String> DIMENSION_FIELDS = Set.of("key", "label", "description", "groups", "codes");
    private static final Set<String> GROUP_FIELDS = Set.of("key", "label", "parent");
    private static final Set<String> CODE_FIELDS =
            Set.of("key", "label", "definition", "examples", "hotkey", "colour", "roles", "group");

    private final ValidationContext c;

    DimensionValidator(ValidationContext c) { this.c = c; }

    void check(List<JsonNode> dimensions) {
        Map<String, String> keys = new HashMap<>();
        for (int i = 0; i < dimensions.size(); i++) {
            String path = "$.dimensions[" + i + "]";
            JsonNode d = dimensions.get(i);
            if (!c.isObject(d, Problem.at(path, "codebook.dimensionNotObject", "A dimension must be a JSON object {...}."))) continue;
            c.knownFields(d, path, DIMENSION_FIELDS);
            c.unique(c.key(d, path), path + ".key", keys, (at, k, first) -> Problem.at(at, "codebook.dimensionKeyTwice", "The dimension key '" + k + "' is used twice; it is first used at " + first + ".")
                    .with("key", k).with("first", first));
            c.text(d, path, "label", true);
            c.text(d, path, "description", false);
            Map<String, String> parents = groups(c.array(d, path, "groups"), path);
            codes(d, path, parents.keySet());
        }
    }

    /** Checks the groups; returns group key → parent key (null for a top-level group). */
    private Map<String, String> groups(List<JsonNode> groups, String dimPath) {
        Map<String, String> parents = new LinkedHashMap<>();
        Map<String, String> parentPaths = new HashMap<>();
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            String path = dimPath + ".groups[" + i + "]";
            JsonNode g = groups.get(i);
            if (!c.isObject(g, Problem.at(path, "codebook.groupNotObject", "A group must be a JSON object {...}."))) continue;
            c.knownFields(g, path, GROUP_FIELDS);
            String key = c.key(g, path);
            c.unique(key, path + ".key", seen, (at, k, first) -> Problem.at(at, "codebook.groupKeyTwice", "The group key '" + k + "' is used twice; it is first used at " + first + ".")
                    .with("key", k).with("first", first));
            c.text(g, path, "label", true);
            String parent = c.string(g, path, "parent", false);
            if (key != null && !parents.containsKey(key)) {
                parents.put(key, parent);
                parentPaths.put(key, path + ".parent");
            }
        }
        parents.forEach((key, parent) -> parentProblem(key, parent, parents, parentPaths.get(key)).ifPresent(c::add));
        return parents;
    }

    private static Optional<Problem> parentProblem(String key, String parent, Map<String, String> parents, String path) {
        if (parent == null) return Optional.empty();
        if (!parents.containsKey(parent)) {
            return Optional.of(Problem.at(path, "codebook.parentGroupUnknown", "The group '" + key + "' names the parent group '" + parent
                    + "', which this dimension does not have.").with("group", key).with("parent", parent));
        }
        List<String> chain = new ArrayList<>(List.of(key));
        for (String p = parent; p != null && parents.containsKey(p); p = parents.get(p)) {
            chain.add(p);
            if (p.equals(key)) {
                return Optional.of(Problem.at(path, "codebook.groupOwnAncestor", "The group '" + key + "' is its own ancestor ("
                        + String.join(" → ", chain) + "); groups must form a tree.").with("group", key).with("chain", String.join(" → ", chain)));
            }
            if (chain.size() > parents.size() + 1) break; // a cycle above this group, reported there
        }
        return Optional.empty();
    }

    private void codes(JsonNode d, String dimPath, Set<String> groups) {
        List<JsonNode> codes = c.array(d, dimPath, "codes");
        if (codes.isEmpty()) {
            c.add(Problem.at(dimPath + ".codes", "codebook.dimensionWithoutCodes", "A dimension needs at least one code."));
        }
        Map<String, String> keys = new HashMap<>();
        Map<String, String> hotkeys = new HashMap<>();
        for (int i = 0; i < codes.size(); i++) {
            String path = dimPath + ".codes[" + i + "]";
            JsonNode code = codes.get(i);
            if (!c.isObject(code, Problem.at(path, "codebook.codeNotObject", "A code must be a JSON object {...}."))) continue;
            c.knownFields(code, path, CODE_FIELDS);
            c.unique(c.key(code, path), path + ".key", keys, (at, k, first) -> Problem.at(at, "codebook.codeKeyTwice", "The code key '" + k + "' is used twice; it is first used at " + first + ".")
                    .with("key", k).with("first", first));
            c.text(code, path, "label", true);
            c.text(code, path, "definition", false);
            List<JsonNode> examples = c.array(code, path, "examples");
            for (int e = 0; e < examples.size(); e++) {
                c.example(examples.get(e), path + ".examples[" + e + "]", e + 1);
            }
            hotkey(code, path, hotkeys);
            c.colour(code, path);
            c.roles(code, path);
            String group = c.string(code, path, "group", false);
            if (group != null && !groups.contains(group)) {
                c.add(Problem.at(path + ".group", "codebook.codeGroupUnknown", "The code names the group '" + group + "', which this dimension does not have.")
                        .with("group", group));
            }
        }
    }

    private void hotkey(JsonNode code, String path, Map<String, String> seen) {
        JsonNode v = code.get("hotkey");
        if (v == null || v.isNull()) return;
        if (!v.isTextual()) {
            c.add(Problem.at(path + ".hotkey", "codebook.hotkeyNotText", "The field 'hotkey' must be a text of one character."));
            return;
        }
        String hotkey = v.asText();
        Hotkeys.problem(hotkey).ifPresentOrElse(
                problem -> c.add(problem.atPath(path + ".hotkey")),
                () -> c.unique(hotkey, path + ".hotkey", seen, (at, k, first) -> Problem.at(at, "codebook.hotkeyTwice", "The hotkey '" + k + "' is used twice; it is first used at " + first + ".")
                    .with("key", k).with("first", first)));
    }
}
