package nl.samenspraak.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspraak.account.Role;
import nl.samenspraak.support.Fixtures;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;
import nl.samenspraak.transcript.format.ZipBombs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The preview and import routes with their options, all or nothing, roles, limits and hostile files. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportHttpTest {
    @TempDir static Path dir;
    TestApp app;
    Http admin;

    @BeforeAll void start() {
        app = TestApp.start(dir);
        admin = app.loggedIn("root", Role.ADMIN);
    }

    @AfterAll void stop() { app.close(); }

    static byte[] tool(String name) {
        try (InputStream in = ImportHttpTest.class.getResourceAsStream("/transcripts/tools/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private long allRows(long project) {
        return app.count("SELECT COUNT(*) FROM transcripts WHERE project_id = " + project)
                + app.count("SELECT COUNT(*) FROM utterances u JOIN transcripts t ON t.id = u.transcript_id WHERE t.project_id = " + project);
    }

    @Test
    void a_preview_with_per_file_options_shows_each_file_and_stores_nothing() {
        long p = Fixtures.project(admin, "Voorbeeld");
        Http.Response r = admin.postFiles("/api/projects/" + p + "/transcripts/preview",
                Map.of("fileOptions", "{\"type-utterance.csv\": {\"columns\": \"speaker=type,text=3\"}, \"tweetalig-gesprek.eaf\": {\"tiers\": \"KM-en,Klant-en\"}}"),
                List.of(Map.entry("type-utterance.csv", tool("type-utterance.csv")), Map.entry("tweetalig-gesprek.eaf", tool("tweetalig-gesprek.eaf"))));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode t = r.json().path("transcripts");
        assertThat(t.get(0).path("files").get(0).path("columns").path("guessed").asBoolean()).isFalse();
        assertThat(t.get(0).path("units").get(0).path("speaker").asText()).isEqualTo("T");
        assertThat(t.get(1).path("speakers").findValuesAsText("label")).containsExactly("KM", "Klant");
        assertThat(t.get(1).path("units").get(0).path("text").asText()).isEqualTo("Good morning, please sit down.");
        assertThat(allRows(p)).isZero();
    }

    @Test
    void import_takes_the_same_options_and_a_speaker_role_mapping_as_json() {
        long p = Fixtures.project(admin, "Opties");
        byte[] cp1252 = "KM: Hoe gaat het met de cliënt?\nKlant: Goed.\n".getBytes(Charset.forName("windows-1252"));
        Http.Response r = admin.postFiles("/api/projects/" + p + "/transcripts",
                Map.of("roles", "{\"KM\": \"professional\", \"Klant\": \"client\"}", "pseudonymise", "nl",
                        "fileOptions", "{\"oud.txt\": {\"encoding\": \"windows-1252\"}}"),
                List.of(Map.entry("oud.txt", cp1252), Map.entry("zonder-kop.csv", tool("zonder-kop.csv"))));

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode first = r.json().path("transcripts").get(0);
        assertThat(first.path("speakers").toString()).isEqualTo("{\"KM1\":\"professional\",\"Klant1\":\"client\"}");
        assertThat(first.path("rolesConfirmed").asBoolean()).isTrue();
        JsonNode stored = admin.get("/api/transcripts/" + first.path("id").asLong()).json();
        assertThat(stored.path("utterances").get(0).path("text").asText()).isEqualTo("Hoe gaat het met de cliënt?");
        assertThat(stored.path("transcript").path("format").asText()).isEqualTo("txt");
    }

    @Test
    void when_a_later_file_is_refused_nothing_of_the_import_stays_not_even_hidden_rows() {
        long p = Fixtures.project(admin, "Alles of niets");
        Http.Response r = admin.postFiles("/api/projects/" + p + "/transcripts", Map.of(), List.of(
                Map.entry("goed.txt", Fixtures.CONVERSATION.getBytes(StandardCharsets.UTF_8)),
                Map.entry("kapot.srt", "1\n00:00:05,000 --> 00:00:01,000\nKM: Hoi.\n".getBytes(StandardCharsets.UTF_8))));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("details").path("file").asText()).isEqualTo("kapot.srt");
        // the reader's problem and place with their codes, for a page that says them in its own language
        assertThat(r.json().path("details").path("said").path("code").asText()).isEqualTo("transcript.endBeforeStart");
        assertThat(r.json().path("details").path("said").path("params").path("end").asText()).isEqualTo("00:00:01,000");
        assertThat(r.json().path("details").path("place").toString())
                .isEqualTo("{\"code\":\"place.cue\",\"params\":{\"cue\":1,\"line\":2},\"text\":\"cue 1 (line 2)\"}");
        assertThat(allRows(p)).isZero();
        assertThat(app.count("SELECT COUNT(*) FROM transcript_speakers")).isEqualTo(app.count(
                "SELECT COUNT(*) FROM transcript_speakers s JOIN transcripts t ON t.id = s.transcript_id"));
    }

    @Test
    void a_zip_bomb_docx_answers_400_naming_the_file_and_a_transcript_over_the_unit_limit_413() {
        long p = Fixtures.project(admin, "Bommen");
        Http.Response bomb = admin.postFile("/api/projects/" + p + "/transcripts", "bom.docx", ZipBombs.docx(), Map.of());
        StringBuilder many = new StringBuilder();
        for (int i = 0; i <= 200_000; i++) many.append(i % 2 == 0 ? "A: ja\n" : "B: nee\n");
        Http.Response tooMany = admin.postFile("/api/projects/" + p + "/transcripts", "wet.txt", many.toString().getBytes(StandardCharsets.UTF_8), Map.of());
        Http.Response previewed = admin.postFile("/api/projects/" + p + "/transcripts/preview", "wet.txt", many.toString().getBytes(StandardCharsets.UTF_8), Map.of());

        assertThat(bomb.status()).isEqualTo(400);
        assertThat(bomb.error()).startsWith("bom.docx: word/document.xml inflates to more than");
        assertThat(tooMany.status()).isEqualTo(413);
        assertThat(tooMany.error()).contains("more than 200,000 units");
        assertThat(bomb.json().path("code").asText()).isEqualTo("transcript.unreadableFile");
        assertThat(bomb.json().path("params").path("file").asText()).isEqualTo("bom.docx");
        assertThat(tooMany.json().path("code").asText()).isEqualTo("transcript.tooManyUnits");
        assertThat(tooMany.json().path("params").path("where").asText()).isEqualTo(", line 200001");
        assertThat(previewed.json().path("transcripts").get(0).path("error").path("status").asInt()).isEqualTo(413);
        assertThat(allRows(p)).isZero();
    }

    @Test
    void coders_may_not_preview_or_import_and_strangers_do_not_see_the_project() {
        long p = Fixtures.project(admin, "Rollen");
        app.user("codeur", Role.CODER);
        app.user("vreemde", Role.CODER);
        Fixtures.member(admin, p, "codeur", "coder");
        byte[] text = Fixtures.CONVERSATION.getBytes(StandardCharsets.UTF_8);

        assertThat(app.as("codeur").postFile("/api/projects/" + p + "/transcripts/preview", "a.txt", text, Map.of()).status()).isEqualTo(403);
        assertThat(app.as("codeur").postFile("/api/projects/" + p + "/transcripts", "a.txt", text, Map.of()).status()).isEqualTo(403);
        assertThat(app.as("vreemde").postFile("/api/projects/" + p + "/transcripts/preview", "a.txt", text, Map.of()).status()).isEqualTo(404);
    }

    @Test
    void bad_options_are_refused_naming_the_field() {
        long p = Fixtures.project(admin, "Velden");
        byte[] text = Fixtures.CONVERSATION.getBytes(StandardCharsets.UTF_8);
        String url = "/api/projects/" + p + "/transcripts/preview";

        assertThat(admin.postFile(url, "a.txt", text, Map.of("columns", "speaker=1")).error()).startsWith("Field 'columns': name both");
        assertThat(admin.postFile(url, "a.txt", text, Map.of("encoding", "ebcdic")).error()).startsWith("Field 'encoding': 'ebcdic' is not offered");
        assertThat(admin.postFile(url, "a.txt", text, Map.of("merge", "misschien")).error()).isEqualTo("Field 'merge': must be true or false, not 'misschien'.");
        assertThat(admin.postFile(url, "a.txt", text, Map.of("pseudonymise", "fr")).error()).startsWith("Field 'pseudonymise': 'fr' is not nl, en or none");
        assertThat(admin.postFile(url, "a.txt", text, Map.of("fileOptions", "[1]")).error()).isEqualTo("Field 'fileOptions': expected a JSON object.");
        assertThat(admin.postFile(url, "a.txt", text, Map.of("roles", "{\"KM\": \"baas\"}")).error()).contains("'KM' has the unknown role 'baas'");
    }

    @Test
    void hidden_rows_of_an_unfinished_import_are_invisible_and_removed_at_the_next_start() {
        long p = Fixtures.project(admin, "Crash");
        long hidden = app.jdbi.withHandle(h -> h.createQuery("""
                INSERT INTO transcripts(project_id, name, file_name, format, segmentation, created_at, deleted_at, import_state)
                VALUES (:p, 'half', 'half.txt', '', 'turn', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z', 'importing') RETURNING id""")
                .bind("p", p).mapTo(Long.class).one());
        app.jdbi.useHandle(h -> h.execute("INSERT INTO utterances(transcript_id, seq, speaker_label, speaker_role, text) VALUES (?, 1, 'KM', 'professional', 'x')", hidden));

        assertThat(admin.get("/api/projects/" + p + "/transcripts").json()).isEmpty();
        assertThat(admin.get("/api/transcripts/" + hidden).status()).isEqualTo(404);
        app.stopServer();
        app.restart();
        assertThat(allRows(p)).isZero();
    }
}
