package nl.samenspraak.coding;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspraak.account.Role;
import nl.samenspraak.support.Fixtures;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A code refused for the speaker's role (issue 9, defect 8): a sentence in plain words and details a page can explain. */
class RoleRefusalHttpTest {
    @TempDir Path dir;
    TestApp app;
    Http admin, anna;
    long project, transcript;

    @BeforeEach void start() {
        app = TestApp.start(dir);
        admin = app.loggedIn("root", Role.ADMIN);
        anna = app.loggedIn("anna", Role.CODER);
        project = Fixtures.project(admin, "Arnhem");
        Fixtures.member(admin, project, "anna", "coder");
        transcript = Fixtures.transcript(admin, project, "eerste.txt");
    }

    @AfterEach void stop() { app.close(); }

    @Test
    void a_professional_code_on_the_clients_unit_is_refused_with_speaker_role_code_roles_and_transcript_in_details() {
        JsonNode client = anna.get("/api/transcripts/" + transcript).json().path("utterances").get(1);
        Http.Response r = anna.put("/api/utterances/" + client.path("id").asLong() + "/codes/behaviour", Map.of("code", "co-decide"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).contains("'co-decide'").contains("professional").contains("Klant").contains("client")
                .contains("speakers' roles");
        JsonNode details = r.json().path("details");
        assertThat(details.path("field").asText()).isEqualTo("code");
        assertThat(details.path("code").asText()).isEqualTo("co-decide");
        assertThat(details.path("dimension").asText()).isEqualTo("behaviour");
        assertThat(details.path("speakerLabel").asText()).isEqualTo("Klant");
        assertThat(details.path("speakerRole").asText()).isEqualTo("client");
        assertThat(details.path("codeRoles").toString()).isEqualTo("[\"professional\"]");
        assertThat(details.path("transcriptId").asLong()).isEqualTo(transcript);
        assertThat(details.path("projectId").asLong()).isEqualTo(project);
        assertThat(app.count("SELECT COUNT(*) FROM codes")).isZero();
    }
}
