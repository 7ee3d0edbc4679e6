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
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The role rule on the routes of assignment, everyone's progress and the change history, in the
 * style of {@link RoleRuleTest}: a blind project, callers by their role in it.
 */
class AssignmentAuditRoleTest {
    @TempDir static Path dir;
    static TestApp app;
    static final Map<String, Http> callers = new java.util.LinkedHashMap<>();
    static long project, transcript, unit, coderId, trainerId, closed;

    @BeforeAll static void start() {
        app = TestApp.start(dir);
        Http root = app.loggedIn("root", Role.ADMIN);
        project = Fixtures.project(root, "Toezicht");
        for (String who : List.of("projectAdmin", "coder", "trainer", "analyst", "outsider")) callers.put(who, app.loggedIn(who, Role.CODER));
        Fixtures.member(root, project, "projectAdmin", "admin");
        Fixtures.member(root, project, "coder", "coder");
        Fixtures.member(root, project, "trainer", "trainer");
        Fixtures.member(root, project, "analyst", "analyst");
        callers.put("anonymous", app.anonymous());
        coderId = callers.get("coder").get("/api/me").json().path("id").asLong();
        transcript = Fixtures.transcript(root, project, "gesprek.txt");
        unit = root.get("/api/transcripts/" + transcript).json().path("utterances").get(0).path("id").asLong();
        // A transcript assigned to the trainer only, with a recording and the trainer's coding as its reference.
        trainerId = callers.get("trainer").get("/api/me").json().path("id").asLong();
        closed = Fixtures.transcript(root, project, "gesloten.txt");
        closeToCoder();
        long closedUnit = root.get("/api/transcripts/" + closed).json().path("utterances").get(0).path("id").asLong();
        String dimension = Fixtures.firstDimension(root);
        callers.get("trainer").put("/api/utterances/" + closedUnit + "/codes/" + dimension, Map.of("code", Fixtures.codeFor(root, dimension, "professional", 0)));
        root.postFile("/api/transcripts/" + closed + "/media", "opname.wav", Fixtures.wav(4000), Map.of());
        root.put("/api/transcripts/" + closed + "/reference", Map.of("coderId", trainerId));
    }

    /** The closed transcript is the trainer's only (other rules reassign; this puts it back). */
    static void closeToCoder() {
        Http root = app.as("root");
        root.delete("/api/projects/" + project + "/assignments/" + closed + "/" + coderId);
        root.put("/api/projects/" + project + "/assignments", Map.of("assignments", List.of(Map.of("transcriptId", closed, "userId", trainerId))));
    }

    @AfterAll static void stop() { app.close(); }

    record Rule(String route, java.util.function.Function<Http, Http.Response> call, int... expected) {}

    static List<Rule> rules() {
        String p = "/api/projects/" + project, pair = Map.of("transcriptId", transcript, "userId", coderId).toString();
        Map<String, Object> put = Map.of("assignments", List.of(Map.of("transcriptId", transcript, "userId", coderId)));
        List<Rule> rules = new ArrayList<>();
        rules.add(new Rule("GET assignments", h -> h.get(p + "/assignments"), 200, 403, 403, 403, 404));
        rules.add(new Rule("PUT assignments " + pair, h -> h.put(p + "/assignments", put), 200, 403, 403, 403, 404));
        rules.add(new Rule("DELETE assignments/{t}/{u}", h -> {
            app.as("root").put(p + "/assignments", put);
            return h.delete(p + "/assignments/" + transcript + "/" + coderId);
        }, 204, 403, 403, 403, 404));
        rules.add(new Rule("POST assignments/rule", h -> h.post(p + "/assignments/rule", Map.of("coders", List.of(coderId), "secondShare", 0, "seed", 3)),
                200, 403, 403, 403, 404));
        rules.add(new Rule("GET progress/all (blind)", h -> h.get(p + "/progress/all"), 200, 403, 200, 200, 404));
        rules.add(new Rule("GET utterance history", h -> h.get("/api/utterances/" + unit + "/history"), 200, 403, 403, 403, 404));
        rules.add(new Rule("GET transcript history", h -> h.get("/api/transcripts/" + transcript + "/history"), 200, 403, 403, 403, 404));
        rules.add(new Rule("GET project history", h -> h.get(p + "/history"), 200, 403, 403, 403, 404));
        rules.add(new Rule("GET coder history", h -> h.get(p + "/history?coder=" + coderId), 200, 403, 403, 403, 404));
        rules.add(new Rule("GET utterance history.csv", h -> h.get("/api/utterances/" + unit + "/history.csv"), 200, 403, 403, 403, 404));
        rules.add(new Rule("GET transcript history.csv", h -> h.get("/api/transcripts/" + transcript + "/history.csv"), 200, 403, 403, 403, 404));
        rules.add(new Rule("GET project history.csv", h -> h.get(p + "/history.csv?coder=" + coderId), 200, 403, 403, 403, 404));
        // "Open to this coder" holds for the recording and the calibration of a transcript assigned to someone else.
        String c = "/api/transcripts/" + closed;
        rules.add(new Rule("GET media (assigned to another)", h -> { closeToCoder(); return h.get(c + "/media"); }, 200, 404, 200, 200, 404));
        rules.add(new Rule("GET media/info (assigned to another)", h -> { closeToCoder(); return h.get(c + "/media/info"); }, 200, 404, 200, 200, 404));
        rules.add(new Rule("GET calibration (assigned to another)", h -> { closeToCoder(); return h.get(c + "/calibration?coder=" + coderId); },
                200, 404, 200, 200, 404));
        rules.add(new Rule("POST calibration (assigned to another)", h -> { closeToCoder(); return h.post(c + "/calibration?coder=" + coderId, Map.of()); },
                200, 404, 200, 403, 404));
        return rules;
    }

    @TestFactory
    List<DynamicTest> every_new_route_answers_each_role_as_the_access_rules_say() {
        List<String> who = List.of("projectAdmin", "coder", "trainer", "analyst", "outsider", "anonymous");
        List<DynamicTest> tests = new ArrayList<>();
        for (Rule rule : rules()) {
            for (int i = 0; i < who.size(); i++) {
                int expected = i < rule.expected().length ? rule.expected()[i] : 401;
                String caller = who.get(i);
                tests.add(DynamicTest.dynamicTest(rule.route() + " as " + caller + " -> " + expected, () -> {
                    Http.Response r = rule.call().apply(callers.get(caller));
                    assertThat(r.status()).as(r.body()).isEqualTo(expected);
                    if (r.status() >= 400) assertThat(r.json().has("error")).isTrue();
                }));
            }
        }
        return tests;
    }
}
