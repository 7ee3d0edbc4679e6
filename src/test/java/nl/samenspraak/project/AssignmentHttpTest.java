package nl.samenspraak.project;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspraak.account.Role;
import nl.samenspraak.support.Fixtures;
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
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssignmentHttpTest {
    @TempDir static Path dir;
    TestApp app;
    Http admin, ann, bob;
    long project, annId, bobId, t1, t2, t3;
    String dimension, code;

    @BeforeAll void start() { app = TestApp.start(dir); }

    @BeforeEach void fresh() {
        admin = app.loggedIn("admin", Role.ADMIN);
        annId = app.user("ann", Role.CODER).id();
        bobId = app.user("bob", Role.CODER).id();
        project = Fixtures.project(admin, app.unique("Toewijzing"));
        Fixtures.member(admin, project, "ann", "coder");
        Fixtures.member(admin, project, "bob", "coder");
        t1 = Fixtures.transcript(admin, project, "a.txt");
        t2 = Fixtures.transcript(admin, project, "b.txt");
        t3 = Fixtures.transcript(admin, project, "c.txt");
        ann = app.as("ann");
        bob = app.as("bob");
        dimension = Fixtures.firstDimension(admin);
        code = Fixtures.codeFor(admin, dimension, "professional", 0);
    }

    @AfterAll void stop() { app.close(); }

    @Test
    void before_any_assignment_every_coder_sees_and_codes_every_transcript() {
        assertThat(ids(ann.get("/api/projects/" + project + "/transcripts"))).containsExactly(t1, t2, t3);
        assertThat(ann.put("/api/utterances/" + unit(t3) + "/codes/" + dimension, Map.of("code", code)).status()).isEqualTo(200);
        JsonNode grid = admin.get("/api/projects/" + project + "/assignments").json();
        assertThat(grid.path("active").asBoolean()).isFalse();
        assertThat(grid.path("coders")).hasSize(2);
    }

    @Test
    void once_assigned_a_coder_sees_and_codes_only_their_transcripts() {
        Http.Response put = admin.put("/api/projects/" + project + "/assignments",
                Map.of("assignments", List.of(Map.of("transcriptId", t1, "userId", annId), Map.of("transcriptId", t2, "userId", bobId))));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().path("active").asBoolean()).isTrue();
        assertThat(ids(ann.get("/api/projects/" + project + "/transcripts"))).containsExactly(t1);
        assertThat(ids(bob.get("/api/projects/" + project + "/transcripts"))).containsExactly(t2);
        assertThat(ids(admin.get("/api/projects/" + project + "/transcripts"))).containsExactly(t1, t2, t3);
        assertThat(ann.get("/api/transcripts/" + t1).status()).isEqualTo(200);
        assertThat(ann.get("/api/transcripts/" + t2).status()).as("a transcript not assigned to a coder stays closed").isEqualTo(404);
        assertThat(ann.get("/api/projects/" + project + "/progress").json().findValuesAsText("transcriptId")).containsExactly(String.valueOf(t1));

        assertThat(ann.put("/api/utterances/" + unit(t1) + "/codes/" + dimension, Map.of("code", code)).status()).isEqualTo(200);
        Http.Response refused = ann.put("/api/utterances/" + unit(t2) + "/codes/" + dimension, Map.of("code", code));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.error()).contains("not assigned to you");
        String rating = ratingPath(t2);
        assertThat(ann.put(rating, Map.of("value", 2)).status()).isEqualTo(403);
        assertThat(bob.put(rating, Map.of("value", 2)).status()).isEqualTo(200);
        assertThat(admin.put("/api/utterances/" + unit(t3) + "/codes/" + dimension, Map.of("code", code)).status())
                .as("admins make expert codings on any transcript").isEqualTo(200);

        assertThat(admin.delete("/api/projects/" + project + "/assignments/" + t1 + "/" + annId).status()).isEqualTo(204);
        assertThat(admin.delete("/api/projects/" + project + "/assignments/" + t1 + "/" + annId).status()).isEqualTo(404);
        assertThat(ids(ann.get("/api/projects/" + project + "/transcripts"))).isEmpty();
    }

    @Test
    void assigning_checks_the_transcript_and_the_coder() {
        Http.Response wrongTranscript = admin.put("/api/projects/" + project + "/assignments",
                Map.of("assignments", List.of(Map.of("transcriptId", 9999, "userId", annId))));
        assertThat(wrongTranscript.status()).isEqualTo(400);
        assertThat(wrongTranscript.error()).contains("assignments[0].transcriptId");
        long stranger = app.user("stranger", Role.CODER).id();
        Http.Response notMember = admin.put("/api/projects/" + project + "/assignments",
                Map.of("assignments", List.of(Map.of("transcriptId", t1, "userId", stranger))));
        assertThat(notMember.status()).isEqualTo(400);
        assertThat(notMember.error()).contains("not a member");
        assertThat(admin.put("/api/projects/" + project + "/assignments", "not json").status()).isEqualTo(400);
    }

    @Test
    void the_rule_replaces_the_grid_reproducibly_and_gives_no_transcript_twice_to_one_coder() {
        Map<String, Object> rule = Map.of("coders", List.of(annId, bobId), "secondShare", 0.34, "seed", 7);
        Http.Response first = admin.post("/api/projects/" + project + "/assignments/rule", rule);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("doubleCoded").asInt()).isEqualTo(1);
        assertThat(first.json().path("pairs")).hasSize(4);
        JsonNode again = admin.post("/api/projects/" + project + "/assignments/rule", rule).json();
        assertThat(again.path("pairs")).isEqualTo(first.json().path("pairs"));
        for (JsonNode row : again.path("grid").path("transcripts")) {
            assertThat(row.path("userIds").size()).isBetween(1, 2);
            if (row.path("userIds").size() == 2) assertThat(row.path("userIds").get(0)).isNotEqualTo(row.path("userIds").get(1));
        }
        Http.Response oneCoder = admin.post("/api/projects/" + project + "/assignments/rule", Map.of("coders", List.of(annId), "secondShare", 0.5));
        assertThat(oneCoder.status()).isEqualTo(400);
        assertThat(oneCoder.error()).isEqualTo("Field 'coders': A second coder needs at least two coders.");
        assertThat(oneCoder.json().path("params").path("problemCode").asText()).isEqualTo("assign.secondCoderNeedsTwo");
        assertThat(oneCoder.json().path("params").path("problem").asText()).isEqualTo("A second coder needs at least two coders.");
    }

    @Test
    void the_admin_sees_everyones_progress_per_coder_transcript_and_dimension() {
        admin.put("/api/projects/" + project + "/assignments",
                Map.of("assignments", List.of(Map.of("transcriptId", t1, "userId", annId), Map.of("transcriptId", t1, "userId", bobId))));
        ann.put("/api/utterances/" + unit(t1) + "/codes/" + dimension, Map.of("code", code));
        JsonNode rows = admin.get("/api/projects/" + project + "/progress/all").json();
        assertThat(rows).hasSize(2);
        JsonNode annRow = rows.get(0).path("coderName").asText().equals("ann") ? rows.get(0) : rows.get(1);
        assertThat(annRow.path("transcriptId").asLong()).isEqualTo(t1);
        assertThat(annRow.path("assigned").asBoolean()).isTrue();
        assertThat(annRow.path("coded").path(dimension).asInt()).isEqualTo(1);
        assertThat(annRow.path("units").asInt()).isEqualTo(6);
        assertThat(ann.get("/api/projects/" + project + "/progress/all").status()).isEqualTo(403);
        admin.patch("/api/projects/" + project, Map.of("blindCoding", false));
        assertThat(ann.get("/api/projects/" + project + "/progress/all").status()).isEqualTo(200);
    }

    private long unit(long transcript) {
        return admin.get("/api/transcripts/" + transcript).json().path("utterances").get(0).path("id").asLong();
    }

    private String ratingPath(long transcript) {
        JsonNode s = admin.get("/api/codebooks/" + Fixtures.CODEBOOK).json().path("codebook").path("ratingScales").get(0);
        return "/api/transcripts/" + transcript + "/ratings/" + s.path("key").asText() + "/" + s.path("items").get(0).path("key").asText();
    }

    private static List<Long> ids(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        r.json().forEach(t -> ids.add(t.path("id").asLong()));
        return ids;
    }
}
