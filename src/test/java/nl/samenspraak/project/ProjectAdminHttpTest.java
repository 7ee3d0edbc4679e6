package nl.samenspraak.project;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspraak.account.Role;
import nl.samenspraak.calibration.CalibrationService;
import nl.samenspraak.support.Fixtures;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** New project with its settings, the settings page's route, and members: add, change role, remove. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectAdminHttpTest {
    @TempDir static Path dir;
    TestApp app;
    Http root;
    int n;

    @BeforeAll void start() {
        app = TestApp.start(dir);
        root = app.loggedIn("root", Role.ADMIN);
        for (String u : new String[]{"anna", "bert", "cora", "dirk"}) app.user(u, Role.CODER);
    }

    @AfterAll void stop() { app.close(); }

    private long project() {
        return Fixtures.project(root, "Gemeente Arnhem – Samen Beslissen onderzoek 2026 (meting " + (++n) + ")");
    }

    private static byte[] small() {
        try (var in = ProjectAdminHttpTest.class.getResourceAsStream("/codebook/small.json")) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private long id(String name) { return app.count("SELECT id FROM users WHERE name = '" + name + "'"); }

    @Test
    void a_new_project_takes_name_codebook_blind_coding_and_calibration_threshold() {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Nieuw project", "codebookKey", Fixtures.CODEBOOK,
                "blindCoding", false, "calibrationThreshold", 0.8));
        Http.Response r = root.post("/api/projects", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode s = root.get("/api/projects/" + r.json().path("id").asLong() + "/settings").json();
        assertThat(s.path("name").asText()).isEqualTo("Nieuw project");
        assertThat(s.path("blindCoding").asBoolean()).isFalse();
        assertThat(s.path("calibrationThreshold").asDouble()).isEqualTo(0.8);
        assertThat(s.path("codebookVersion").asText()).isNotBlank();
        body.put("name", "Ander project");
        body.put("calibrationThreshold", 1.5);
        Http.Response bad = root.post("/api/projects", body);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.error()).contains("calibrationThreshold");
        assertThat(app.count("SELECT count(*) FROM projects WHERE name = 'Ander project'")).isZero();
    }

    @Test
    void without_a_threshold_a_project_uses_the_calibration_default() {
        assertThat(root.get("/api/projects/" + project() + "/settings").json().path("calibrationThreshold").asDouble())
                .isEqualTo(ProjectSettings.DEFAULT_THRESHOLD).isEqualTo(CalibrationService.DEFAULT_THRESHOLD);
    }

    @Test
    void settings_change_name_blind_coding_threshold_and_codebook_and_existing_codes_keep_their_version() {
        long p = project();
        Fixtures.member(root, p, "anna", "coder");
        long t = Fixtures.transcript(root, p, "gesprek.txt");
        Http anna = app.as("anna");
        long unit = anna.get("/api/transcripts/" + t).json().path("utterances").get(0).path("id").asLong();
        String dim = Fixtures.firstDimension(anna);
        anna.put("/api/utterances/" + unit + "/codes/" + dim, Map.of("code", Fixtures.codeFor(anna, dim, "professional", 0)));
        long before = app.count("SELECT codebook_id FROM codes WHERE coder_id = " + id("anna"));
        String other = root.postRaw("/api/codebooks", "application/json", small()).json().path("key").asText();

        Http.Response r = root.patch("/api/projects/" + p, Map.of("name", "Hernoemd " + p, "blindCoding", false,
                "calibrationThreshold", 0.6, "codebookKey", other));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode s = r.json();
        assertThat(s.path("name").asText()).isEqualTo("Hernoemd " + p);
        assertThat(s.path("codebookKey").asText()).isEqualTo(other);
        assertThat(s.path("calibrationThreshold").asDouble()).isEqualTo(0.6);
        assertThat(s.path("codes").asLong()).isEqualTo(1);
        assertThat(s.path("codedWith").get(0).path("key").asText()).isEqualTo(Fixtures.CODEBOOK);
        assertThat(app.count("SELECT codebook_id FROM codes WHERE coder_id = " + id("anna"))).isEqualTo(before);
        assertThat(root.patch("/api/projects/" + p, Map.of("codebookKey", "nope")).error()).contains("codebookKey");
        long q = project();
        assertThat(root.patch("/api/projects/" + q, Map.of("name", "Hernoemd " + p)).status()).isEqualTo(409);
    }

    @Test
    void an_admin_adds_a_member_by_name_changes_the_role_and_removes_them_and_their_codes_stay_theirs() {
        long p = project();
        Http.Response added = root.post("/api/projects/" + p + "/members", Map.of("userName", "BERT", "role", "coder"));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().path("name").asText()).isEqualTo("bert");
        assertThat(root.get("/api/projects/" + p + "/candidates").body()).doesNotContain("\"bert\"").contains("\"cora\"");
        long t = Fixtures.transcript(root, p, "gesprek.txt");
        Http bert = app.as("bert");
        long unit = bert.get("/api/transcripts/" + t).json().path("utterances").get(0).path("id").asLong();
        String dim = Fixtures.firstDimension(bert);
        assertThat(bert.put("/api/utterances/" + unit + "/codes/" + dim, Map.of("code", Fixtures.codeFor(bert, dim, "professional", 0))).status()).isEqualTo(200);

        Http.Response changed = root.put("/api/projects/" + p + "/members/" + id("bert"), Map.of("role", "analyst"));
        assertThat(changed.json().path("role").asText()).isEqualTo("analyst");
        assertThat(bert.put("/api/utterances/" + unit + "/codes/" + dim, Map.of("code", Fixtures.codeFor(bert, dim, "professional", 1))).status())
                .as("an analyst does not code").isEqualTo(403);

        assertThat(root.delete("/api/projects/" + p + "/members/" + id("bert")).status()).isEqualTo(204);
        assertThat(bert.get("/api/projects/" + p).status()).isEqualTo(404);
        assertThat(app.count("SELECT count(*) FROM codes WHERE coder_id = " + id("bert") + " AND utterance_id = " + unit)).isEqualTo(1);
        assertThat(root.get("/api/projects/" + p + "/report").body()).contains("bert");
        assertThat(root.delete("/api/projects/" + p + "/members/" + id("bert")).status()).isEqualTo(404);
    }

    @Test
    void the_last_administrator_of_a_project_is_neither_removed_nor_demoted() {
        long p = project();
        Http.Response remove = root.delete("/api/projects/" + p + "/members/" + id("root"));
        assertThat(remove.status()).isEqualTo(409);
        assertThat(remove.error()).contains("last administrator");
        assertThat(root.put("/api/projects/" + p + "/members/" + id("root"), Map.of("role", "coder")).status()).isEqualTo(409);
        Fixtures.member(root, p, "cora", "admin");
        assertThat(root.delete("/api/projects/" + p + "/members/" + id("root")).status()).isEqualTo(204);
        assertThat(app.as("cora").get("/api/projects/" + p + "/members").body()).doesNotContain("root");
    }

    @Test
    void unknown_and_deactivated_users_and_bad_roles_are_refused_by_field() {
        long p = project();
        assertThat(root.post("/api/projects/" + p + "/members", Map.of("userName", "niemand", "role", "coder")).error()).contains("userName");
        assertThat(root.post("/api/projects/" + p + "/members", Map.of("userName", "anna", "role", "baas")).status()).isEqualTo(400);
        app.user("eva", Role.CODER);
        root.post("/api/users/" + id("eva") + "/deactivate", Map.of());
        Http.Response off = root.post("/api/projects/" + p + "/members", Map.of("userName", "eva", "role", "coder"));
        assertThat(off.status()).isEqualTo(400);
        assertThat(off.error()).contains("deactivated");
        assertThat(root.get("/api/projects/" + p + "/candidates").body()).doesNotContain("eva");
    }
}
