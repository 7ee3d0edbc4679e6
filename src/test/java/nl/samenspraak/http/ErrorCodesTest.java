package nl.samenspraak.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error the server sends carries a stable code, and every code has its sentence in both languages
 * (docs/errors.md). Read from the main sources: each {@code ApiException} made there (a factory or the
 * constructor) and each {@code ErrorMapper.respond} names its code as a literal, and web/i18n/en.json and
 * nl.json hold {@code error.<code>} with no placeholder the English lacks.
 */
class ErrorCodesTest {
    static final Path MAIN = Path.of("src/main/java");
    static final String CODE = "[a-z]+(?:\\.[a-zA-Z0-9]+)+";
    /** Where an error is made: an ApiException factory or constructor, or a response written by the error mapper. */
    static final Pattern MADE = Pattern.compile("ApiException\\.(?:badRequest|forbidden|notFound|conflict)\\(|new ApiException\\(|\\brespond\\(ctx,");
    static final Pattern WITH_CODE = Pattern.compile("\\s*(?:[^,\"]+,\\s*)?\"(" + CODE + ")\"");
    /** The mapper passing an ApiException's own code on. */
    static final String PASS_ON = " e.status(), e.code(),";
    static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    record Found(Set<String> codes, List<String> withoutCode) {}

    static Found scan() throws IOException {
        Set<String> codes = new TreeSet<>();
        List<String> without = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String src = Files.readString(f);
                boolean definitions = f.endsWith(Path.of("nl/samenspraak/http/ApiException.java"));
                Matcher m = MADE.matcher(src);
                while (m.find()) {
                    Matcher code = WITH_CODE.matcher(src).region(m.end(), src.length());
                    if (code.lookingAt()) codes.add(code.group(1));
                    else if (src.startsWith(PASS_ON, m.end())) continue;
                    else if (!definitions) without.add(f + ":" + (src.substring(0, m.start()).split("\n", -1).length));
                }
            }
        }
        return new Found(codes, without);
    }

    static JsonNode strings(String lang) throws IOException {
        return new ObjectMapper().readTree(Path.of("web/i18n/" + lang + ".json").toFile());
    }

    static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) names.add(m.group(1));
        return names;
    }

    @Test
    void every_error_made_in_the_main_sources_names_a_code() throws IOException {
        Found found = scan();
        assertThat(found.withoutCode()).as("errors made without a literal code").isEmpty();
        assertThat(found.codes()).as("codes found").hasSizeGreaterThan(100)
                .contains("coding.codeNotForRole", "auth.notLoggedIn", "server.error", "request.invalidValue", "transcript.unreadableFile", "codebook.invalid");
    }

    @Test
    void every_code_has_its_sentence_in_english_and_in_dutch_with_the_same_placeholders() throws IOException {
        JsonNode en = strings("en"), nl = strings("nl");
        List<String> problems = new ArrayList<>();
        for (String code : scan().codes()) {
            JsonNode e = en.get("error." + code), n = nl.get("error." + code);
            if (e == null || e.asText().isBlank()) problems.add("en.json has no error." + code);
            if (n == null || n.asText().isBlank()) problems.add("nl.json has no error." + code);
            // The English sentence names every value the server sends; the Dutch one may leave one out (an export's id), not add one.
            if (e != null && n != null && !placeholders(e.asText()).containsAll(placeholders(n.asText()))) {
                problems.add("error." + code + ": nl uses placeholders " + placeholders(n.asText()) + " that en " + placeholders(e.asText()) + " does not");
            }
            if (n != null && e != null && n.asText().equals(e.asText())) problems.add("nl.json's error." + code + " is the English sentence");
        }
        assertThat(problems).isEmpty();
    }
}
