package nl.samenspraak.codebook;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspraak.account.Role;
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

import static org.assertj.core.api.Assertions.assertThat;

/** Codebooks over HTTP: one app for the class; a test that stores nothing counts the codebooks before and after. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CodebookHttpTest {
    @TempDir static Path dir;
    TestApp app;
    Http admin;

    static final String SMALL = """
            {"key": "mini", "title": {"nl": "Mini", "en": "Mini"}, "version": "1",
             "dimensions": [{"key": "act", "label": {"nl": "Handeling", "en": "Act"},
               "codes": [{"key": "ask", "label": {"nl": "Vraagt", "en": "Asks"}, "hotkey": "a"},
                         {"key": "tell", "label": {"nl": "Vertelt", "en": "Tells"}, "hotkey": "t"}]}]}
            """;

    @BeforeAll void start() { app = TestApp.start(dir); }

    @BeforeEach void fresh() {
        admin = app.loggedIn("root", Role.ADMIN);
    }

    @AfterAll void stop() { app.close(); }

    private Http.Response upload(String json) {
        return admin.postRaw("/api/codebooks", "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void the_shipped_codebooks_are_stored_at_start() {
        JsonNode list = admin.get("/api/codebooks").json();
        assertThat(list.findValuesAsText("key")).contains("samen-beslissen", "rias-werk-inkomen", "option-5", "working-alliance", "miti-4.2.1");
    }

    @Test
    void an_uploaded_codebook_is_stored_and_every_version_is_kept() {
        assertThat(upload(SMALL).status()).isEqualTo(201);
        assertThat(upload(SMALL).status()).as("the same content again is no new version").isEqualTo(201);
        String changed = SMALL.replace("\"Asks\"", "\"Asks a question\"");
        Http.Response conflict = upload(changed);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.error()).contains("new version");
        assertThat(upload(changed.replace("\"version\": \"1\"", "\"version\": \"2\"")).status()).isEqualTo(201);
        assertThat(admin.get("/api/codebooks/mini").json().path("version").asText()).isEqualTo("2");
        assertThat(admin.get("/api/codebooks/mini?version=1").json().path("codebook").path("dimensions").get(0)
                .path("codes").get(0).path("label").path("en").asText()).isEqualTo("Asks");
        assertThat(app.count("SELECT COUNT(*) FROM codebooks WHERE key = 'mini'")).isEqualTo(2);
    }

    @Test
    void an_invalid_codebook_is_refused_whole_with_every_problem_and_its_path() {
        String bad = SMALL.replace("\"hotkey\": \"t\"", "\"hotkey\": \"a\"").replace("\"nl\": \"Vertelt\", ", "");
        long stored = app.count("SELECT COUNT(*) FROM codebooks");
        Http.Response r = upload(bad);
        assertThat(r.status()).isEqualTo(400);
        JsonNode problems = r.json().path("details").path("problems");
        assertThat(problems.findValuesAsText("path")).contains("$.dimensions[0].codes[1].hotkey", "$.dimensions[0].codes[1].label.nl");
        // each problem by its code and values too, and the first one the error quotes
        assertThat(problems.findValuesAsText("code")).contains("codebook.hotkeyTwice", "codebook.dutchTextMissing");
        assertThat(problems).allSatisfy(p -> assertThat(p.path("params").isObject()).isTrue());
        assertThat(r.json().path("params").path("problemCode").asText()).isEqualTo(problems.get(0).path("code").asText());
        assertThat(r.json().path("params").path("problemParams")).isEqualTo(problems.get(0).path("params"));
        assertThat(app.count("SELECT COUNT(*) FROM codebooks")).isEqualTo(stored);
        Http.Response malformed = upload("{\"key\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().path("details").path("problems").get(0).path("path").asText()).contains("line");
    }

    @Test
    void validate_answers_without_storing() {
        long stored = app.count("SELECT COUNT(*) FROM codebooks");
        JsonNode ok = admin.postRaw("/api/codebooks/validate", "application/json", SMALL.getBytes(StandardCharsets.UTF_8)).json();
        assertThat(ok.path("valid").asBoolean()).isTrue();
        assertThat(ok.path("summary").path("codes").asInt()).isEqualTo(2);
        JsonNode bad = admin.postRaw("/api/codebooks/validate", "application/json", "{}".getBytes()).json();
        assertThat(bad.path("valid").asBoolean()).isFalse();
        assertThat(bad.path("problems")).isNotEmpty();
        assertThat(app.count("SELECT COUNT(*) FROM codebooks")).isEqualTo(stored);
    }

    @Test
    void qdc_export_and_import_round_trip_over_http() {
        Http.Response qdc = admin.get("/api/codebooks/samen-beslissen/qdc");
        assertThat(qdc.status()).isEqualTo(200);
        assertThat(qdc.headers().firstValue("Content-Disposition").orElse("")).contains("samen-beslissen-1.0.qdc");
        assertThat(qdc.body()).contains("urn:QDA-XML:codebook:1.0");
        Http.Response imported = admin.postRaw("/api/codebooks/qdc?key=sb-copy&fileName=sb.qdc", "application/xml",
                qdc.body().getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().path("key").asText()).isEqualTo("sb-copy");
        Http.Response xxe = admin.postRaw("/api/codebooks/qdc", "application/xml",
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><CodeBook>&e;</CodeBook>".getBytes());
        assertThat(xxe.status()).isEqualTo(400);
        assertThat(xxe.body()).doesNotContain("root:");
    }
}
