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
        // A unit after the open one: refused, saying so (not as an overlap).
        refused(tom.post(units(), body("startMs", 2600, "endMs", 3400, "role", "professional")), 409, "unit.openNotLast",
                "Unit 2 (1.200 s – …) has no end yet", "only the last unit may be open");
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
        // The two parts touch: their shared boundary moves as one.
        JsonNode moved = ok(admin.put(units() + "/" + second + "/start", body("atMs", 900)));
        assertThat(moved.path("units").get(0).path("endMs").asLong()).isEqualTo(900);
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

    /** The id of each unit in the answer, in time order. */
    private static long[] ids(JsonNode answer) {
        JsonNode u = answer.path("units");
        long[] ids = new long[u.size()];
        for (int i = 0; i < ids.length; i++) ids[i] = u.get(i).path("id").asLong();
        return ids;
    }

    private static long time(JsonNode answer, int i, String edge) {
        return answer.path("units").get(i).path(edge).asLong();
    }

    @Test
    void a_boundary_two_units_share_moves_as_one_change_and_is_undone_as_one() {
        ok(tom.post(units() + "/next", body("atMs", 0, "role", "professional")));
        ok(tom.post(units() + "/next", body("atMs", 1000, "role", "client")));
        JsonNode marked = ok(tom.post(units() + "/next", body("atMs", 2000, "role", "professional")));
        long[] id = ids(marked);
        ok(tom.put(units() + "/" + id[2] + "/end", body("atMs", 3000)));

        // A shared end moved right, then left: the next unit's start goes with it, in one change with both units.
        JsonNode right = ok(tom.put(units() + "/" + id[0] + "/end", body("atMs", 1200, "opId", "shared-1")));
        assertThat(time(right, 0, "endMs")).isEqualTo(1200);
        assertThat(time(right, 1, "startMs")).isEqualTo(1200);
        assertThat(time(right, 1, "endMs")).isEqualTo(2000);
        assertThat(right.path("change").asText()).isEqualTo("unit.end");
        assertThat(right.path("before").size()).isEqualTo(2);
        assertThat(right.path("after").size()).isEqualTo(2);
        JsonNode left = ok(tom.put(units() + "/" + id[0] + "/end", body("atMs", 800)));
        assertThat(time(left, 0, "endMs")).isEqualTo(800);
        assertThat(time(left, 1, "startMs")).isEqualTo(800);
        String[] row = app.jdbi.withHandle(h -> h.createQuery("SELECT field || '|' || before_value || '|' || after_value FROM change_log WHERE op_id = 'shared-1'")
                .mapTo(String.class).one()).split("\\|");
        assertThat(row[0]).isEqualTo("unit.end");
        for (String states : new String[]{row[1], row[2]}) assertThat(states).contains("\"id\":" + id[0] + ",", "\"id\":" + id[1] + ",");
        assertThat(row[1]).contains("\"startMs\":0,\"endMs\":1000", "\"startMs\":1000,\"endMs\":2000");
        assertThat(row[2]).contains("\"startMs\":0,\"endMs\":1200", "\"startMs\":1200,\"endMs\":2000");

        // A shared start moved left: the unit before ends there now.
        JsonNode start = ok(tom.put(units() + "/" + id[2] + "/start", body("atMs", 1700)));
        assertThat(time(start, 1, "endMs")).isEqualTo(1700);
        assertThat(time(start, 2, "startMs")).isEqualTo(1700);
        assertThat(start.path("change").asText()).isEqualTo("unit.start");
        // Undone as one: both units back.
        JsonNode undone = ok(tom.post(units() + "/undo", body()));
        assertThat(time(undone, 1, "endMs")).isEqualTo(2000);
        assertThat(time(undone, 2, "startMs")).isEqualTo(2000);
        assertThat(undone.path("after").size()).isEqualTo(2);

        // The neighbour keeps a length: a shared boundary stops before the neighbour's far edge.
        refused(tom.put(units() + "/" + id[0] + "/end", body("atMs", 2000)), 400, "unit.endNotAfterStart", "Unit 2");
        refused(tom.put(units() + "/" + id[1] + "/start", body("atMs", 0)), 400, "unit.endNotAfterStart", "Unit 1");

        // An edge with a gap to its neighbour moves alone.
        JsonNode made = ok(tom.post(units(), body("startMs", 3200, "endMs", 3400, "role", "client")));
        long last = ids(made)[3];
        JsonNode alone = ok(tom.put(units() + "/" + last + "/start", body("atMs", 3100)));
        assertThat(time(alone, 2, "endMs")).isEqualTo(3000);
        assertThat(time(alone, 3, "startMs")).isEqualTo(3100);
        assertThat(alone.path("before").size()).isEqualTo(1);
        Http.Response crossing = tom.put(units() + "/" + last + "/start", body("atMs", 2900));
        refused(crossing, 409, "unit.overlap", "Unit 4 (2.900 s – 3.400 s) would overlap unit 3", "units may touch but not overlap.");
        assertThat(crossing.error()).doesNotContain("open");

        // A coded neighbour keeps its boundary (project setting 'unitsAfterCoding': 'locked'), so the shared one stays.
        String dim = Fixtures.firstDimension(anna);
        Fixtures.code(anna, id[1], dim, Fixtures.codeFor(anna, dim, "client", 0));
        refused(tom.put(units() + "/" + id[0] + "/end", body("atMs", 900)), 409, "unit.boundaryLocked", "Unit 2", "unitsAfterCoding");
        refused(tom.put(units() + "/" + id[2] + "/start", body("atMs", 1900)), 409, "unit.boundaryLocked", "Unit 2");
        JsonNode still = ok(admin.get(units()));
        assertThat(time(still, 0, "endMs")).isEqualTo(800);
        assertThat(time(still, 1, "startMs")).isEqualTo(800);
        assertThat(time(still, 2, "startMs")).isEqualTo(2000);
        ok(admin.patch("/api/projects/" + project, body("unitsAfterCoding", "open")));
        JsonNode open = ok(tom.put(units() + "/" + id[0] + "/end", body("atMs", 900)));
        assertThat(time(open, 1, "startMs")).isEqualTo(900);
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
