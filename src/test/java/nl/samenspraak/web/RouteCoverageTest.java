package nl.samenspraak.web;

import io.javalin.http.HandlerType;
import nl.samenspraak.support.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every capability has a page: each route of the live route table that changes data must be called
 * by a page script in web/js (a `/api/...` literal whose path matches the route, under a method the
 * call names), without exceptions.
 *
 * <p>How a call's method is read: the quoted HTTP method words on the literal's line and the three
 * after it ({@code api('PUT', `/api/...`)}, {@code fetch(`/api/...`, { method: 'POST' ...})},
 * {@code xhr.open('POST', ...)}, and api.js's {@code postForm(...)}, a POST); a literal passed to {@code get(...)} or set as an href or src is a GET;
 * where no method is named, every method word the file names (a file
 * that builds its request elsewhere, as saver.js does); where the file names none, GET.
 */
class RouteCoverageTest {

    /** A literal read by get(...), or set as a link's href or a player's src: a GET whatever else the file calls. */
    static final Pattern READ = Pattern.compile("(\\bget\\(|href\\s*=\\s*|src:\\s*)$");
    static final Pattern METHOD = Pattern.compile("['\"](GET|POST|PUT|PATCH|DELETE)['\"]");
    /** api.js's multipart upload: a POST without the word. */
    static final Pattern POST_FORM = Pattern.compile("\\bpostForm\\(");

    @TempDir static Path dir;
    static TestApp app;

    @BeforeAll static void start() { app = TestApp.start(dir); }

    @AfterAll static void stop() { app.close(); }

    record Call(String method, String path, String where) { }

    /** The page calls: every `/api/` string in web/js (template literals expanded) with the methods it is called with. */
    static List<Call> pageCalls() throws IOException {
        List<Call> calls = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("web", "js"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".js")).sorted().toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                Set<String> inFile = methods(text);
                for (int at = text.indexOf("/api/"); at >= 0; at = text.indexOf("/api/", at + 1)) {
                    char quote = at > 0 ? text.charAt(at - 1) : ' ';
                    if (quote != '`' && quote != '\'' && quote != '"') continue;
                    int line = (int) text.substring(0, at).chars().filter(c -> c == '\n').count();
                    int lineStart = text.lastIndexOf('\n', at) + 1;
                    int window = lineStart;
                    for (int k = 0; k < 4 && window >= 0; k++) window = text.indexOf('\n', window + 1);
                    Set<String> near = methods(text.substring(lineStart, window < 0 ? text.length() : window));
                    String before = text.substring(Math.max(0, at - 12), at - 1);
                    Set<String> ms = READ.matcher(before).find() ? Set.of("GET") : !near.isEmpty() ? near : !inFile.isEmpty() ? inFile : Set.of("GET");
                    for (String path : expand(literal(text, at, quote)))
                        for (String method : ms) calls.add(new Call(method, path, f.getFileName() + ":" + (line + 1)));
                }
            }
        }
        return calls;
    }

    /** The string literal that starts at {@code at}, up to its closing quote; in a template, ${...} kept whole. */
    static String literal(String text, int at, char quote) {
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        for (int i = at; i < text.length(); i++) {
            char c = text.charAt(i);
            if (depth == 0 && c == quote) break;
            if (quote == '`' && c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{' && depth == 0) { depth = 1; sb.append("${"); i++; continue; }
            if (depth > 0 && c == '{') depth++;
            if (depth > 0 && c == '}') depth--;
            sb.append(c);
        }
        return sb.toString();
    }

    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^{}]*(?:\\{[^{}]*}[^{}]*)*)}");
    static final Pattern CHOICE = Pattern.compile("^[^?]*\\?\\s*'([^']*)'\\s*:\\s*'([^']*)'\\s*$");

    /**
     * The paths a literal can be: a placeholder {@code ${cond ? 'a' : 'b'}} gives both, any other
     * placeholder stands for one unknown part ({@code *}); a query string is dropped.
     */
    static List<String> expand(String literal) {
        Matcher m = PLACEHOLDER.matcher(literal);
        if (!m.find()) return List.of(literal.replaceAll("\\?.*$", ""));
        String before = literal.substring(0, m.start()), after = literal.substring(m.end());
        if (before.contains("?")) return List.of(before.replaceAll("\\?.*$", ""));
        Matcher choice = CHOICE.matcher(m.group(1));
        List<String> parts = choice.matches() ? List.of(choice.group(1), choice.group(2)) : List.of("*");
        List<String> out = new ArrayList<>();
        for (String part : parts) out.addAll(expand(before + part + after));
        return out;
    }

    static Set<String> methods(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = METHOD.matcher(text);
        while (m.find()) out.add(m.group(1));
        if (POST_FORM.matcher(text).find()) out.add("POST");
        return out;
    }

    /** A route matches a page path segment by segment; a {param} takes any segment, a page's * any too. */
    static boolean matches(String route, String path) {
        String[] r = route.split("/"), l = path.split("/", -1);
        if (r.length != l.length) return false;
        for (int i = 0; i < r.length; i++) {
            if (r[i].startsWith("{") || l[i].contains("*")) continue;
            if (!r[i].equals(l[i])) return false;
        }
        return true;
    }

    static Set<String> changingRoutes() {
        Set<String> out = new TreeSet<>();
        app.app.unsafe.internalRouter.allHttpHandlers().stream().map(pe -> pe.endpoint)
                .filter(e -> e.path.startsWith("/api/"))
                .filter(e -> e.method == HandlerType.POST || e.method == HandlerType.PUT || e.method == HandlerType.PATCH || e.method == HandlerType.DELETE)
                .forEach(e -> out.add(e.method.name() + " " + e.path));
        return out;
    }

    @Test
    void every_route_that_changes_data_is_called_by_a_page() throws IOException {
        List<Call> calls = pageCalls();
        Set<String> routes = changingRoutes();
        assertThat(routes).as("the live route table is read").contains("PUT /api/utterances/{utteranceId}/codes/{dimension}");
        List<String> missing = new ArrayList<>();
        for (String route : routes) {
            String method = route.substring(0, route.indexOf(' ')), path = route.substring(route.indexOf(' ') + 1);
            boolean called = calls.stream().anyMatch(c -> c.method().equals(method) && matches(path, c.path()));
            if (!called) missing.add(route);
        }
        assertThat(missing).as("routes that change data with no page calling them (add the page that calls it)").isEmpty();
    }

    @Test
    void the_matching_can_fail() {
        assertThat(expand("/api/codebooks${qdc ? '/qdc' : ''}?fileName=${encodeURIComponent(file.name)}")).containsExactly("/api/codebooks/qdc", "/api/codebooks");
        assertThat(expand("/api/users/${u.id}/${active ? 'reactivate' : 'deactivate'}")).containsExactly("/api/users/*/reactivate", "/api/users/*/deactivate");
        assertThat(expand("/api/projects/${projectId}/calibrations?coder=${x}")).containsExactly("/api/projects/*/calibrations");
        assertThat(literal("x = `/api/a/${f({b: 1})}/c` + y", 5, '`')).isEqualTo("/api/a/${f({b: 1})}/c");
        assertThat(matches("/api/transcripts/{transcriptId}/speakers", "/api/transcripts/*/speakers")).isTrue();
        assertThat(matches("/api/transcripts/{transcriptId}/speakers", "/api/transcripts/*/media")).isFalse();
        assertThat(matches("/api/transcripts/{transcriptId}", "/api/transcripts/*/speakers")).isFalse();
    }
}
