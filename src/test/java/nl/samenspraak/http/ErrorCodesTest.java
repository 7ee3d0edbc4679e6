package nl.samenspraak.http;

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
 * Every error the server sends carries a stable code, and every code has its sentence in both languages
 * (docs/errors.md). Read from the main sources: each {@code ApiException} made there (a factory or the
 * constructor) and each {@code ErrorMapper.respond} names its code as a literal, and web/i18n/en.json and
 * nl.json hold {@code error.<code>} with no placeholder the English lacks, and none in the English that the
 * error's statement does not name (as {@code .with("name", ...)} or a key it passes). The scan itself is shown
 * to find a missing code in a sample, and to have read every main source.
 */
class ErrorCodesTest {
    static final Path MAIN = Path.of("src/main/java");
    static final String CODE = "[a-z]+(?:\\.[a-zA-Z0-9]+)+";
    /** Where an error is made: an ApiException factory or constructor, or a response written by the error mapper. */
    static final Pattern MADE = Pattern.compile("ApiException\\.(?:badRequest|forbidden|notFound|conflict)\\(|new ApiException\\(|\\brespond\\(ctx,");
    static final Pattern WITH_CODE = Pattern.compile("\\s*(?:[^,\"]+,\\s*)?\"(" + CODE + ")\"");
    /** The mapper passing an ApiException's own code on. */
    static final String PASS_ON = " e.status(), e.code(),";
    /** A name in an error's statement: {@code .with("name", ...)} or a key of the details or parameters it passes. */
    static final Pattern NAME = Pattern.compile("\"([A-Za-z]+)\"");

    /** Codes found, with the parameter names their sites give; sites without a literal code; the files read. */
    record Found(Map<String, Set<String>> codes, List<String> withoutCode, List<Path> files) {}

    static Found scan() throws IOException {
        Found found = new Found(new TreeMap<>(), new ArrayList<>(), new ArrayList<>());
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                found.files().add(f);
                scan(f.toString(), Files.readString(f), f.endsWith(Path.of("nl/samenspraak/http/ApiException.java")), found);
            }
        }
        return found;
    }

    /** One source: each place an error is made, its literal code and the names in its statement (its parameters). */
    static void scan(String name, String src, boolean definitions, Found into) {
        Matcher m = MADE.matcher(src);
        while (m.find()) {
            Matcher code = WITH_CODE.matcher(src).region(m.end(), src.length());
            if (code.lookingAt()) {
                Set<String> params = into.codes().computeIfAbsent(code.group(1), c -> new TreeSet<>());
                Matcher names = NAME.matcher(src.substring(code.end(), statementEnd(src, code.end())));
                while (names.find()) params.add(names.group(1));
            } else if (!src.startsWith(PASS_ON, m.end()) && !definitions) {
                into.withoutCode().add(name + ":" + (src.substring(0, m.start()).split("\n", -1).length));
            }
        }
    }

    /** The first ';' after {@code from} outside a string literal. */
    static int statementEnd(String src, int from) {
        boolean quoted = false;
        for (int i = from; i < src.length(); i++) {
            char c = src.charAt(i);
            if (quoted && c == '\\') i++;
            else if (c == '"') quoted = !quoted;
            else if (c == ';' && !quoted) return i;
        }
        return src.length();
    }

    /** A script showing a caught error's English sentence, or reading the sentence from an error body itself. */
    static final Pattern RAW_MESSAGE = Pattern.compile("\\b(?:e|err|error|ex)\\.message\\b|\\b(?:data|body|b)\\.error\\b");

    @Test
    void pages_show_server_errors_through_errorText_never_the_english_sentence() throws IOException {
        List<String> raw = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("web/js"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".js") && !p.endsWith("i18n.js") && !p.endsWith("api.js")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) if (RAW_MESSAGE.matcher(lines.get(i)).find()) raw.add(f.getFileName() + ":" + (i + 1) + " " + lines.get(i).strip());
            }
        }
        assertThat(raw).as("shown without errorText (i18n.js)").isEmpty();
    }


    @Test
    void every_error_made_in_the_main_sources_names_a_code() throws IOException {
        Found found = scan();
        assertThat(found.withoutCode()).as("errors made without a literal code").isEmpty();
        assertThat(found.codes().keySet()).as("codes found").hasSizeGreaterThan(140)
                .contains("coding.codeNotForRole", "auth.notLoggedIn", "server.error", "request.invalidValue", "transcript.unreadableFile", "codebook.invalid",
                        "account.lastAdmin", "setup.wrongCode", "project.memberDeactivated", "account.passwordTooShort");
    }

    @Test
    void the_scan_reads_every_main_source_including_the_accounts_transcripts_and_set_up() throws IOException {
        List<Path> read = scan().files();
        long all;
        try (Stream<Path> files = Files.walk(MAIN)) {
            all = files.filter(p -> p.toString().endsWith(".java")).count();
        }
        assertThat(read).hasSize((int) all).hasSizeGreaterThan(200);
        assertThat(read.stream().map(p -> MAIN.relativize(p).toString().replace('\\', '/')))
                .contains("nl/samenspraak/account/UserAdmin.java", "nl/samenspraak/account/FirstStart.java", "nl/samenspraak/account/Passwords.java",
                        "nl/samenspraak/project/MemberService.java", "nl/samenspraak/transcript/TranscriptOverview.java",
                        "nl/samenspraak/transcript/MediaRoutes.java", "nl/samenspraak/codebook/CodebookRoutes.java");
    }

    @Test
    void the_scan_finds_an_error_without_a_code_and_the_parameters_of_one_with_a_code() {
        Found found = new Found(new TreeMap<>(), new ArrayList<>(), new ArrayList<>());
        scan("Sample.java", """
                class Sample {
                    void a() { throw ApiException.badRequest("Field 'name': give a name."); }
                    void b() { throw ApiException.conflict("sample.taken", "'" + n + "' is taken; choose another.").with("name", n); }
                    void c() { throw new ApiException(404, message); }
                }
                """, false, found);
        assertThat(found.withoutCode()).containsExactly("Sample.java:2", "Sample.java:4");
        assertThat(found.codes()).containsOnlyKeys("sample.taken");
        assertThat(found.codes().get("sample.taken")).contains("name");
    }

    @Test
    void every_code_has_its_sentence_in_english_and_in_dutch_with_the_same_placeholders() throws IOException {
        JsonNode en = strings("en"), nl = strings("nl");
        List<String> problems = new ArrayList<>();
        Map<String, Set<String>> codes = scan().codes();
        for (String code : codes.keySet()) {
            JsonNode e = en.get("error." + code), n = nl.get("error." + code);
            if (e == null || e.asText().isBlank()) problems.add("en.json has no error." + code);
            if (n == null || n.asText().isBlank()) problems.add("nl.json has no error." + code);
            // The English sentence names every value the server sends; the Dutch one may leave one out (an export's id), not add one.
            if (e != null && n != null && !placeholders(e.asText()).containsAll(placeholders(n.asText()))) {
                problems.add("error." + code + ": nl uses placeholders " + placeholders(n.asText()) + " that en " + placeholders(e.asText()) + " does not");
            }
            if (n != null && e != null && n.asText().equals(e.asText())) problems.add("nl.json's error." + code + " is the English sentence");
            // A placeholder that no site of the code names as a parameter would be shown as "{name}" on the page.
            if (e != null && !codes.get(code).containsAll(placeholders(e.asText()))) {
                problems.add("error." + code + ": the sentence names " + placeholders(e.asText()) + ", the server gives only " + codes.get(code));
            }
        }
        assertThat(problems).isEmpty();
    }
}
