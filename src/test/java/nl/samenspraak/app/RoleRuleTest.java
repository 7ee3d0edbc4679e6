package nl.samenspraak.app;

import nl.samenspraak.account.Role;
import nl.samenspraak.support.Fixtures;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The role rule on every route: for each route, what each kind of caller gets. "projectAdmin" has
 * the admin role in the project only (system role coder); "outsider" is logged in but no member.
 */
class RoleRuleTest {
    @TempDir static Path dir;
    static TestApp app;
    static Map<String, Http> callers = new LinkedHashMap<>();
    static long project, transcript, unit;
    static String dimension, code, scale, item;

    @BeforeAll static void start() {
        app = TestApp.start(dir);
        Http root = app.loggedIn("root", Role.ADMIN);
        project = Fixtures.project(root, "Rollen");
        for (String who : List.of("projectAdmin", "coder", "trainer", "analyst", "outsider")) {
            callers.put(who, app.loggedIn(who, Role.CODER));
        }
        Fixtures.member(root, project, "projectAdmin", "admin");
        Fixtures.member(root, project, "coder", "coder");
        Fixtures.member(root, project, "trainer", "trainer");
        Fixtures.member(root, project, "analyst", "analyst");
        callers.put("anonymous", app.anonymous());
        transcript = Fixtures.transcript(root, project, "gesprek.txt");
        unit = root.get("/api/transcripts/" + transcript).json().path("utterances").get(0).path("id").asLong();
        dimension = Fixtures.firstDimension(root);
        code = Fixtures.codeFor(root, dimension, "professional", 0);
        var s = root.get("/api/codebooks/" + Fixtures.CODEBOOK).json().path("codebook").path("ratingScales").get(0);
        scale = s.path("key").asText();
        item = s.path("items").get(0).path("key").asText();
    }

    @AfterAll static void stop() { app.close(); }

    record Rule(String route, Function<Http, Http.Response> call, Map<String, Integer> expected) {}

    /** Expected status per caller, in the order projectAdmin, coder, trainer, analyst, outsider, anonymous. */
    static Map<String, Integer> expect(int projectAdmin, int coder, int trainer, int analyst, int outsider) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("projectAdmin", projectAdmin); m.put("coder", coder); m.put("trainer", trainer);
        m.put("analyst", analyst); m.put("outsider", outsider); m.put("anonymous", 401);
        return m;
    }

    static List<Rule> rules() {
        String p = "/api/projects/" + project, t = "/api/transcripts/" + transcript, u = "/api/utterances/" + unit;
        String rating = t + "/ratings/" + scale + "/" + item;
        Supplier<Long> fresh = () -> Fixtures.transcript(app.as("root"), project, "t" + System.nanoTime() + ".txt");
        List<Rule> rules = new ArrayList<>();
        rules.add(new Rule("GET /api/me", h -> h.get("/api/me"), expect(200, 200, 200, 200, 200)));
        rules.add(new Rule("GET /api/users", h -> h.get("/api/users"), expect(403, 403, 403, 403, 403)));
        rules.add(new Rule("POST /api/users", h -> h.post("/api/users", Map.of("name", "n" + System.nanoTime(), "password", "long enough pw", "role", "coder")), expect(403, 403, 403, 403, 403)));
        rules.add(new Rule("GET /api/projects", h -> h.get("/api/projects"), expect(200, 200, 200, 200, 200)));
        rules.add(new Rule("POST /api/projects", h -> h.post("/api/projects", Map.of("name", "x" + System.nanoTime(), "codebookKey", Fixtures.CODEBOOK)), expect(403, 403, 403, 403, 403)));
        rules.add(new Rule("GET /api/projects/{id}", h -> h.get(p), expect(200, 200, 200, 200, 404)));
        rules.add(new Rule("PATCH /api/projects/{id}", h -> h.patch(p, Map.of("blindCoding", true)), expect(200, 403, 403, 403, 404)));
        rules.add(new Rule("GET /api/projects/{id}/members", h -> h.get(p + "/members"), expect(200, 403, 200, 200, 404)));
        rules.add(new Rule("POST /api/projects/{id}/members", h -> h.post(p + "/members", Map.of("userName", "coder", "role", "coder")), expect(201, 403, 403, 403, 404)));
        rules.add(new Rule("GET /api/projects/{id}/transcripts", h -> h.get(p + "/transcripts"), expect(200, 200, 200, 200, 404)));
        rules.add(new Rule("POST /api/projects/{id}/transcripts", h -> h.postFile(p + "/transcripts", "n" + System.nanoTime() + ".txt",
                Fixtures.CONVERSATION.getBytes(), Map.of()), expect(201, 403, 201, 403, 404)));
        rules.add(new Rule("GET /api/projects/{id}/transcripts/overview", h -> h.get(p + "/transcripts/overview"), expect(200, 403, 200, 403, 404)));
        rules.add(new Rule("GET /api/transcripts/{id}", h -> h.get(t), expect(200, 200, 200, 200, 404)));
        rules.add(new Rule("GET /api/transcripts/{id}/codings", h -> h.get(t + "/codings"), expect(200, 403, 200, 403, 404)));
        rules.add(new Rule("PUT /api/transcripts/{id}/speakers", h -> h.put(t + "/speakers", Map.of("KM", "professional")), expect(200, 403, 200, 403, 404)));
        rules.add(new Rule("DELETE /api/transcripts/{id}", h -> h.delete("/api/transcripts/" + fresh.get()), expect(204, 403, 403, 403, 404)));
        rules.add(new Rule("GET /api/transcripts/{id}/codes", h -> h.get(t + "/codes"), expect(200, 200, 200, 200, 404)));
        rules.add(new Rule("PUT /api/utterances/{id}/codes/{dim}", h -> h.put(u + "/codes/" + dimension, Map.of("code", code)), expect(200, 200, 200, 403, 404)));
        rules.add(new Rule("DELETE /api/utterances/{id}/codes/{dim}", h -> h.delete(u + "/codes/" + dimension), expect(200, 200, 200, 403, 404)));
        rules.add(new Rule("GET /api/transcripts/{id}/ratings", h -> h.get(t + "/ratings"), expect(200, 200, 200, 200, 404)));
        rules.add(new Rule("PUT /api/transcripts/{id}/ratings/{s}/{i}", h -> h.put(rating, Map.of("value", 2)), expect(200, 200, 200, 403, 404)));
        rules.add(new Rule("DELETE /api/transcripts/{id}/ratings/{s}/{i}", h -> h.delete(rating), expect(200, 200, 200, 403, 404)));
        rules.add(new Rule("GET /api/transcripts/{id}/changes", h -> h.get(t + "/changes"), expect(200, 200, 200, 200, 404)));
        rules.add(new Rule("GET /api/codebooks", h -> h.get("/api/codebooks"), expect(200, 200, 200, 200, 200)));
        rules.add(new Rule("GET /api/codebooks/{key}", h -> h.get("/api/codebooks/" + Fixtures.CODEBOOK), expect(200, 200, 200, 200, 200)));
        rules.add(new Rule("GET /api/codebooks/{key}/qdc", h -> h.get("/api/codebooks/" + Fixtures.CODEBOOK + "/qdc"), expect(200, 200, 200, 200, 200)));
        rules.add(new Rule("POST /api/codebooks", h -> h.postRaw("/api/codebooks", "application/json", "{}".getBytes()), expect(403, 403, 403, 403, 403)));
        rules.add(new Rule("POST /api/codebooks/validate", h -> h.postRaw("/api/codebooks/validate", "application/json", "{}".getBytes()), expect(200, 200, 200, 200, 200)));
        rules.add(new Rule("POST /api/codebooks/qdc", h -> h.postRaw("/api/codebooks/qdc", "application/xml", "<x/>".getBytes()), expect(403, 403, 403, 403, 403)));
        return rules;
    }

    @TestFactory
    List<DynamicTest> every_route_answers_each_role_as_the_access_rules_say() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Rule rule : rules()) {
            for (var e : rule.expected().entrySet()) {
                tests.add(DynamicTest.dynamicTest(rule.route() + " as " + e.getKey() + " -> " + e.getValue(), () -> {
                    Http.Response r = rule.call().apply(callers.get(e.getKey()));
                    assertThat(r.status()).as(r.body()).isEqualTo(e.getValue());
                    if (r.status() >= 400) assertThat(r.json().has("error")).isTrue();
                }));
            }
        }
        return tests;
    }
}
