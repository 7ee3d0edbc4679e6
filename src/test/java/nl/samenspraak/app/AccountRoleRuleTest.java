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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The role rule on the routes of set-up, users, project settings, members and codebook download: what
 * each kind of caller gets. "systemAdmin" is a system administrator; "projectAdmin" has the admin role
 * in the project only; "outsider" is logged in but no member (404 for the project's routes).
 */
class AccountRoleRuleTest {
    @TempDir static Path dir;
    static TestApp app;
    static Map<String, Http> callers = new LinkedHashMap<>();
    static long project;
    static final AtomicInteger fresh = new AtomicInteger();

    @BeforeAll static void start() {
        app = TestApp.start(dir);
        callers.put("systemAdmin", app.loggedIn("root", Role.ADMIN));
        project = Fixtures.project(callers.get("systemAdmin"), "Rollen bij beheer");
        for (String who : List.of("projectAdmin", "coder", "trainer", "analyst", "outsider")) callers.put(who, app.loggedIn(who, Role.CODER));
        Fixtures.member(callers.get("systemAdmin"), project, "projectAdmin", "admin");
        Fixtures.member(callers.get("systemAdmin"), project, "coder", "coder");
        Fixtures.member(callers.get("systemAdmin"), project, "trainer", "trainer");
        Fixtures.member(callers.get("systemAdmin"), project, "analyst", "analyst");
        callers.put("anonymous", app.anonymous());
    }

    @AfterAll static void stop() { app.close(); }

    record Rule(String route, Function<Http, Http.Response> call, Map<String, Integer> expected) {}

    /** Expected status in the order systemAdmin, projectAdmin, coder, trainer, analyst, outsider, anonymous. */
    static Map<String, Integer> expect(int... statuses) {
        Map<String, Integer> m = new LinkedHashMap<>();
        List<String> order = List.of("systemAdmin", "projectAdmin", "coder", "trainer", "analyst", "outsider", "anonymous");
        for (int i = 0; i < order.size(); i++) m.put(order.get(i), statuses[i]);
        return m;
    }

    /** A new user, a member of the project as coder when {@code member}; returns their id. */
    static long throwaway(boolean member) {
        String name = newUser();
        if (member) Fixtures.member(callers.get("systemAdmin"), project, name, "coder");
        return app.count("SELECT id FROM users WHERE name = '" + name + "'");
    }

    /** A user who never logs in, inserted directly: an Argon2 hash for each of some forty would cost seconds. */
    static String newUser() {
        String name = "tijdelijk-" + fresh.incrementAndGet();
        app.jdbi.useHandle(h -> h.execute("INSERT INTO users(name, name_key, password_hash, system_role, created_at) "
                + "VALUES (?, ?, 'no password', 'coder', '2026-01-01T00:00:00Z')", name, name));
        return name;
    }

    static List<Rule> rules() {
        String p = "/api/projects/" + project;
        List<Rule> rules = new ArrayList<>();
        rules.add(new Rule("GET /api/setup", h -> h.get("/api/setup"), expect(404, 404, 404, 404, 404, 404, 404)));
        rules.add(new Rule("POST /api/setup", h -> h.post("/api/setup", Map.of("code", "x", "name", "x", "password", "een lang wachtwoord")),
                expect(404, 404, 404, 404, 404, 404, 404)));
        rules.add(new Rule("PUT /api/me/password", h -> h.put("/api/me/password", Map.of("current", "wrong", "password", "een lang wachtwoord")),
                expect(400, 400, 400, 400, 400, 400, 401)));
        rules.add(new Rule("GET /api/users", h -> h.get("/api/users"), expect(200, 403, 403, 403, 403, 403, 401)));
        rules.add(new Rule("POST /api/users", h -> h.post("/api/users", Map.of("name", "n" + fresh.incrementAndGet(), "role", "coder")),
                expect(201, 403, 403, 403, 403, 403, 401)));
        rules.add(new Rule("PUT /api/users/{id}/password", h -> h.put("/api/users/" + throwaway(false) + "/password", Map.of()),
                expect(200, 403, 403, 403, 403, 403, 401)));
        rules.add(new Rule("POST /api/users/{id}/deactivate", h -> h.post("/api/users/" + throwaway(false) + "/deactivate", Map.of()),
                expect(200, 403, 403, 403, 403, 403, 401)));
        rules.add(new Rule("POST /api/users/{id}/reactivate", h -> h.post("/api/users/" + throwaway(false) + "/reactivate", Map.of()),
                expect(200, 403, 403, 403, 403, 403, 401)));
        rules.add(new Rule("GET /api/projects/{id}/settings", h -> h.get(p + "/settings"), expect(200, 200, 403, 403, 403, 404, 401)));
        rules.add(new Rule("PATCH /api/projects/{id} {calibrationThreshold}", h -> h.patch(p, Map.of("calibrationThreshold", 0.7)),
                expect(200, 200, 403, 403, 403, 404, 401)));
        rules.add(new Rule("GET /api/projects/{id}/members", h -> h.get(p + "/members"), expect(200, 200, 403, 200, 200, 404, 401)));
        rules.add(new Rule("GET /api/projects/{id}/candidates", h -> h.get(p + "/candidates"), expect(200, 200, 403, 403, 403, 404, 401)));
        rules.add(new Rule("POST /api/projects/{id}/members", h -> h.post(p + "/members", Map.of("userName", newUser(), "role", "coder")),
                expect(201, 201, 403, 403, 403, 404, 401)));
        rules.add(new Rule("PUT /api/projects/{id}/members/{userId}", h -> h.put(p + "/members/" + throwaway(true), Map.of("role", "analyst")),
                expect(200, 200, 403, 403, 403, 404, 401)));
        rules.add(new Rule("DELETE /api/projects/{id}/members/{userId}", h -> h.delete(p + "/members/" + throwaway(true)),
                expect(204, 204, 403, 403, 403, 404, 401)));
        rules.add(new Rule("GET /api/codebooks/{key}/json", h -> h.get("/api/codebooks/" + Fixtures.CODEBOOK + "/json"),
                expect(200, 200, 200, 200, 200, 200, 401)));
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
