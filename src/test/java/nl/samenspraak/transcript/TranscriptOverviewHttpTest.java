package nl.samenspraak.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspraak.account.Role;
import nl.samenspraak.support.Fixtures;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The transcript list of a project for the transcripts page: speakers with their roles' state, recordings; admins and trainers only. */
class TranscriptOverviewHttpTest {
    @TempDir Path dir;
    TestApp app;
    Http admin, trainer, analyst, coder, outsider;
    long project, confirmed, unconfirmed;

    @BeforeEach void start() {
        app = TestApp.start(dir);
        admin = app.loggedIn("root", Role.ADMIN);
        trainer = app.loggedIn("tina", Role.TRAINER);
        analyst = app.loggedIn("ria", Role.ANALYST);
        coder = app.loggedIn("anna", Role.CODER);
        outsider = app.loggedIn("olga", Role.CODER);
        project = Fixtures.project(admin, "Arnhem");
        Fixtures.member(admin, project, "tina", "trainer");
        Fixtures.member(admin, project, "ria", "analyst");
        Fixtures.member(admin, project, "anna", "coder");
        confirmed = Fixtures.transcript(admin, project, "b-gesprek.txt");
        Http.Response r = admin.postFile("/api/projects/" + project + "/transcripts", "a-gesprek met tolk.txt",
                "KM: Goedemorgen.\nJohn Smith: Good morning.\nKM: Hoe gaat het?\n".getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        unconfirmed = r.json().path("transcripts").get(0).path("id").asLong();
    }

    @AfterEach void stop() { app.close(); }

    private String overview() {
        return "/api/projects/" + project + "/transcripts/overview";
    }

    @Test
    void the_overview_lists_every_transcript_with_its_speakers_the_state_of_their_roles_and_its_recording() {
        Http.Response up = admin.postFile("/api/transcripts/" + confirmed + "/media", "gesprek.wav", MediaHttpTest.wav(4096), Map.of());
        assertThat(up.status()).as(up.body()).isEqualTo(201);

        JsonNode list = trainer.get(overview()).json();
        assertThat(list).hasSize(2);
        JsonNode a = list.get(0), b = list.get(1);
        assertThat(a.path("name").asText()).isEqualTo("a-gesprek met tolk");
        assertThat(a.path("rolesConfirmed").asBoolean()).isFalse();
        assertThat(a.path("units").asInt()).isEqualTo(3);
        assertThat(a.path("recording").isNull()).isTrue();
        assertThat(a.path("speakers").toString()).contains("\"label\":\"John Smith\",\"role\":\"other\",\"source\":\"unknown\",\"units\":1")
                .contains("\"label\":\"KM\",\"role\":\"professional\",\"source\":\"guessed\",\"units\":2");
        assertThat(b.path("rolesConfirmed").asBoolean()).isTrue();
        assertThat(b.path("recording").path("fileName").asText()).isEqualTo("gesprek.wav");
        assertThat(b.path("recording").path("sizeBytes").asLong()).isEqualTo(4096);

        assertThat(trainer.put("/api/transcripts/" + unconfirmed + "/speakers", Map.of("KM", "professional", "John Smith", "client")).status()).isEqualTo(200);
        JsonNode after = trainer.get(overview()).json().get(0);
        assertThat(after.path("rolesConfirmed").asBoolean()).isTrue();
        assertThat(after.path("speakers").toString()).contains("\"label\":\"John Smith\",\"role\":\"client\",\"source\":\"given\"");

        assertThat(admin.delete("/api/transcripts/" + unconfirmed).status()).isEqualTo(204);
        assertThat(trainer.get(overview()).json()).hasSize(1);
    }

    @Test
    void only_administrators_and_trainers_of_the_project_read_the_overview() {
        assertThat(admin.get(overview()).status()).isEqualTo(200);
        assertThat(trainer.get(overview()).status()).isEqualTo(200);
        assertThat(analyst.get(overview()).status()).as("an analyst").isEqualTo(403);
        assertThat(coder.get(overview()).status()).as("a coder").isEqualTo(403);
        assertThat(outsider.get(overview()).status()).as("not a member").isEqualTo(404);
        assertThat(app.anonymous().get(overview()).status()).isEqualTo(401);
        assertThat(admin.get("/api/projects/999999/transcripts/overview").status()).isEqualTo(404);
    }
}
