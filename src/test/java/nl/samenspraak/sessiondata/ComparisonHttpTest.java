package nl.samenspraak.sessiondata;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspraak.account.Role;
import nl.samenspraak.compare.Alternative;
import nl.samenspraak.compare.WelchResult;
import nl.samenspraak.compare.WelchTest;
import nl.samenspraak.support.Fixtures;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A small project end to end: six sessions, three trained and three untrained, coded in the dimension 'step'
 * (trained sessions have more team talk by the professional) and with client cards; the comparison
 * must give what the engine gives on the same numbers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComparisonHttpTest {
    @TempDir static Path dir;
    TestApp app;
    Http admin, analyst;
    long project;
    /** Team-talk codes given to the professional's utterances in each session; sessions 0-2 trained. */
    static final int[] TEAM_TALK = {3, 2, 3, 1, 0, 1};
    static final int[] LISTENED = {5, 4, 5, 3, 4, 2};

    @BeforeAll void start() {
        app = TestApp.start(dir);
        admin = app.loggedIn("root", Role.ADMIN);
        analyst = app.loggedIn("ria", Role.ANALYST);
        app.loggedIn("tom", Role.TRAINER);
        project = Fixtures.project(admin, "Vergelijking");
        Fixtures.member(admin, project, "ria", "analyst");
        Fixtures.member(admin, project, "tom", "trainer");
        StringBuilder csv = new StringBuilder("transcript,condition,listened\n");
        for (int s = 0; s < 6; s++) {
            long id = Fixtures.transcript(admin, project, "gesprek-" + s + ".txt");
            JsonNode t = admin.get("/api/transcripts/" + id).json();
            csv.append(t.path("transcript").path("name").asText()).append(',').append(s < 3 ? "trained" : "untrained").append(',').append(LISTENED[s]).append('\n');
            int given = 0;
            for (JsonNode u : t.path("utterances")) {
                boolean professional = u.path("speakerRole").asText().equals("professional");
                String code = professional && given < TEAM_TALK[s] ? "team-talk" : "no-step";
                if (professional && code.equals("team-talk")) given++;
                Http.Response r = admin.put("/api/utterances/" + u.path("id").asLong() + "/codes/step", Map.of("code", code));
                assertThat(r.status()).as(r.body()).isEqualTo(200);
            }
        }
        admin.put("/api/projects/" + project + "/fields", Map.of("fields", List.of(Map.of("key", "condition",
                "label", Map.of("nl", "Conditie", "en", "Condition"), "type", "category", "allowed", List.of("trained", "untrained")))));
        admin.put("/api/projects/" + project + "/questionnaire", Map.of("codebookKey", "client-card-arnhem"));
        Http.Response r = admin.postFile("/api/projects/" + project + "/fields/import", "sessies.csv", csv.toString().getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @AfterAll void stop() { app.close(); }

    JsonNode measure(JsonNode result, String kind, String role, String key) {
        for (JsonNode m : result.path("measures")) {
            if (m.path("kind").asText().equals(kind) && m.path("key").asText().equals(key) && m.path("role").asText("").equals(role)) return m;
        }
        throw new AssertionError("No measure " + kind + " " + role + " " + key + " in " + result);
    }

    @Test
    void trained_against_untrained_gives_the_engines_welch_test_per_behaviour_count_and_questionnaire_item() {
        Http.Response r = analyst.get("/api/projects/" + project + "/compare?field=condition&a=trained&b=untrained&alternative=greater");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode result = r.json();
        assertThat(result.path("a").path("transcripts")).hasSize(3);
        assertThat(result.path("alternative").asText()).isEqualTo("greater");

        JsonNode teamTalk = measure(result, "count", "professional", "step.team-talk");
        WelchResult expected = WelchTest.compare(new Double[] {3.0, 2.0, 3.0}, new Double[] {1.0, 0.0, 1.0}, Alternative.GREATER);
        assertThat(teamTalk.path("result").path("a").path("mean").asDouble()).isCloseTo(8 / 3.0, within(1e-12));
        assertThat(teamTalk.path("result").path("t").asDouble()).isCloseTo(expected.t(), within(1e-12));
        assertThat(teamTalk.path("result").path("df").asDouble()).isCloseTo(expected.df(), within(1e-12));
        assertThat(teamTalk.path("result").path("p").asDouble()).isCloseTo(expected.p(), within(1e-12));
        assertThat(teamTalk.path("result").path("cohenD").asDouble()).isCloseTo(expected.cohenD(), within(1e-12));
        assertThat(teamTalk.path("result").path("ciUpper").isNull()).isTrue();
        assertThat(teamTalk.path("pHolm").asDouble()).isGreaterThanOrEqualTo(expected.p());

        JsonNode listened = measure(result, "questionnaire", "client", "listened");
        WelchResult card = WelchTest.compare(new Double[] {5.0, 4.0, 5.0}, new Double[] {3.0, 4.0, 2.0}, Alternative.GREATER);
        assertThat(listened.path("result").path("p").asDouble()).isCloseTo(card.p(), within(1e-12));
        // nobody answered 'could-say': every session is missing, and the reason says so instead of NaN
        JsonNode couldSay = measure(result, "questionnaire", "client", "could-say");
        assertThat(couldSay.path("result").path("a").path("missing").asInt()).isEqualTo(3);
        assertThat(couldSay.path("result").path("t").isNull()).isTrue();
        assertThat(couldSay.path("result").path("reason").asText()).contains("group A has 0 sessions");
    }

    @Test
    void the_comparison_is_for_admins_trainers_and_analysts_and_checks_its_parameters() {
        String base = "/api/projects/" + project + "/compare?field=condition&a=trained&b=untrained";
        assertThat(app.as("tom").get(base).status()).isEqualTo(200);
        assertThat(admin.get(base).status()).isEqualTo(200);
        app.loggedIn("anna", Role.CODER);
        Fixtures.member(admin, project, "anna", "coder");
        assertThat(app.as("anna").get(base).status()).isEqualTo(403);
        assertThat(analyst.get(base + "&alternative=sideways").error()).contains("alternative");
        assertThat(analyst.get("/api/projects/" + project + "/compare?field=site&a=x&b=y").error()).contains("'site'");
        assertThat(analyst.get("/api/projects/" + project + "/compare?field=condition&a=trained&b=maybe").error()).contains("'b'");
    }
}
