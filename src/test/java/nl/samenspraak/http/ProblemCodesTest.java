package nl.samenspraak.http;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspraak.support.I18nTexts;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every problem of a refused codebook, session-data table or value, and assignment rule carries a stable code
 * (docs/errors.md, "How pages show them"), and every code has its text in both languages. Read from the main
 * sources: each problem made there ({@code Problem.at(...)}, {@code new BadValue(...)}, {@code new Unreadable(...)},
 * {@code new RuleRefused(...)}) names its code as a literal ({@code codebook.*}, {@code sessions.*}, {@code assign.*}),
 * its chained {@code .with("name", ...)} calls give its parameters, and web/i18n/en.json and nl.json hold
 * {@code problem.<code>} with no placeholder that the problem is not made with. The scan is shown to find a
 * problem without a code, and its parameters, in a sample.
 */
class ProblemCodesTest {
    static final Path MAIN = Path.of("src/main/java");
    /** Where a problem is made. */
    static final Pattern MADE = Pattern.compile("\\bProblem\\.at\\(|\\bnew (?:FieldType\\.)?BadValue\\(|\\bnew (?:SessionTable\\.)?Unreadable\\(|\\bnew (?:AssignmentRule\\.)?RuleRefused\\(");
    static final Pattern CODE = Pattern.compile("\"((?:codebook|sessions|assign)\\.[a-z][A-Za-z0-9]*)\"");
    static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** Codes found with the parameter names their sites give; sites without a literal code. */
    record Found(Map<String, Set<String>> codes, List<String> withoutCode) {}

    static Found scan() throws IOException {
        Found found = new Found(new TreeMap<>(), new ArrayList<>());
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) scan(f.toString(), Files.readString(f), found);
        }
        return found;
    }

    static void scan(String name, String src, Found into) {
        Matcher m = MADE.matcher(src);
        while (m.find()) {
            int close = closing(src, m.end() - 1);
            Matcher code = CODE.matcher(src.substring(m.end(), close));
            if (!code.find()) {
                into.withoutCode().add(name + ":" + src.substring(0, m.start()).split("\n", -1).length);
                continue;
            }
            Set<String> params = into.codes().computeIfAbsent(code.group(1), c -> new TreeSet<>());
            // the chained .with("name", value) calls
            int at = close + 1;
            while (true) {
                while (at < src.length() && Character.isWhitespace(src.charAt(at))) at++;
                if (!src.startsWith(".with(", at)) break;
                int open = at + ".with".length();
                int end = closing(src, open);
                Matcher param = LITERAL.matcher(src.substring(open + 1, end));
                if (param.find()) params.add(param.group(1));
                at = end + 1;
            }
        }
    }

    /** The parenthesis closing the one at {@code open}, outside string and character literals. */
    static int closing(String src, int open) {
        int depth = 0;
        char quote = 0;
        for (int i = open; i < src.length(); i++) {
            char c = src.charAt(i);
            if (quote != 0) {
                if (c == '\\') i++;
                else if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') quote = c;
            else if (c == '(') depth++;
            else if (c == ')' && --depth == 0) return i;
        }
        throw new IllegalStateException("unbalanced parentheses after " + open);
    }

    @Test
    void the_scan_finds_a_problem_without_a_code_and_the_parameters_of_one_with_a_code() {
        Found found = new Found(new TreeMap<>(), new ArrayList<>());
        scan("Sample.java", """
                class Sample {
                    void a() { c.add(Problem.at(path + ".key", "codebook.sample", "The key '" + key + "' (of f(x)) is bad.")
                            .with("key", key).with("max", max(1, 2))); }
                    void b() { throw new BadValue("'" + raw + "' is not a number"); }
                }
                """, found);
        assertThat(found.withoutCode()).containsExactly("Sample.java:4");
        assertThat(found.codes()).containsOnlyKeys("codebook.sample");
        assertThat(found.codes().get("codebook.sample")).containsExactly("key", "max");
    }

    @Test
    void every_problem_made_in_the_main_sources_names_a_code() throws IOException {
        Found found = scan();
        assertThat(found.withoutCode()).as("problems made without a literal code").isEmpty();
        assertThat(found.codes().keySet()).hasSizeGreaterThan(80)
                .contains("codebook.badKey", "codebook.hotkeyReserved", "codebook.notJson", "codebook.xmlNotWellFormed",
                        "sessions.noSuchTranscript", "sessions.notADate", "sessions.answerOutOfRange", "sessions.emptyFile",
                        "assign.secondCoderNeedsTwo");
        assertThat(found.codes().get("codebook.badKey")).contains("key", "max");
    }

    @Test
    void every_problem_code_has_its_text_in_english_and_in_dutch_naming_only_its_parameters() throws IOException {
        JsonNode en = I18nTexts.strings("en"), nl = I18nTexts.strings("nl");
        Map<String, Set<String>> codes = scan().codes();
        List<String> problems = new ArrayList<>();
        for (var entry : codes.entrySet()) {
            String code = entry.getKey();
            if (!code.matches("(codebook|sessions|assign)\\.[a-z][a-zA-Z0-9]*")) problems.add(code + " is not <area>.<lowerCamelCase>");
            for (JsonNode file : List.of(en, nl)) {
                JsonNode text = file.get("problem." + code);
                String lang = file == en ? "en" : "nl";
                if (text == null || text.asText().isBlank()) problems.add(lang + ".json has no problem." + code);
                else if (!entry.getValue().containsAll(I18nTexts.placeholders(text.asText()))) {
                    problems.add(lang + ".json's problem." + code + " names " + I18nTexts.placeholders(text.asText())
                            + ", the problem is made with " + entry.getValue());
                }
            }
            if (en.has("problem." + code) && nl.has("problem." + code) && en.get("problem." + code).asText().equals(nl.get("problem." + code).asText())) {
                problems.add("nl.json's problem." + code + " is the English text");
            }
        }
        // No text for a code that no longer exists (the areas of this scan only: readers elsewhere have their own).
        for (JsonNode file : List.of(en, nl)) {
            for (Iterator<String> it = file.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (key.matches("problem\\.(codebook|sessions|assign)\\..*") && !codes.containsKey(key.substring("problem.".length()))) {
                    problems.add(key + " names no problem made in the main sources");
                }
            }
        }
        assertThat(problems).isEmpty();
    }
}
