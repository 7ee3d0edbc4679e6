package nl.samenspraak.app;

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
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/api.md is the route reference: one table row per method and path. It must name every /api
 * route of the live route table (read from the running app, so a new route fails here until it is
 * documented) and no route that does not exist. Path parameters compare by place, not by name:
 * {@code {id}} in the document matches {@code {projectId}} in the code.
 */
class RouteReferenceTest {
    static final Path API_DOC = Path.of("docs", "api.md");
    static final Set<HandlerType> METHODS = Set.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);
    /** A reference row: {@code | `GET /api/projects/{projectId}` | who | what |}; the path ends at a space, a backtick, ? or [. */
    static final Pattern ROW = Pattern.compile("(?m)^\\|\\s*`(GET|POST|PUT|PATCH|DELETE) (/api/[^`\\s?\\[]*)");

    @TempDir static Path dir;
    static TestApp app;

    @BeforeAll static void start() { app = TestApp.start(dir); }

    @AfterAll static void stop() { app.close(); }

    /** {@code GET /api/projects/{projectId}/members/{userId}} becomes {@code GET /api/projects/{}/members/{}}. */
    static String normalised(String method, String path) {
        return method + " " + path.replaceAll("\\{[^}/]*}", "{}");
    }

    static Set<String> liveRoutes() {
        Set<String> out = new TreeSet<>();
        app.app.unsafe.internalRouter.allHttpHandlers().stream().map(pe -> pe.endpoint)
                .filter(e -> e.path.startsWith("/api/") && METHODS.contains(e.method))
                .forEach(e -> out.add(normalised(e.method.name(), e.path)));
        return out;
    }

    /** Every route a reference row names, in the order of the document (duplicates kept, to be found). */
    static List<String> documentedRoutes(String doc) {
        List<String> out = new ArrayList<>();
        Matcher m = ROW.matcher(doc);
        while (m.find()) out.add(normalised(m.group(1), m.group(2)));
        return out;
    }

    record Differences(Set<String> undocumented, Set<String> unknown, Set<String> twice) {
        boolean none() { return undocumented.isEmpty() && unknown.isEmpty() && twice.isEmpty(); }
    }

    static Differences compare(Set<String> live, List<String> documented) {
        Set<String> seen = new TreeSet<>(), twice = new TreeSet<>();
        for (String d : documented) if (!seen.add(d)) twice.add(d);
        Set<String> undocumented = new TreeSet<>(live);
        undocumented.removeAll(seen);
        Set<String> unknown = new TreeSet<>(seen);
        unknown.removeAll(live);
        return new Differences(undocumented, unknown, twice);
    }

    @Test
    void docs_api_md_names_every_live_route_once_and_no_other() throws IOException {
        Set<String> live = liveRoutes();
        assertThat(live).as("the live route table is read").contains("PUT /api/utterances/{}/codes/{}", "GET /api/health");
        Differences d = compare(live, documentedRoutes(Files.readString(API_DOC, StandardCharsets.UTF_8)));
        assertThat(d.undocumented()).as("live /api routes with no row in docs/api.md").isEmpty();
        assertThat(d.unknown()).as("rows in docs/api.md naming a route the app does not have").isEmpty();
        assertThat(d.twice()).as("routes with more than one row in docs/api.md (one row per method and path)").isEmpty();
    }

    @Test
    void the_comparison_finds_a_missing_an_unknown_and_a_repeated_route() {
        Set<String> live = Set.of("GET /api/projects/{}", "PUT /api/utterances/{}/codes/{}", "GET /api/health");
        String doc = """
                | route | who | what |
                | --- | --- | --- |
                | `GET /api/projects/{id}` | member | the project |
                | `PUT /api/utterances/{utteranceId}/codes/{dimension}` | coder | `{code,opId}` |
                | `GET /api/projects/{projectId}?x=1` | member | again |
                | `DELETE /api/transcripts/{id}/media` | admin | no such route |
                `GET /api/health` outside a table row is not a row
                """;
        Differences d = compare(live, documentedRoutes(doc));
        assertThat(d.undocumented()).containsExactly("GET /api/health");
        assertThat(d.unknown()).containsExactly("DELETE /api/transcripts/{}/media");
        assertThat(d.twice()).containsExactly("GET /api/projects/{}");
        assertThat(d.none()).isFalse();
        assertThat(compare(Set.of("GET /api/projects/{}"), documentedRoutes("| `GET /api/projects/{x}` | a | b |")).none()).isTrue();
    }
}
