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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boundary corrections on an imported transcript with times and a recording (issue 14, "transcripts with times get
 * the timeline too"): the unit routes move the start and end of units that came with their text from a subtitle file
 * (start and end) or a timed text file (start only, each unit running until the next one starts), with the same
 * log, replay and refusals as units made from a recording.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportedUnitTimesHttpTest {
    @TempDir static Path dir;
    @TempDir static Path files;
    TestApp app;
    Http admin;
    long project;
    byte[] wav;

    @BeforeAll void start() throws Exception {
        TestRecordings.requireTools();
        app = TestApp.start(dir);
        wav = Files.readAllBytes(TestRecordings.wav(files));
    }

    @BeforeEach void fresh() {
        admin = app.loggedIn("root", Role.ADMIN);
        project = Fixtures.project(admin, app.unique("Getimede gesprekken"));
    }

    @AfterAll void stop() { app.close(); }

    /** Imports {@code text} as {@code name} with KM as professional and Klant as client, and gives it the recording (3.5 s). */
    private long imported(String name, String text) {
        Http.Response r = admin.postFile("/api/projects/" + project + "/transcripts", name, text.getBytes(StandardCharsets.UTF_8),
                Map.of("roles", "KM=professional,Klant=client"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long t = r.json().path("transcripts").get(0).path("id").asLong();
        Http.Response up = admin.postFile("/api/transcripts/" + t + "/media", "opname.wav", wav, Map.of());
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        return t;
    }

    private JsonNode ok(Http.Response r) {
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        return r.json();
    }

    private static Map<String, Object> at(long ms, String opId) {
        return Map.of("atMs", ms, "opId", opId);
    }

    private static List<Long> ids(JsonNode units) {
        return List.of(units.get(0).path("id").asLong(), units.get(1).path("id").asLong(), units.get(2).path("id").asLong());
    }

    @Test
    void a_subtitle_file_with_a_recording_has_its_boundaries_moved_logged_and_replayed() {
        long t = imported("gesprek.srt", """
                1
                00:00:00,000 --> 00:00:01,000
                KM: Goedemiddag, fijn dat u er bent.

                2
                00:00:01,000 --> 00:00:02,000
                Klant: Dank u wel.

                3
                00:00:02,200 --> 00:00:03,000
                KM: Hoe gaat het met zoeken?
                """);
        String units = "/api/transcripts/" + t + "/units/";
        List<Long> id = ids(ok(admin.get("/api/transcripts/" + t)).path("utterances"));
        JsonNode moved = ok(admin.put(units + id.get(1) + "/end", at(2100, "imp-1")));
        assertThat(moved.path("units").get(1).path("endMs").asLong()).isEqualTo(2100);
        assertThat(moved.path("units").get(1).path("text").asText()).isEqualTo("Dank u wel.");
        assertThat(ok(admin.put(units + id.get(1) + "/end", at(2100, "imp-1"))).path("replayed").asBoolean()).isTrue();
        ok(admin.put(units + id.get(2) + "/start", at(2150, "imp-2")));
        Http.Response overlap = admin.put(units + id.get(2) + "/start", at(2050, "imp-3"));
        assertThat(overlap.status()).as(overlap.body()).isEqualTo(409);
        assertThat(overlap.json().path("code").asText()).isEqualTo("unit.overlap");
        // The first two units touch (the file says so): the boundary they share moves as one.
        JsonNode shared = ok(admin.put(units + id.get(1) + "/start", at(900, "imp-4")));
        assertThat(shared.path("units").get(0).path("endMs").asLong()).isEqualTo(900);
        assertThat(shared.path("units").get(1).path("startMs").asLong()).isEqualTo(900);
        assertThat(app.count("SELECT COUNT(*) FROM change_log WHERE transcript_id = " + t + " AND field IN ('unit.start', 'unit.end')")).isEqualTo(3);
        JsonNode after = ok(admin.get("/api/transcripts/" + t)).path("utterances");
        assertThat(after.get(0).path("endMs").asLong()).isEqualTo(900);
        assertThat(after.get(1).path("endMs").asLong()).isEqualTo(2100);
        assertThat(after.get(2).path("startMs").asLong()).isEqualTo(2150);
    }

    @Test
    void a_timed_text_file_whose_units_have_only_starts_has_its_starts_moved_within_the_neighbours() {
        long t = imported("gesprek.txt", """
                [00:00:00] KM: Goedemiddag, fijn dat u er bent.
                [00:00:01] Klant: Dank u wel.
                [00:00:02] KM: Hoe gaat het met zoeken?
                """);
        String units = "/api/transcripts/" + t + "/units/";
        JsonNode before = ok(admin.get("/api/transcripts/" + t)).path("utterances");
        assertThat(before.get(1).path("endMs").isNull()).as("the file gives starts only").isTrue();
        List<Long> id = ids(before);
        JsonNode later = ok(admin.put(units + id.get(1) + "/start", at(1300, "txt-1")));
        assertThat(later.path("units").get(1).path("startMs").asLong()).isEqualTo(1300);
        ok(admin.put(units + id.get(1) + "/start", at(800, "txt-2")));
        // Past the next unit's start, or before the previous one's, is an overlap.
        for (long ms : new long[]{2000, 2500, 0}) {
            Http.Response r = admin.put(units + id.get(1) + "/start", at(ms, "txt-x" + ms));
            assertThat(r.status()).as(r.body()).isEqualTo(409);
            assertThat(r.json().path("code").asText()).isEqualTo("unit.overlap");
            // Said as it is here: a unit without an end runs until the next one starts; no word of 'only the last unit open'.
            assertThat(r.error()).contains("units may touch but not overlap").doesNotContain("open");
        }
        // An end given to a unit in the middle must not reach into the next one.
        ok(admin.put(units + id.get(0) + "/end", at(700, "txt-3")));
        Http.Response past = admin.put(units + id.get(1) + "/end", at(2200, "txt-4"));
        assertThat(past.status()).as(past.body()).isEqualTo(409);
        assertThat(app.count("SELECT COUNT(*) FROM change_log WHERE transcript_id = " + t + " AND field LIKE 'unit.%'")).isEqualTo(3);
    }
}
