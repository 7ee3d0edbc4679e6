package nl.samenspraak.review;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Trainer review over HTTP on {@link ReviewedProject}: one app, a fresh project per test. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewHttpTest {
    @TempDir static Path dir;
    TestApp app;
    ReviewedProject p;

    @BeforeAll void start() { app = TestApp.start(dir); }

    @AfterAll void stop() { app.close(); }

    @BeforeEach void freshProject() {
        p = new ReviewedProject(app);
    }

    private String profile(int session) {
        return "/api/transcripts/" + p.sessions.get(session) + "/profile";
    }

    private static JsonNode code(JsonNode session, String dimension, String code) {
        for (JsonNode c : session.path("codes")) {
            if (c.path("dimension").asText().equals(dimension) && c.path("code").asText().equals(code)) return c;
        }
        throw new AssertionError("no " + dimension + "/" + code);
    }

    private static List<Integer> units(JsonNode c) {
        List<Integer> out = new ArrayList<>();
        c.path("units").forEach(u -> out.add(u.asInt()));
        return out;
    }

    @Test
    void profile_counts_every_code_with_its_units_and_the_rescaled_option5_total() {
        Http.Response r = p.trainer.get(profile(1));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode s = r.json().path("session");
        assertThat(r.json().path("coding").path("name").asText()).isEqualTo("anna");
        assertThat(r.json().path("professional").path("name").asText()).isEqualTo(p.pietName);
        assertThat(code(s, "step", "team-talk").path("count").asDouble()).isEqualTo(1);
        assertThat(units(code(s, "step", "option-talk"))).containsExactly(3, 5);
        assertThat(units(code(s, "step", "decision-talk"))).containsExactly(6);
        assertThat(code(s, "step", "no-step").path("count").asDouble()).isZero();
        assertThat(units(code(s, "behaviour", "several-options"))).containsExactly(3, 5);
        assertThat(units(code(s, "behaviour", "states-goal"))).containsExactly(4);
        assertThat(code(s, "behaviour", "pros-cons").path("count").asDouble()).isZero();
        assertThat(s.path("codes").size()).isEqualTo(4 + 19);
        JsonNode option5 = s.path("ratings").get(0);
        assertThat(option5.path("scale").asText()).isEqualTo("option-5");
        assertThat(option5.path("total").asDouble()).isEqualTo(10);
        assertThat(option5.path("rescaled").asDouble()).isEqualTo(50);
        assertThat(r.json().path("units").size()).isEqualTo(6);
        assertThat(r.json().path("reviewer").asBoolean()).isTrue();
        assertThat(p.piet.get(profile(1)).json().path("reviewer").asBoolean()).isFalse();
    }

    @Test
    void profile_compares_with_the_same_professionals_earlier_sessions_only() {
        JsonNode earlier = p.trainer.get(profile(1)).json().path("earlier");
        assertThat(earlier.size()).isEqualTo(1);
        assertThat(earlier.get(0).path("transcriptId").asLong()).isEqualTo(p.sessions.get(0));
        assertThat(code(earlier.get(0), "step", "team-talk").path("count").asDouble()).isEqualTo(1);
        assertThat(earlier.get(0).path("ratings").get(0).path("rescaled").isNull()).isTrue();
        assertThat(earlier.get(0).path("ratings").get(0).path("reason").asText()).contains("not rated");
        assertThat(p.trainer.get(profile(0)).json().path("earlier").size()).isZero();
    }

    @Test
    void reference_is_one_session_or_the_mean_of_a_group() {
        JsonNode one = p.trainer.get(profile(1) + "?reference=" + p.sessions.get(2)).json().path("reference");
        assertThat(code(one, "step", "option-talk").path("count").asDouble()).isEqualTo(2);
        assertThat(one.path("ratings").get(0).path("rescaled").asDouble()).isEqualTo(100);
        JsonNode mean = p.trainer.get(profile(1) + "?reference=" + p.sessions.get(0) + "," + p.sessions.get(2)).json().path("reference");
        assertThat(mean.path("sessions").asInt()).isEqualTo(2);
        assertThat(code(mean, "step", "option-talk").path("count").asDouble()).isEqualTo(1.0);
        assertThat(code(mean, "step", "team-talk").path("count").asDouble()).isEqualTo(0.5);
        assertThat(mean.path("ratings").get(0).path("rescaled").asDouble()).isEqualTo(100);
        assertThat(mean.path("ratings").get(0).path("reason").asText()).contains("1 of 2");
        Http.Response bad = p.trainer.get(profile(1) + "?reference=999");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.error()).contains("reference");
        assertThat(p.trainer.get(profile(1) + "?reference=x").status()).isEqualTo(400);
        assertThat(p.trainer.get(profile(1) + "?coder=999").status()).isEqualTo(400);
        assertThat(p.trainer.get(profile(1) + "?dataset=consensus").status()).isEqualTo(400);
    }

    @Test
    void feedback_is_written_by_the_trainer_on_units_or_the_session_and_read_back_as_text() {
        String url = "/api/transcripts/" + p.sessions.get(1) + "/feedback";
        Map<String, Object> onUnit = new HashMap<>();
        onUnit.put("utteranceId", p.units.get(1).get(2));
        onUnit.put("text", "<b>Goed</b>: u noemt de opties.");
        Http.Response r = p.trainer.post(url, onUnit);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().path("unit").asInt()).isEqualTo(3);
        assertThat(r.json().path("author").asText()).isEqualTo("tom");
        assertThat(r.json().path("createdAt").asText()).isNotBlank();
        assertThat(p.trainer.post(url, Map.of("text", "Vraag vaker naar voorkeuren.")).status()).isEqualTo(201);

        JsonNode list = p.piet.get(url).json();
        assertThat(list.size()).isEqualTo(2);
        assertThat(list.get(0).path("unit").isNull()).isTrue();
        assertThat(list.get(1).path("text").asText()).isEqualTo("<b>Goed</b>: u noemt de opties.");

        assertThat(p.trainer.post(url, Map.of("text", "   ")).status()).isEqualTo(400);
        assertThat(p.trainer.post(url, Map.of("text", "x".repeat(ReviewService.MAX_FEEDBACK + 1))).status()).isEqualTo(400);
        Http.Response other = p.trainer.post(url, Map.of("utteranceId", p.units.get(0).get(0), "text", "elders"));
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.error()).contains("utteranceId");
        assertThat(p.trainer.postRaw(url, "application/json", "{".getBytes()).status()).isEqualTo(400);
    }

    @Test
    void my_sessions_lists_a_professionals_own_sessions_with_project_and_feedback_count() {
        p.trainer.post("/api/transcripts/" + p.sessions.get(1) + "/feedback", Map.of("text", "Goed gesprek."));
        JsonNode mine = p.piet.get("/api/me/sessions").json();
        assertThat(mine.size()).isEqualTo(2);
        assertThat(mine.get(0).path("transcriptId").asLong()).isEqualTo(p.sessions.get(1));
        assertThat(mine.get(0).path("project").asText()).isEqualTo(p.projectName);
        assertThat(mine.get(0).path("feedback").asInt()).isEqualTo(1);
        assertThat(mine.get(1).path("feedback").asInt()).isZero();
        assertThat(p.olga.get("/api/me/sessions").json().size()).isEqualTo(1);
        assertThat(p.trainer.get("/api/me/sessions").json().size()).isZero();
        assertThat(app.anonymous().get("/api/me/sessions").status()).isEqualTo(401);
    }

    @Test
    void the_professional_reads_only_their_own_sessions_and_writes_nothing() {
        assertThat(p.piet.get(profile(1)).status()).isEqualTo(200);
        assertThat(p.piet.get(profile(2)).status()).isEqualTo(404);
        assertThat(p.piet.get("/api/transcripts/" + p.sessions.get(2) + "/feedback").status()).isEqualTo(404);
        assertThat(p.olga.get(profile(1)).status()).isEqualTo(404);
        assertThat(p.piet.get(profile(1) + "?reference=" + p.sessions.get(2)).status()).isEqualTo(403);
        assertThat(p.piet.post("/api/transcripts/" + p.sessions.get(1) + "/feedback", Map.of("text", "zelf")).status()).isEqualTo(403);
        assertThat(p.piet.put("/api/transcripts/" + p.sessions.get(1) + "/professional", Map.of("userId", p.olgaId)).status()).isEqualTo(403);
        // Being linked does not open the transcript, its codes or the project's reports.
        assertThat(p.piet.get("/api/transcripts/" + p.sessions.get(1)).status()).isEqualTo(404);
        assertThat(p.piet.get("/api/transcripts/" + p.sessions.get(1) + "/report").status()).isEqualTo(404);
        assertThat(p.piet.get("/api/projects/" + p.project + "/report").status()).isEqualTo(404);
    }

    @Test
    void each_project_role_gets_what_it_may() {
        String feedback = "/api/transcripts/" + p.sessions.get(1) + "/feedback";
        assertThat(p.admin.get(profile(1)).status()).isEqualTo(200);
        assertThat(p.admin.post(feedback, Map.of("text", "van de beheerder")).status()).isEqualTo(201);
        assertThat(p.trainer.get(feedback).status()).isEqualTo(200);
        for (Http refused : List.of(p.anna, p.analyst)) {
            assertThat(refused.get(profile(1)).status()).isEqualTo(403);
            assertThat(refused.get(feedback).status()).isEqualTo(403);
            assertThat(refused.post(feedback, Map.of("text", "nee")).status()).isEqualTo(403);
            assertThat(refused.put("/api/transcripts/" + p.sessions.get(1) + "/professional", Map.of("userId", p.olgaId)).status()).isEqualTo(403);
        }
        assertThat(p.stranger.get(profile(1)).status()).isEqualTo(404);
        assertThat(p.stranger.post(feedback, Map.of("text", "nee")).status()).isEqualTo(404);
        assertThat(app.anonymous().get(profile(1)).status()).isEqualTo(401);
        assertThat(p.trainer.get("/api/transcripts/999/profile").status()).isEqualTo(404);
    }

    @Test
    void linking_a_professional_names_an_existing_user_and_can_be_undone() {
        String url = "/api/transcripts/" + p.sessions.get(1) + "/professional";
        Http.Response bad = p.trainer.put(url, Map.of("userId", 999));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.error()).contains("userId");
        Map<String, Object> none = new HashMap<>();
        none.put("userId", null);
        assertThat(p.trainer.put(url, none).status()).isEqualTo(200);
        assertThat(p.piet.get(profile(1)).status()).isEqualTo(404);
        p.link(1, p.olgaId);
        assertThat(p.olga.get(profile(1)).status()).isEqualTo(200);
        assertThat(p.olga.get(profile(1)).json().path("earlier").size()).isZero();
    }
}
