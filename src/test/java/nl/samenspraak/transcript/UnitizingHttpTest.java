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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Units made and changed while coding from a recording (issue 14), over HTTP: every operation, refusal, log row, replay, undo and setting. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnitizingHttpTest {
    @TempDir static Path dir;
    @TempDir static Path files;
    TestApp app;
    Http admin, anna, tom;
    long project, transcript;
    byte[] wav;

    @BeforeAll void start() throws Exception {
        TestRecordings.requireTools();
        app = TestApp.start(dir);
        wav = Files.readAllBytes(TestRecordings.wav(files));
    }

    @BeforeEach void fresh() {
        admin = app.loggedIn("root", Role.ADMIN);
        anna = app.loggedIn("anna", Role.CODER);
        tom = app.loggedIn("tom", Role.CODER);
        project = Fixtures.project(admin, app.unique("Eenheden"));
        Fixtures.member(admin, project, "anna", "coder");
        Fixtures.member(admin, project, "tom", "trainer");
        Http.Response made = tom.postFile("/api/projects/" + project + "/recordings", "sessie.wav", wav, Map.of());
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        transcript = made.json().path("transcript").path("id").asLong();
    }

    @AfterAll void stop() { app.close(); }

    private String units() { return "/api/transcripts/" + transcript + "/units"; }

    private static Map<String, Object> body(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    private static void refused(Http.Response r, int status, String code, String... words) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.json().path("code").asText()).isEqualTo(code);
        for (String w : words) assertThat(r.error()).contains(w);
    }

    private JsonNode ok(Http.Response r) {
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        return r.json();
    }

    @Test
    void marking_while_listening_makes_units_in_time_order() {
        JsonNode first = ok(tom.post(units() + "/next", body("atMs", 0, "role", "professional", "opId", "m1")));
        assertThat(first.path("units").size()).isEqualTo(1);
        assertThat(first.path("units").get(0).path("endMs").isNull()).isTrue();
        assertThat(first.path("units").get(0).path("speakerLabel").asText()).isEqualTo("Professional");
        assertThat(first.path("durationMs").asLong()).isEqualTo(3500);
        JsonNode second = ok(tom.post(units() + "/next", body("atMs", 1200, "role", "client", "opId", "m2")));
        assertThat(second.path("units").get(0).path("endMs").asLong()).isEqualTo(1200);
        assertThat(second.path("units").get(1).path("startMs").asLong()).isEqualTo(1200);
        assertThat(second.path("before").get(0).path("endMs").isNull()).isTrue();
        long last = second.path("units").get(1).path("id").asLong();
        JsonNode ended = ok(tom.put(units() + "/" + last + "/end", body("atMs", 2500, "opId", "m3")));
        assertThat(ended.path("change").asText()).isEqualTo("unit.end");
        // A unit made in the gap after the others goes last; seq follows time.
        JsonNode made = ok(tom.post(units(), body("startMs", 2600, "endMs", 3400, "role", "professional", "text", "vraagt door", "opId", "m4")));
        assertThat(made.path("units").size()).isEqualTo(3);
        assertThat(made.path("units").get(2).path("text").asText()).isEqualTo("vraagt door");
        assertThat(made.path("units").get(2).path("seq").asInt()).isEqualTo(3);

        // The change log: who, which change, before and after as compact JSON.
        long logged = app.count("SELECT COUNT(*) FROM change_log WHERE transcript_id = " + transcript + " AND field LIKE 'unit.%'");
        assertThat(logged).isEqualTo(4);
        String after = app.jdbi.withHandle(h -> h.createQuery("SELECT after_value FROM change_log WHERE op_id = 'm4'").mapTo(String.class).one());
        assertThat(after).startsWith("[{\"id\":").contains("\"startMs\":2600,\"endMs\":3400").doesNotContain("\n");
    }

    @Test
    void split_merge_speaker_text_and_moves() {
        JsonNode a = ok(admin.post(units(), body("startMs", 0, "endMs", 2000, "role", "client", "speaker", "Mevrouw K")));
        long id = a.path("units").get(0).path("id").asLong();
        JsonNode split = ok(admin.post(units() + "/" + id + "/split", body("atMs", 800)));
        assertThat(split.path("units").size()).isEqualTo(2);
        assertThat(split.path("units").get(1).path("speakerLabel").asText()).isEqualTo("Mevrouw K");
        assertThat(split.path("units").get(1).path("startMs").asLong()).isEqualTo(800);
        long second = split.path("units").get(1).path("id").asLong();
        ok(admin.put(units() + "/" + second + "/start", body("atMs", 900)));
        refused(admin.put(units() + "/" + second + "/start", body("atMs", 700)), 409, "unit.overlap", "would overlap unit 1");
        refused(admin.put(units() + "/" + second + "/end", body("atMs", 900)), 400, "unit.endNotAfterStart", "not after its start");
        refused(admin.put(units() + "/" + second + "/end", body("atMs", 5000)), 400, "unit.pastRecording", "3.500 s");
        JsonNode text = ok(admin.put(units() + "/" + id + "/text", body("text", "vertelt over thuis")));
        assertThat(text.path("units").get(0).path("text").asText()).isEqualTo("vertelt over thuis");
        JsonNode merged = ok(admin.post(units() + "/" + id + "/merge-next", body()));
        assertThat(merged.path("units").size()).isEqualTo(1);
        assertThat(merged.path("units").get(0).path("endMs").asLong()).isEqualTo(2000);
        JsonNode speaker = ok(admin.put(units() + "/" + id + "/speaker", body("role", "professional")));
        assertThat(speaker.path("units").get(0).path("speakerLabel").asText()).isEqualTo("Professional");
        assertThat(speaker.path("units").get(0).path("speakerRole").asText()).isEqualTo("professional");
        refused(admin.put(units() + "/" + id + "/speaker", body("speaker", "Mevrouw K", "role", "other")), 400, "unit.speakerHasOtherRole", "Mevrouw K");
        refused(admin.post(units() + "/" + id + "/merge-next", body()), 400, "unit.lastUnit", "last unit");
        refused(admin.post(units() + "/" + id + "/split", body("atMs", 2500)), 400, "unit.splitOutsideTime", "2.500 s");
        refused(admin.post(units(), body("startMs", 100, "endMs", 300, "role", "client")), 409, "unit.overlap");
        refused(admin.post(units(), body("startMs", 2500, "endMs", 2600)), 400, "unit.roleMissing", "role");
        refused(admin.post(units(), body("startMs", 2500, "endMs", 2600, "role", "boss")), 400, "unit.badRole", "boss");
        refused(admin.post(units(), body("endMs", 2600, "role", "client")), 400, "unit.timeMissing", "startMs");
        refused(admin.put(units() + "/" + id + "/text", body("text", "x".repeat(501))), 400, "unit.gistTooLong", "500");
        refused(admin.put(units() + "/999999/text", body("text", "x")), 404, "unit.notFound");
    }

    @Test
    void a_replayed_operation_is_answered_without_applying_twice() {
        JsonNode once = ok(tom.post(units(), body("startMs", 0, "endMs", 1000, "role", "client", "opId", "op-1")));
        JsonNode again = ok(tom.post(units(), body("startMs", 0, "endMs", 1000, "role", "client", "opId", "op-1")));
        assertThat(again.path("replayed").asBoolean()).isTrue();
        assertThat(again.path("changeId").asLong()).isEqualTo(once.path("changeId").asLong());
        assertThat(again.path("units").size()).isEqualTo(1);
        long id = once.path("units").get(0).path("id").asLong();
        refused(tom.put(units() + "/" + id + "/end", body("atMs", 500, "opId", "op-1")), 409, "unit.opIdUsed", "op-1");
        refused(tom.put(units() + "/" + id + "/end", body("atMs", 500, "opId", " ")), 400, "unit.badOpId");
    }

    @Test
    void undo_walks_back_the_callers_own_unit_changes() {
        ok(tom.post(units(), body("startMs", 0, "endMs", 2000, "role", "client")));
        long id = ok(admin.get(units())).path("units").get(0).path("id").asLong();
        ok(tom.post(units() + "/" + id + "/split", body("atMs", 1000)));
        ok(tom.put(units() + "/" + id + "/text", body("text", "eerste")));
        refused(admin.post(units() + "/undo", body()), 409, "unit.nothingToUndo");
        JsonNode undoText = ok(tom.post(units() + "/undo", body("opId", "u1")));
        assertThat(undoText.path("units").get(0).path("text").asText()).isEmpty();
        assertThat(undoText.path("change").asText()).startsWith("unit.undo:");
        JsonNode undoSplit = ok(tom.post(units() + "/undo", body()));
        assertThat(undoSplit.path("units").size()).isEqualTo(1);
        assertThat(undoSplit.path("units").get(0).path("endMs").asLong()).isEqualTo(2000);
        assertThat(ok(tom.post(units() + "/undo", body("opId", "u1"))).path("replayed").asBoolean()).isTrue();
        JsonNode undoCreate = ok(tom.post(units() + "/undo", body()));
        assertThat(undoCreate.path("units").size()).isZero();
        refused(tom.post(units() + "/undo", body()), 409, "unit.nothingToUndo");
    }

    @Test
    void who_may_unitize_follows_the_project_setting() {
        refused(anna.post(units(), body("startMs", 0, "endMs", 1000, "role", "client")), 403, "access.unitizingStaff", "unitizing");
        JsonNode settings = ok(admin.patch("/api/projects/" + project, body("unitizing", "coders")));
        assertThat(settings.path("unitizing").asText()).isEqualTo("coders");
        assertThat(settings.path("unitsAfterCoding").asText()).isEqualTo("locked");
        ok(anna.post(units(), body("startMs", 0, "endMs", 1000, "role", "client")));
        refused(admin.patch("/api/projects/" + project, body("unitizing", "everyone")), 400, "project.badChoice", "unitizing", "everyone");
        refused(admin.patch("/api/projects/" + project, body("unitsAfterCoding", "sometimes")), 400, "project.badChoice", "unitsAfterCoding");
        assertThat(ok(admin.get("/api/projects/" + project + "/settings")).path("unitizing").asText()).isEqualTo("coders");
    }

    @Test
    void coded_units_keep_their_boundaries_unless_the_project_opens_them() {
        JsonNode made = ok(tom.post(units(), body("startMs", 0, "endMs", 1000, "role", "client")));
        long id = made.path("units").get(0).path("id").asLong();
        String dim = Fixtures.firstDimension(anna);
        Fixtures.code(anna, id, dim, Fixtures.codeFor(anna, dim, "client", 0));
        refused(tom.put(units() + "/" + id + "/end", body("atMs", 1500)), 409, "unit.boundaryLocked", "Unit 1", "unitsAfterCoding");
        refused(tom.put(units() + "/" + id + "/speaker", body("role", "professional")), 409, "unit.lockedByCodes");
        ok(tom.put(units() + "/" + id + "/text", body("text", "een gist mag altijd")));
        ok(admin.patch("/api/projects/" + project, body("unitsAfterCoding", "open")));
        JsonNode moved = ok(tom.put(units() + "/" + id + "/end", body("atMs", 1500)));
        assertThat(moved.path("units").get(0).path("endMs").asLong()).isEqualTo(1500);
        assertThat(moved.path("units").get(0).path("codes").asInt()).isEqualTo(1);
    }

    @Test
    void a_transcript_with_units_without_times_is_refused() {
        long text = Fixtures.transcript(admin, project, "gesprek.txt");
        refused(admin.post("/api/transcripts/" + text + "/units", body("startMs", 0, "endMs", 1000, "role", "client")), 409, "unit.noTimes", "gesprek");
    }
}
