package nl.samenspraak.codebook;

import nl.samenspraak.codebook.Codebook.Text;
import nl.samenspraak.codebook.QdcReader.QdcCode;
import nl.samenspraak.codebook.QdcReader.QdcSet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Maps the code tree of a {@code .qdc} onto dimensions, groups, codes and composites. */
final class QdcMapping {
    private static final Pattern RGB6 = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final Pattern RGB3 = Pattern.compile("#[0-9a-fA-F]{3}");

    private final String sourceName;
    private final String key;
    private final String origin;
    /** normalised GUID → {dimension key, code key}, for turning sets into composites. */
    private final Map<String, String[]> codesByGuid = new HashMap<>();

    QdcMapping(String sourceName, String key, String origin) {
        this.sourceName = sourceName;
        this.key = key != null ? key : Keys.derive(stem(sourceName), Set.of());
        this.origin = origin == null || origin.isBlank() ? "an unknown tool" : origin.strip();
    }

    /** Each mapped code's GUID ({@link QdcReader#guidKey}) to its dimension and code key; filled by {@link #toCodebook}. */
    Map<String, QdcReader.DimensionCode> byGuid() {
        Map<String, QdcReader.DimensionCode> out = new HashMap<>();
        codesByGuid.forEach((g, dc) -> out.put(g, new QdcReader.DimensionCode(dc[0], dc[1])));
        return out;
    }

    Codebook toCodebook(List<QdcCode> topLevel, List<QdcSet> sets) {
        // Branches without anything codable are notes (our own export puts rating scales there).
        List<QdcCode> kept = topLevel.stream().filter(QdcCode::hasCodable).toList();
        boolean eachIsDimension = !kept.isEmpty()
                && kept.stream().allMatch(c -> !c.codable() && !c.children().isEmpty());
        List<Codebook.Dimension> dimensions = new ArrayList<>();
        Set<String> dimensionKeys = new HashSet<>();
        if (eachIsDimension) {
            for (QdcCode d : kept) {
                dimensions.add(dimension(Keys.derive(d.name(), dimensionKeys), same(d.name()), text(d.description()), d.children()));
                dimensionKeys.add(dimensions.get(dimensions.size() - 1).key());
            }
        } else if (!kept.isEmpty()) {
            dimensions.add(dimension("codes", new Text("Codes", "Codes"), null, kept));
        }
        String title = stem(sourceName);
        return new Codebook(key, same(title.isBlank() ? key : title), "1", description(), dimensions, composites(sets), List.of());
    }

    private Codebook.Dimension dimension(String dimKey, Text label, Text description, List<QdcCode> nodes) {
        DimensionBuilder b = new DimensionBuilder(dimKey);
        b.walk(nodes, null);
        return new Codebook.Dimension(dimKey, label, description, b.groups, b.codes);
    }

    private final class DimensionBuilder {
        final String dimKey;
        final List<Codebook.Group> groups = new ArrayList<>();
        final List<Codebook.Code> codes = new ArrayList<>();
        final Set<String> groupKeys = new HashSet<>();
        final Set<String> codeKeys = new HashSet<>();
        final Set<String> hotkeys = new HashSet<>();

        DimensionBuilder(String dimKey) { this.dimKey = dimKey; }

        void walk(List<QdcCode> nodes, String group) {
            for (QdcCode n : nodes) {
                if (!n.hasCodable()) continue;
                if (n.children().isEmpty()) {
                    code(n, group);
                    continue;
                }
                String groupKey = Keys.derive(n.name(), groupKeys);
                groupKeys.add(groupKey);
                groups.add(new Codebook.Group(groupKey, same(name(n)), group));
                if (n.codable()) code(n, groupKey);
                walk(n.children(), groupKey);
            }
        }

        void code(QdcCode n, String group) {
            String codeKey = Keys.derive(n.name(), codeKeys);
            codeKeys.add(codeKey);
            String hotkey = Hotkeys.suggest(name(n), hotkeys).orElse(null);
            if (hotkey != null) hotkeys.add(hotkey);
            codes.add(new Codebook.Code(codeKey, same(name(n)), text(n.description()), List.of(), hotkey,
                    colour(n.colour()), List.of(), group));
            codesByGuid.putIfAbsent(guid(n.guid()), new String[] {dimKey, codeKey});
        }
    }

    /** Sets whose members are all codes of one dimension become sum composites; others are left out. */
    private List<Codebook.Composite> composites(List<QdcSet> sets) {
        List<Codebook.Composite> composites = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (QdcSet s : sets) {
            List<String[]> members = s.members().stream().map(g -> codesByGuid.get(guid(g))).toList();
            if (members.isEmpty() || members.contains(null)) continue;
            Set<String> dims = new HashSet<>();
            Set<String> codes = new LinkedHashSet<>();
            members.forEach(m -> { dims.add(m[0]); codes.add(m[1]); });
            if (dims.size() != 1) continue;
            String compositeKey = Keys.derive(s.name(), keys);
            keys.add(compositeKey);
            composites.add(new Codebook.Composite(compositeKey, same(s.name().isBlank() ? compositeKey : s.name()),
                    text(s.description()), dims.iterator().next(), List.copyOf(codes), List.of(), List.of()));
        }
        return composites;
    }

    private Text description() {
        return new Text(
                "Geïmporteerd uit het REFI-QDA-codeboek " + sourceName + " (gemaakt met " + origin + "). Een .qdc-bestand heeft één taal, "
                        + "dus de Nederlandse en Engelse teksten zijn gelijk: vertaal ze waar nodig.",
                "Imported from the REFI-QDA codebook " + sourceName + " (made with " + origin + "). A .qdc file has one language, "
                        + "so the Dutch and English texts are the same: translate them where needed.");
    }

    private static String name(QdcCode n) {
        return n.name().isBlank() ? "Unnamed" : n.name();
    }

    private static Text same(String s) {
        return new Text(s, s);
    }

    private static Text text(String s) {
        return s == null || s.isBlank() ? null : same(s);
    }

    /** #rrggbb in lower case; #rgb is widened; anything else (or nothing) gives no colour. */
    static String colour(String c) {
        if (c == null) return null;
        if (RGB6.matcher(c).matches()) return c.toLowerCase(Locale.ROOT);
        if (!RGB3.matcher(c).matches()) return null;
        StringBuilder b = new StringBuilder("#");
        for (char ch : c.substring(1).toLowerCase(Locale.ROOT).toCharArray()) b.append(ch).append(ch);
        return b.toString();
    }

    private static String guid(String g) {
        return QdcReader.guidKey(g);
    }

    private static String stem(String sourceName) {
        String file = sourceName.replace('\\', '/');
        file = file.substring(file.lastIndexOf('/') + 1);
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }
}
