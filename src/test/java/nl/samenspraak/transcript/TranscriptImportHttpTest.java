package nl.samenspraak.transcript;

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

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Transcript import over HTTP: one app, a fresh project per test. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TranscriptImportHttpTest {
    @TempDir static Path dir;
    TestApp app;
    Http admin;
    long project;

    @BeforeAll void start() { app = TestApp.start(dir); }

    @BeforeEach void fresh() {
        admin = app.loggedIn("root", Role.ADMIN);
        project = Fixtures.project(admin, app.unique("Arnhem"));
    }

    @AfterAll void stop() { app.close(); }

    @Test
    void import_with_a_role_mapping_stores_units_in_order_with_roles() {
        long id = Fixtures.transcript(admin, project, "gesprek-01.txt");
        JsonNode t = admin.get("/api/transcripts/" + id).json();
        assertThat(t.path("transcript").path("name").asText()).isEqualTo("gesprek-01");
        assertThat(t.path("transcript").path("rolesConfirmed").asBoolean()).isTrue();
        JsonNode units = t.path("utterances");
        assertThat(units).hasSize(6);
        assertThat(units.get(0).path("seq").asInt()).isEqualTo(1);
        assertThat(units.get(0).path("speakerRole").asText()).isEqualTo("professional");
        assertThat(units.get(1).path("speakerRole").asText()).isEqualTo("client");
        assertThat(units.get(1).path("text").asText()).isEqualTo("Het gaat wel. Ik ben een beetje zenuwachtig.");
    }

    @Test
    void sentence_segmentation_splits_turns_into_units() {
        Http.Response r = admin.postFile("/api/projects/" + project + "/transcripts", "zinnen.txt",
                Fixtures.CONVERSATION.getBytes(StandardCharsets.UTF_8), Map.of("segment", "sentence", "roles", "KM=professional,Klant=client"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().path("transcripts").get(0).path("utterances").asInt()).isGreaterThan(6);
    }

    @Test
    void without_a_mapping_roles_are_guessed_and_shown_not_final() {
        Http.Response r = admin.postFile("/api/projects/" + project + "/transcripts", "geraden.txt",
                "Klantmanager: Hallo.\nCliënt: Dag.\nTolk: Hij zegt dag.\nXYZ: Eh.\n".getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode imported = r.json().path("transcripts").get(0);
        assertThat(imported.path("rolesConfirmed").asBoolean()).isFalse();
        assertThat(imported.path("speakers").path("Klantmanager").asText()).isEqualTo("professional");
        assertThat(imported.path("speakers").path("Cliënt").asText()).isEqualTo("client");
        assertThat(imported.path("speakerDetails").toString()).contains("\"guessed\"").contains("\"unknown\"");

        long id = imported.path("id").asLong();
        Http.Response confirm = admin.put("/api/transcripts/" + id + "/speakers",
                Map.of("Klantmanager", "professional", "Cliënt", "client", "Tolk", "other", "XYZ", "client"));
        assertThat(confirm.status()).as(confirm.body()).isEqualTo(200);
        JsonNode t = admin.get("/api/transcripts/" + id).json();
        assertThat(t.path("transcript").path("rolesConfirmed").asBoolean()).isTrue();
        assertThat(t.path("utterances").get(3).path("speakerRole").asText()).isEqualTo("client");
        assertThat(app.count("SELECT COUNT(*) FROM change_log WHERE project_id = " + project + " AND entity = 'transcript' AND field LIKE 'speaker:%'")).isEqualTo(4);
    }

    @Test
    void a_bad_file_is_refused_with_file_place_and_problem_and_nothing_is_stored() {
        Http.Response r = admin.postFile("/api/projects/" + project + "/transcripts", "kapot.txt",
                "dit is geen sprekerregel\nKM: hallo\n".getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).contains("kapot.txt").contains("line 1");
        assertThat(r.json().path("details").path("file").asText()).isEqualTo("kapot.txt");
        assertThat(app.count("SELECT COUNT(*) FROM transcripts WHERE project_id = " + project)).isZero();
        assertThat(app.count("SELECT COUNT(*) FROM utterances u JOIN transcripts t ON t.id = u.transcript_id WHERE t.project_id = " + project)).isZero();
    }

    @Test
    void when_one_file_of_several_is_bad_none_is_stored() {
        Http.Response r = admin.postFiles("/api/projects/" + project + "/transcripts", Map.of(), List.of(
                Map.entry("goed.txt", Fixtures.CONVERSATION.getBytes(StandardCharsets.UTF_8)),
                Map.entry("leeg.vtt", new byte[0])));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).contains("leeg.vtt");
        assertThat(app.count("SELECT COUNT(*) FROM transcripts WHERE project_id = " + project)).isZero();
    }

    @Test
    void unknown_format_and_bad_options_are_400s_that_name_them() {
        Http.Response fmt = admin.postFile("/api/projects/" + project + "/transcripts", "gesprek.pdf", new byte[]{1, 2, 3}, Map.of());
        assertThat(fmt.status()).isEqualTo(400);
        assertThat(fmt.error()).contains("gesprek.pdf");
        Http.Response seg = admin.postFile("/api/projects/" + project + "/transcripts", "a.txt",
                Fixtures.CONVERSATION.getBytes(StandardCharsets.UTF_8), Map.of("segment", "paragraph"));
        assertThat(seg.status()).isEqualTo(400);
        assertThat(seg.error()).contains("segment");
        Http.Response roles = admin.postFile("/api/projects/" + project + "/transcripts", "a.txt",
                Fixtures.CONVERSATION.getBytes(StandardCharsets.UTF_8), Map.of("roles", "KM=boss"));
        assertThat(roles.status()).isEqualTo(400);
        assertThat(roles.error()).contains("KM=boss");
        assertThat(app.count("SELECT COUNT(*) FROM transcripts WHERE project_id = " + project)).isZero();
    }

    @Test
    void a_file_over_the_size_limit_is_refused_by_name_and_nothing_is_stored() {
        byte[] big = new byte[21 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        System.arraycopy("KM: ".getBytes(), 0, big, 0, 4);
        Http.Response r = admin.postFile("/api/projects/" + project + "/transcripts", "enorm.txt", big, Map.of());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).contains("enorm.txt").contains("20 MiB");
        // Past twice the limit the server answers 413 from the headers alone, without reading the body;
        // a raw socket announces such a body and sends none (an HTTP client would race the early answer).
        String cookie = app.sessionCookie("root");
        try (java.net.Socket socket = new java.net.Socket("localhost", app.app.port())) {
            socket.setSoTimeout(10_000);
            String request = "POST /api/projects/" + project + "/transcripts?fileName=reus.txt HTTP/1.1\r\nHost: localhost\r\n"
                    + "Cookie: " + cookie + "\r\n"
                    + "Content-Type: text/plain\r\nContent-Length: " + 45 * 1024 * 1024 + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 413").contains("\"error\"");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertThat(app.count("SELECT COUNT(*) FROM transcripts WHERE project_id = " + project)).isZero();
    }

    @Test
    void a_second_transcript_with_the_same_name_is_refused() {
        Fixtures.transcript(admin, project, "gesprek.txt");
        Http.Response again = admin.postFile("/api/projects/" + project + "/transcripts", "gesprek.txt",
                Fixtures.CONVERSATION.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(app.count("SELECT COUNT(*) FROM transcripts WHERE project_id = " + project)).isEqualTo(1);
    }

    @Test
    void delete_is_soft_and_logged() {
        long id = Fixtures.transcript(admin, project, "weg.txt");
        assertThat(admin.delete("/api/transcripts/" + id).status()).isEqualTo(204);
        assertThat(admin.get("/api/transcripts/" + id).status()).isEqualTo(404);
        assertThat(admin.get("/api/projects/" + project + "/transcripts").json()).isEmpty();
        assertThat(app.count("SELECT COUNT(*) FROM utterances u JOIN transcripts t ON t.id = u.transcript_id WHERE t.project_id = " + project)).isEqualTo(6);
        assertThat(app.count("SELECT COUNT(*) FROM change_log WHERE project_id = " + project + " AND entity = 'transcript' AND field = 'deleted'")).isEqualTo(1);
    }
}
