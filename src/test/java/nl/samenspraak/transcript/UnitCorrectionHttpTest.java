package nl.samenspraak.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspraak.account.Role;
import nl.samenspraak.support.Fixtures;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Correcting units after import: split, merge, change speaker; logged; refused once a unit is coded. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnitCorrectionHttpTest {
    @TempDir static Path dir;
    TestApp app;
    Http admin;
    long project;
    int transcripts;

    static final String TIMED = """
            spreker,tekst,begin,eind
            KM,Goedemorgen. Gaat u zitten.,00:00:00,00:00:10
            KM,Ik heb koffie.,00:00:10,00:00:14
            Klant,Dank u.,00:00:14,00:00:20
            KM,Zullen we beginnen?,00:00:20,00:00:23
            """;

    @BeforeAll void start() {
        app = TestApp.start(dir);
        admin = app.loggedIn("root", Role.ADMIN);
        project = Fixtures.project(admin, "Correcties");
    }

    @AfterAll void stop() { app.close(); }

    private long transcript() {
        Http.Response r = admin.postFile("/api/projects/" + project + "/transcripts", "t" + (++transcripts) + ".csv",
                TIMED.getBytes(StandardCharsets.UTF_8), Map.of("roles", "KM=professional,Klant=client"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("transcripts").get(0).path("id").asLong();
    }

    private JsonNode units(long transcript) {
        return admin.get("/api/transcripts/" + transcript + "/units").json().path("units");
    }

    private List<String> texts(long transcript) {
        return units(transcript).findValuesAsText("text");
    }

    @Test
    void a_unit_is_split_before_a_character_with_times_shared_and_later_units_renumbered_and_logged() {
        long t = transcript();
        JsonNode first = units(t).get(0);
        String text = first.path("text").asText();

        Http.Response r = admin.post("/api/utterances/" + first.path("id").asLong() + "/split", Map.of("at", text.indexOf("Gaat")));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(texts(t)).containsExactly("Goedemorgen.", "Gaat u zitten.", "Ik heb koffie.", "Dank u.", "Zullen we beginnen?");
        JsonNode after = units(t);
        assertThat(after.findValuesAsText("seq")).containsExactly("1", "2", "3", "4", "5");
        assertThat(after.get(0).path("endMs").asLong()).isEqualTo(after.get(1).path("startMs").asLong()).isEqualTo(Math.round(10_000.0 * 13 / 27));
        assertThat(app.count("SELECT COUNT(*) FROM change_log WHERE field = 'unit:split' AND transcript_id = " + t
                + " AND before_value = '#1 \"KM: Goedemorgen. Gaat u zitten.\"' AND after_value LIKE '#1 \"Goedemorgen.\" | #2 \"Gaat u zitten.\"'")).isEqualTo(1);
        assertThat(admin.post("/api/utterances/" + first.path("id").asLong() + "/split", Map.of("at", 0)).error())
                .startsWith("Unit 1: split inside the text");
    }

    @Test
    void neighbours_of_one_speaker_merge_and_of_two_speakers_are_refused_with_the_reason() {
        long t = transcript();
        JsonNode u = units(t);

        Http.Response merged = admin.post("/api/utterances/" + u.get(0).path("id").asLong() + "/merge-next", Map.of());
        Http.Response twoSpeakers = admin.post("/api/utterances/" + u.get(1).path("id").asLong() + "/merge-next", Map.of());

        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(texts(t)).containsExactly("Goedemorgen. Gaat u zitten. Ik heb koffie.", "Dank u.", "Zullen we beginnen?");
        assertThat(units(t).get(0).path("endMs").asLong()).isEqualTo(14_000L);
        assertThat(units(t).get(2).path("seq").asInt()).isEqualTo(3);
        assertThat(twoSpeakers.status()).isEqualTo(404); // merged away
        JsonNode now = units(t);
        assertThat(admin.post("/api/utterances/" + now.get(0).path("id").asLong() + "/merge-next", Map.of()).error())
                .isEqualTo("Units 1 and 2 have different speakers (KM, Klant); give them the same speaker first.");
        assertThat(admin.post("/api/utterances/" + now.get(2).path("id").asLong() + "/merge-next", Map.of()).error())
                .isEqualTo("Unit 3 is the last unit; there is no next unit to merge it with.");
        assertThat(app.count("SELECT COUNT(*) FROM change_log WHERE field = 'unit:merge' AND transcript_id = " + t)).isEqualTo(1);
    }

    @Test
    void a_units_speaker_changes_to_a_known_one_or_a_new_one_with_a_role() {
        long t = transcript();
        long second = units(t).get(1).path("id").asLong();

        assertThat(admin.put("/api/utterances/" + second + "/speaker", Map.of("speaker", "Klant")).status()).isEqualTo(200);
        assertThat(units(t).get(1).path("speakerRole").asText()).isEqualTo("client");
        assertThat(admin.put("/api/utterances/" + second + "/speaker", Map.of("speaker", "Tolk")).error())
                .isEqualTo("Speaker 'Tolk' is new in this transcript; give its role (professional, client or other).");
        assertThat(admin.put("/api/utterances/" + second + "/speaker", Map.of("speaker", "Tolk", "role", "other")).status()).isEqualTo(200);
        JsonNode read = admin.get("/api/transcripts/" + t).json();
        assertThat(read.path("utterances").get(1).path("speakerLabel").asText()).isEqualTo("Tolk");
        assertThat(read.path("speakers").findValuesAsText("label")).contains("Tolk");
        assertThat(app.count("SELECT COUNT(*) FROM change_log WHERE field = 'unit:speaker' AND user_id IS NOT NULL AND at IS NOT NULL "
                + "AND transcript_id = " + t)).isEqualTo(2);
    }

    @Test
    void a_coded_unit_or_one_coded_before_is_locked_with_the_reason_and_its_neighbour_cannot_merge_into_it() {
        long t = transcript();
        JsonNode u = units(t);
        long first = u.get(0).path("id").asLong(), second = u.get(1).path("id").asLong();
        String dimension = Fixtures.firstDimension(admin);
        String code = Fixtures.codeFor(admin, dimension, "professional", 0);
        assertThat(admin.put("/api/utterances/" + second + "/codes/" + dimension, Map.of("code", code)).status()).isEqualTo(200);

        Http.Response split = admin.post("/api/utterances/" + second + "/split", Map.of("at", 3));
        Http.Response merge = admin.post("/api/utterances/" + first + "/merge-next", Map.of());

        assertThat(split.status()).isEqualTo(409);
        assertThat(split.error()).isEqualTo("Unit 2 has 1 code (by 1 coder); units can only be corrected before coding starts.");
        assertThat(merge.error()).startsWith("Unit 2 has 1 code");
        assertThat(split.json().path("code").asText()).isEqualTo("unit.lockedByCodes");
        assertThat(split.json().path("params").path("coders").asInt()).isEqualTo(1);
        assertThat(units(t).get(1).path("locked").asText()).startsWith("has 1 code");
        assertThat(admin.delete("/api/utterances/" + second + "/codes/" + dimension).status()).isBetween(200, 204);
        assertThat(admin.put("/api/utterances/" + second + "/speaker", Map.of("speaker", "Klant")).error())
                .isEqualTo("Unit 2 has been coded before (its codes are in the change log); units can only be corrected before coding starts.");
        assertThat(texts(t)).hasSize(4);
    }

    @Test
    void only_administrators_of_the_project_correct_units() {
        long t = transcript();
        long unit = units(t).get(0).path("id").asLong();
        app.user("trainer1", Role.TRAINER);
        Fixtures.member(admin, project, "trainer1", "trainer");
        Http trainer = app.as("trainer1");

        assertThat(trainer.get("/api/transcripts/" + t + "/units").status()).isEqualTo(403);
        assertThat(trainer.post("/api/utterances/" + unit + "/merge-next", Map.of()).status()).isEqualTo(403);
        assertThat(admin.post("/api/utterances/" + unit + "/split", "{\"at\": \"x\"}").status()).isEqualTo(400);
    }
}
