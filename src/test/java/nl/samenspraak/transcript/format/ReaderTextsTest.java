package nl.samenspraak.transcript.format;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static nl.samenspraak.support.I18nTexts.placeholders;
import static nl.samenspraak.support.I18nTexts.strings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text a transcript reader says (a refusal, a warning, a place, a reason, a small word) has a stable code
 * and a sentence in both languages (docs/errors.md, "Reader texts"). Read from the main sources: each
 * {@code Said.of(...)} and {@code Place.of(...)} names its code as a literal, then the English text, then
 * name, value pairs; web/i18n/en.json and nl.json hold {@code problem.<code>} whose placeholders are all
 * names the code is made with, and hold no {@code problem.} key of a reader code that no longer exists. The
 * scan itself is shown to find a text made without a literal code, and the parameters of one with a code.
 */
class ReaderTextsTest {
    static final Path MAIN = Path.of("src/main/java");
    static final Pattern CODE = Pattern.compile("(?:transcript|warning|reason|word|place|qdpx)\\.[a-zA-Z0-9]+");
    /** Where a coded text is made: Said.of / Place.of anywhere, and the bare of( inside Said and Place themselves. */
    static final Pattern MADE = Pattern.compile("\\b(?:Said|Place)\\.of\\(|(?<![\\w.])of\\(");
    static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    /** The reader areas whose keys this test owns under problem.* (codebook problems may share the prefix). */
    static final Set<String> AREAS = Set.of("transcript", "warning", "reason", "word", "place");

    record Found(Map<String, Set<String>> codes, List<String> withoutCode) {}

    static Found scan() throws IOException {
        Found found = new Found(new TreeMap<>(), new ArrayList<>());
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String name = f.getFileName().toString();
                scan(name, Files.readString(f), name.equals("Said.java") || name.equals("Place.java"), found);
            }
        }
        return found;
    }

    /** One source: each coded text made, its literal code and the parameter names it passes. */
    static void scan(String name, String src, boolean bareOf, Found into) {
        Matcher m = MADE.matcher(src);
        while (m.find()) {
            boolean bare = !m.group().contains(".");
            if (bare && !bareOf) continue;
            List<String> args = arguments(src, m.end());
            if (bare && !args.isEmpty() && args.get(0).startsWith("String ")) continue; // the factory's own definition
            Matcher code = args.isEmpty() ? null : LITERAL.matcher(args.get(0).strip());
            if (code == null || !code.matches() || !CODE.matcher(code.group(1)).matches()) {
                into.withoutCode().add(name + ":" + src.substring(0, m.start()).split("\n", -1).length);
                continue;
            }
            Set<String> params = into.codes().computeIfAbsent(code.group(1), c -> new TreeSet<>());
            for (int i = 2; i < args.size(); i += 2) {
                Matcher param = LITERAL.matcher(args.get(i).strip());
                if (param.matches()) params.add(param.group(1));
                else into.withoutCode().add(name + ":" + src.substring(0, m.start()).split("\n", -1).length + " (a parameter name that is not a literal)");
            }
        }
    }

    /** The top-level arguments of the call whose '(' ends just before {@code from}. */
    static List<String> arguments(String src, int from) {
        List<String> args = new ArrayList<>();
        int depth = 0, start = from;
        for (int i = from; i < src.length(); i++) {
            char c = src.charAt(i);
            if (c == '"') {
                if (src.startsWith("\"\"\"", i)) { i = src.indexOf("\"\"\"", i + 3) + 2; continue; }
                for (i++; i < src.length() && src.charAt(i) != '"'; i++) if (src.charAt(i) == '\\') i++;
            } else if (c == '\'') {
                for (i++; i < src.length() && src.charAt(i) != '\''; i++) if (src.charAt(i) == '\\') i++;
            } else if (c == '(' || c == '[' || c == '{') depth++;
            else if ((c == ')' || c == ']' || c == '}') && depth > 0) depth--;
            else if (c == ')') {
                if (i > start || !args.isEmpty()) args.add(src.substring(start, i));
                return args;
            } else if (c == ',' && depth == 0) {
                args.add(src.substring(start, i));
                start = i + 1;
            }
        }
        return args;
    }


    @Test
    void every_reader_text_is_made_with_a_literal_code() throws IOException {
        Found found = scan();
        assertThat(found.withoutCode()).as("reader texts made without a literal code").isEmpty();
        assertThat(found.codes().keySet()).as("codes found").hasSizeGreaterThan(150)
                .contains("transcript.endBeforeStart", "transcript.notUtf8", "transcript.noSpeechTier", "warning.beforeFirstTurn",
                        "warning.tierLeftOut", "warning.more", "reason.vtt", "reason.unlike", "reason.secondTier", "place.line", "place.cue",
                        "place.tier", "place.inFile", "word.start");
    }

    @Test
    void every_code_has_its_sentence_in_english_and_dutch_naming_only_values_it_is_made_with() throws IOException {
        Map<String, Set<String>> codes = scan().codes();
        JsonNode en = strings("en"), nl = strings("nl");
        List<String> problems = new ArrayList<>();
        codes.forEach((code, params) -> {
            for (JsonNode lang : List.of(en, nl)) {
                String which = lang == en ? "en" : "nl";
                JsonNode text = lang.get("problem." + code);
                if (text == null) { problems.add(which + ": no problem." + code); continue; }
                Set<String> extra = new TreeSet<>(placeholders(text.asText()));
                extra.removeAll(params);
                if (!extra.isEmpty()) problems.add(which + ": problem." + code + " names " + extra + ", made with " + params);
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void no_reader_key_is_left_without_its_code() throws IOException {
        Set<String> codes = scan().codes().keySet();
        for (String lang : List.of("en", "nl")) {
            List<String> stale = new ArrayList<>();
            strings(lang).fieldNames().forEachRemaining(k -> {
                if (!k.startsWith("problem.")) return;
                String code = k.substring("problem.".length());
                if (AREAS.contains(code.substring(0, Math.max(0, code.indexOf('.')))) && !codes.contains(code)) stale.add(k);
            });
            assertThat(stale).as(lang + ": reader keys no reader makes").isEmpty();
        }
    }

    @Test
    void the_scan_finds_a_text_without_a_literal_code_and_the_parameters_of_one_with_a_code() {
        Found found = new Found(new TreeMap<>(), new ArrayList<>());
        scan("Sample.java", """
                class Sample {
                    Said a() { return Said.of(code, "the end, at last (" + x + ")."); }
                    Said b() { return Said.of("transcript.sample", "the '" + v + "' is late (by " + f(a, b) + ").", "value", v, "late", f(a, b)); }
                    Place c() { return Place.of("place.sample", "line " + n, name, n); }
                    List<String> d() { return List.of("x", "y"); }
                }
                """, false, found);
        assertThat(found.withoutCode()).containsExactly("Sample.java:2", "Sample.java:4 (a parameter name that is not a literal)");
        assertThat(found.codes()).containsOnlyKeys("transcript.sample", "place.sample");
        assertThat(found.codes().get("transcript.sample")).containsExactly("late", "value");
    }
}
