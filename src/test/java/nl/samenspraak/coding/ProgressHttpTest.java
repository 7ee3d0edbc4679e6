package nl.samenspraak.coding;

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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgressHttpTest {
    @TempDir static Path dir;
    TestApp app;
    Http admin, anna, bram;
    long project, first, second;

    @BeforeAll void start() { app = TestApp.start(dir); }

    @BeforeEach void fresh() {
        admin = app.loggedIn("root", Role.ADMIN);
        anna = app.loggedIn("anna", Role.CODER);
        bram = app.loggedIn("bram", Role.CODER);
        project = Fixtures.project(admin, app.unique("Arnhem"));
        Fixtures.member(admin, project, "anna", "coder");
        first = Fixtures.transcript(admin, project, "eerste.txt");
        second = Fixtures.transcript(admin, project, "tweede.txt");
    }

    @AfterAll void stop() { app.close(); }

    @Test
    void progress_counts_my_coded_units_per_dimension_of_every_transcript() {
        JsonNode units = anna.get("/api/transcripts/" + first).json().path("utterances");
        for (int i = 0; i < 3; i++) {
            JsonNode u = units.get(i);
            String code = Fixtures.codeFor(anna, "step", u.path("speakerRole").asText(), 0);
            assertThat(anna.put("/api/utterances/" + u.path("id").asLong() + "/codes/step", Map.of("code", code)).status()).isEqualTo(200);
        }
        assertThat(anna.put("/api/transcripts/" + first + "/ratings/option-5/support", Map.of("value", 2)).status()).isEqualTo(200);

        JsonNode progress = anna.get("/api/projects/" + project + "/progress").json();

        assertThat(progress).hasSize(2);
        JsonNode eerste = progress.get(0);
        assertThat(eerste.path("name").asText()).isEqualTo("eerste");
        assertThat(eerste.path("units").asInt()).isEqualTo(6);
        assertThat(eerste.path("coded").path("step").asInt()).isEqualTo(3);
        assertThat(eerste.path("coded").path("behaviour").asInt()).isZero();
        assertThat(eerste.path("rated").asInt()).isEqualTo(1);
        assertThat(eerste.path("ratingItems").asInt()).isEqualTo(5);
        assertThat(progress.get(1).path("coded").path("step").asInt()).isZero();
    }

    @Test
    void progress_says_which_transcripts_have_someone_elses_reference_to_calibrate_against() {
        Fixtures.member(admin, project, "bram", "coder");
        long bramId = app.count("SELECT id FROM users WHERE name = 'bram'");
        JsonNode u = bram.get("/api/transcripts/" + first).json().path("utterances").get(0);
        String code = Fixtures.codeFor(bram, "step", u.path("speakerRole").asText(), 0);
        assertThat(bram.put("/api/utterances/" + u.path("id").asLong() + "/codes/step", Map.of("code", code)).status()).isEqualTo(200);
        Http.Response marked = admin.put("/api/transcripts/" + first + "/reference", Map.of("coderId", bramId));
        assertThat(marked.status()).as(marked.body()).isEqualTo(200);

        JsonNode mine = anna.get("/api/projects/" + project + "/progress").json();
        assertThat(mine.get(0).path("calibration").asBoolean()).isTrue();
        assertThat(mine.get(1).path("calibration").asBoolean()).isFalse();
        assertThat(bram.get("/api/projects/" + project + "/progress").json().get(0).path("calibration").asBoolean())
                .as("the reference coder has nothing to calibrate against").isFalse();
    }

    @Test
    void progress_is_for_members_only() {
        assertThat(bram.get("/api/projects/" + project + "/progress").status()).isEqualTo(404);
        assertThat(app.anonymous().get("/api/projects/" + project + "/progress").status()).isEqualTo(401);
    }
}
