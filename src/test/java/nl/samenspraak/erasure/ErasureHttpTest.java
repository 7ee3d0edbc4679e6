package nl.samenspraak.erasure;

import nl.samenspraak.account.Role;
import nl.samenspraak.support.Fixtures;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.Sql;
import nl.samenspraak.support.TestApp;
import nl.samenspraak.support.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 11: a coded transcript is erased for a data-subject request, and afterwards not one of its
 * words is in the database file (after VACUUM, with the WAL checkpointed) or in the media folder,
 * while the other transcript's words still are (so the search can find what is there). The change
 * log keeps one tombstone row, and stays append-only.
 */
class ErasureHttpTest {
    /** One word per place the transcript's content lives. */
    static final List<String> WORDS = List.of("Pannenkoekenhuis", "Kwakkelstein", "dossiernummer", "Feedbackwoordje", "Adjudicatiezin",
            "Sessiewaardewoord", "bijzonderheid", "GEHEIMEOPNAME");
    static final String KEPT = "Zonnebloemveld";

    @TempDir Path dir;

    @Test
    void an_erased_transcript_leaves_no_word_in_the_database_file_or_the_media_folder() throws Exception {
        try (TestApp app = TestApp.start(dir)) {
            Http admin = app.loggedIn("root", Role.ADMIN);
            long project = Fixtures.project(admin, "Verzoek");
            for (String who : List.of("anna", "bram", "piet")) {
                app.user(who, Role.CODER);
                Fixtures.member(admin, project, who, who.equals("piet") ? "trainer" : "coder");
            }
            long erased = imported(admin, project, "jansen-dossiernummer.txt",
                    "KM: Welkom in het Pannenkoekenhuis.\nMevrouw Kwakkelstein: Dank u wel.\nKM: Vertelt u eens.\n");
            long kept = imported(admin, project, "ander.txt", "KM: Het " + KEPT + " is mooi.\nKlant: Ja.\n");
            List<Long> units = new ArrayList<>();
            admin.get("/api/transcripts/" + erased).json().path("utterances").forEach(u -> units.add(u.path("id").asLong()));
            for (String who : List.of("anna", "bram")) {
                Http coder = app.as(who);
                for (long u : units) ok(coder.put("/api/utterances/" + u + "/codes/step", Map.of("code", who.equals("anna") ? "team-talk" : "option-talk")));
                ok(coder.put("/api/transcripts/" + erased + "/ratings/option-5/options-exist", Map.of("value", 2)));
                ok(coder.put("/api/utterances/" + coder.get("/api/transcripts/" + kept).json().path("utterances").get(0).path("id").asLong()
                        + "/codes/step", Map.of("code", "team-talk")));
            }
            long annaId = app.count("SELECT id FROM users WHERE name = 'anna'");
            ok(admin.put("/api/transcripts/" + erased + "/consensus/" + units.get(0) + "/step", Map.of("fromCoder", annaId, "comment", "Adjudicatiezin")));
            ok(admin.post("/api/transcripts/" + erased + "/feedback", Map.of("text", "Feedbackwoordje voor de professional")));
            ok(admin.put("/api/projects/" + project + "/fields", Map.of("fields", List.of(Map.of("key", "notitie", "label", Map.of("nl", "Notitie", "en", "Note"), "type", "text")))));
            ok(admin.put("/api/transcripts/" + erased + "/fields", Map.of("values", Map.of("notitie", "Sessiewaardewoord"))));
            ok(admin.put("/api/transcripts/" + erased + "/reference", Map.of("coderId", annaId)));
            ok(app.as("bram").post("/api/transcripts/" + erased + "/calibration", Map.of()));
            byte[] recording = Fixtures.wav(20_000);
            System.arraycopy("GEHEIMEOPNAME".getBytes(StandardCharsets.US_ASCII), 0, recording, 100, 13);
            ok(admin.postFile("/api/transcripts/" + erased + "/media", "opname-bijzonderheid.wav", recording, Map.of()));
            settle(app);
            for (String word : WORDS) assertThat(found(app, word)).as("before: " + word + " is there to be found").isTrue();

            Http.Response preview = admin.get("/api/transcripts/" + erased + "/erasure");
            assertThat(preview.status()).as(preview.body()).isEqualTo(200);
            assertThat(preview.json().path("name").asText()).isEqualTo("jansen-dossiernummer");
            assertThat(preview.json().path("removed").path("units").asInt()).isEqualTo(3);
            assertThat(preview.json().path("removed").path("codes").asInt()).isEqualTo(7);
            assertThat(preview.json().path("removed").path("recording").asBoolean()).isTrue();
            assertThat(app.as("piet").get("/api/transcripts/" + erased + "/erasure").status()).as("a trainer may not").isEqualTo(403);
            assertThat(app.as("anna").post("/api/transcripts/" + erased + "/erasure", Map.of("reason", "x", "confirmName", "jansen-dossiernummer")).status())
                    .as("nor a coder").isEqualTo(403);
            Http.Response wrong = admin.post("/api/transcripts/" + erased + "/erasure", Map.of("reason", "Verzoek van de cliënt", "confirmName", "jansen"));
            assertThat(wrong.status()).isEqualTo(400);
            assertThat(wrong.error()).contains("confirmName");
            assertThat(admin.post("/api/transcripts/" + erased + "/erasure", Map.of("reason", " ", "confirmName", "jansen-dossiernummer")).status()).isEqualTo(400);

            assertThat(admin.get("/api/projects/" + project + "/reliability").status()).as("the code cache has read the log").isEqualTo(200);
            String unitIds = units.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
            String codeChanges = "SELECT COUNT(*) FROM code_changes WHERE (coder_id IS NULL AND target = " + erased + ") OR (coder_id IS NOT NULL AND target IN (" + unitIds + "))";
            assertThat(app.count(codeChanges)).as("before: the code change log has the transcript's units and codes").isGreaterThan(0);
            long lastCodeChange = app.count("SELECT MAX(id) FROM code_changes");
            long keptCodeChanges = app.count("SELECT COUNT(*) FROM code_changes WHERE coder_id IS NULL AND target = " + kept);

            Http.Response done = admin.post("/api/transcripts/" + erased + "/erasure", Map.of("reason", "Verzoek van de cliënt (art. 17 AVG)",
                    "confirmName", "jansen-dossiernummer"));
            assertThat(done.status()).as(done.body()).isEqualTo(200);
            assertThat(done.json().path("erasedBy").asText()).isEqualTo("root");
            assertThat(done.json().path("reason").asText()).isEqualTo("Verzoek van de cliënt (art. 17 AVG)");

            checkpoint(app);
            for (String word : WORDS) assertThat(found(app, word)).as("after, even before a VACUUM (secure_delete): " + word).isFalse();
            settle(app);
            for (String word : WORDS) assertThat(found(app, word)).as("after: " + word).isFalse();
            assertThat(found(app, KEPT)).as("the other transcript is untouched").isTrue();
            assertThat(admin.get("/api/transcripts/" + kept).status()).isEqualTo(200);
            assertThat(admin.get("/api/transcripts/" + erased).status()).isEqualTo(404);
            assertThat(admin.get("/api/transcripts/" + erased + "/erasure").json().path("erased").path("reason").asText()).contains("art. 17");
            assertThat(admin.post("/api/transcripts/" + erased + "/erasure", Map.of("reason", "nog eens", "confirmName", "x")).status()).isEqualTo(409);

            assertThat(app.count(codeChanges)).as("after: no row of the code change log names the erased transcript or its units").isZero();
            assertThat(app.count("SELECT COUNT(*) FROM code_changes WHERE coder_id IS NULL AND target = " + kept)).isEqualTo(keptCodeChanges);
            assertThat(app.count("SELECT MAX(id) FROM code_changes")).as("no id a cache has seen is given again").isGreaterThan(lastCodeChange);
            assertThat(admin.get("/api/projects/" + project + "/reliability").status()).isEqualTo(200);

            String tombstone = "SELECT COUNT(*) FROM change_log WHERE transcript_id = " + erased;
            assertThat(app.count(tombstone)).as("one row stays: the tombstone").isEqualTo(1);
            assertThat(Sql.one(app.jdbi, "SELECT after_value FROM change_log WHERE field = 'erased'", String.class)).contains("art. 17");
            assertThat(admin.get("/api/projects/" + project + "/history").body()).contains("erased");
            assertThatThrownBy(() -> app.jdbi.useHandle(h -> h.execute("DELETE FROM change_log WHERE transcript_id = " + erased)))
                    .as("the change log is append-only again").hasMessageContaining("append-only");
            assertThatThrownBy(() -> app.jdbi.useHandle(h -> h.execute("DELETE FROM change_log WHERE transcript_id = " + kept)))
                    .hasMessageContaining("append-only");
        }
    }

    @Test
    void a_soft_deleted_transcript_can_be_erased_too() {
        try (TestApp app = TestApp.start(dir)) {
            Http admin = app.loggedIn("root", Role.ADMIN);
            long project = Fixtures.project(admin, "Weg");
            long t = imported(admin, project, "weg.txt", "KM: " + WORDS.get(0) + ".\n");
            assertThat(admin.delete("/api/transcripts/" + t).status()).isEqualTo(204);
            assertThat(admin.get("/api/transcripts/" + t + "/erasure").json().path("deleted").asBoolean()).isTrue();
            ok(admin.post("/api/transcripts/" + t + "/erasure", Map.of("reason", "Verzoek", "confirmName", "weg")));
            assertThat(app.count("SELECT COUNT(*) FROM utterances WHERE transcript_id = " + t)).isZero();
        }
    }

    /**
     * Independent unitizing: each coder has their own copy of a recording (a transcript with a hard link to, or a copy
     * of, its file, and a waveform file of its own). Erasing the recording erases every copy with it, in the one
     * transaction, and leaves no file of any of them in the media folder; a copy alone can still be erased.
     */
    @Test
    void erasing_a_recording_erases_every_coders_own_copy_and_its_files() throws Exception {
        try (TestApp app = TestApp.start(dir)) {
            Http admin = app.loggedIn("root", Role.ADMIN);
            long project = Fixtures.project(admin, "Apart");
            for (String who : List.of("anna", "bram")) {
                app.user(who, Role.CODER);
                Fixtures.member(admin, project, who, "coder");
            }
            ok(admin.patch("/api/projects/" + project, Map.of("unitizing", "independent")));
            String dim = Fixtures.firstDimension(admin);
            String code = Fixtures.codeFor(admin, dim, "client", 0);
            long source = recording(admin, project, "gesprek-kwakkelstein.wav");
            long other = recording(admin, project, "ander-gesprek.wav");
            Map<String, Long> copies = new java.util.LinkedHashMap<>();
            Map<String, Long> otherCopies = new java.util.LinkedHashMap<>();
            for (String who : List.of("anna", "bram")) {
                Http coder = app.as(who);
                for (var t : coder.get("/api/projects/" + project + "/transcripts").json()) {
                    if (t.path("name").asText().equals("gesprek-kwakkelstein · " + who)) copies.put(who, t.path("id").asLong());
                    if (t.path("name").asText().equals("ander-gesprek · " + who)) otherCopies.put(who, t.path("id").asLong());
                }
                long copy = copies.get(who);
                ok(coder.post("/api/transcripts/" + copy + "/units", Map.of("startMs", 0, "endMs", 4000, "role", "client", "text", "Kwakkelstein")));
                Fixtures.code(coder, Fixtures.unitIds(coder, copy).get(0), dim, code);
                assertThat(coder.get("/api/transcripts/" + copy + "/waveform").status()).isEqualTo(200);
            }
            assertThat(admin.get("/api/transcripts/" + source + "/waveform").status()).isEqualTo(200);
            Path media = app.database.getParent().resolve("media");
            List<Long> family = List.of(source, copies.get("anna"), copies.get("bram"));
            for (long t : family) assertThat(filesOf(media, t)).as("transcript " + t + ": recording and waveform").hasSize(2);

            Http.Response preview = admin.get("/api/transcripts/" + source + "/erasure");
            assertThat(preview.json().path("removed").path("copies").asInt()).isEqualTo(2);
            assertThat(preview.json().path("removed").path("units").asInt()).as("the copies' units count").isEqualTo(2);
            assertThat(preview.json().path("removed").path("codes").asInt()).isEqualTo(2);
            assertThat(preview.json().path("removed").path("coders").asInt()).isEqualTo(2);
            Http.Response done = admin.post("/api/transcripts/" + source + "/erasure", Map.of("reason", "Verzoek van de cliënt", "confirmName",
                    "gesprek-kwakkelstein"));
            assertThat(done.status()).as(done.body()).isEqualTo(200);
            assertThat(done.json().path("removed").asText()).contains("\"copies\":2");

            for (long t : family) {
                assertThat(filesOf(media, t)).as("no file of transcript " + t + " is left").isEmpty();
                assertThat(admin.get("/api/transcripts/" + t).status()).isEqualTo(404);
                assertThat(app.count("SELECT COUNT(*) FROM utterances WHERE transcript_id = " + t)).isZero();
                assertThat(app.count("SELECT COUNT(*) FROM media WHERE transcript_id = " + t)).isZero();
                assertThat(app.count("SELECT COUNT(*) FROM erasures WHERE transcript_id = " + t)).as("each its own tombstone").isEqualTo(1);
            }
            for (String who : List.of("anna", "bram")) {
                Http coder = app.as(who);
                assertThat(coder.get("/api/transcripts/" + copies.get(who)).status()).isEqualTo(404);
                assertThat(coder.get("/api/projects/" + project + "/transcripts").body()).doesNotContain("kwakkelstein").contains("ander-gesprek");
            }
            assertThat(app.count("SELECT COUNT(*) FROM transcripts WHERE source_transcript_id = " + source + " AND deleted_at IS NULL"))
                    .as("no copy is made again").isZero();
            assertThat(admin.get("/api/projects/" + project + "/transcripts").body()).doesNotContain("kwakkelstein");
            settle(app);
            assertThat(found(app, "Kwakkelstein")).isFalse();
            assertThat(filesOf(media, other)).as("the other recording stays").isNotEmpty();

            // A copy alone: anna's copy of the other recording goes, the recording and bram's copy stay.
            long annas = otherCopies.get("anna");
            Http.Response alone = admin.post("/api/transcripts/" + annas + "/erasure", Map.of("reason", "Verzoek", "confirmName", "ander-gesprek · anna"));
            assertThat(alone.status()).as(alone.body()).isEqualTo(200);
            assertThat(alone.json().path("removed").asText()).contains("\"copies\":0");
            assertThat(filesOf(media, annas)).isEmpty();
            assertThat(filesOf(media, other)).isNotEmpty();
            assertThat(admin.get("/api/transcripts/" + other + "/media").status()).isIn(200, 206);
            assertThat(app.as("bram").get("/api/transcripts/" + otherCopies.get("bram") + "/media").status()).isIn(200, 206);
        }
    }

    static long recording(Http admin, long project, String file) {
        Http.Response made = admin.postFile("/api/projects/" + project + "/recordings", file, Fixtures.silentWav(5), Map.of());
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return made.json().path("transcript").path("id").asLong();
    }

    /** The files of a transcript in the media folder: its recording and its waveform ({@code <id>.<ext>}). */
    static List<Path> filesOf(Path media, long transcript) throws Exception {
        try (Stream<Path> files = Files.list(media)) {
            return files.filter(f -> f.getFileName().toString().startsWith(transcript + ".")).toList();
        }
    }

    static long imported(Http admin, long project, String file, String text) {
        Http.Response r = admin.postFile("/api/projects/" + project + "/transcripts", file, text.getBytes(StandardCharsets.UTF_8),
                Map.of("roles", "KM=professional,Klant=client,Mevrouw Kwakkelstein=client"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("transcripts").get(0).path("id").asLong();
    }

    static void ok(Http.Response r) {
        assertThat(r.status()).as(r.body()).isBetween(200, 299);
    }

    /** Everything on disk as it would be read by someone with the files: VACUUM, then the WAL copied in and emptied. */
    static void settle(TestApp app) {
        app.jdbi.useHandle(h -> h.execute("VACUUM"));
        checkpoint(app);
    }

    /** SQLite: the WAL copied into the file and emptied. PostgreSQL keeps its files elsewhere ({@link #found} asks it). */
    static void checkpoint(TestApp app) {
        if (!TestStores.postgres()) app.jdbi.useHandle(h -> h.createQuery("PRAGMA wal_checkpoint(TRUNCATE)").mapToMap().list());
    }

    /** On PostgreSQL, whose files are the server's: whether any text column that an erasure empties still holds the word. */
    static boolean inDatabase(TestApp app, String word) {
        return app.jdbi.withHandle(h -> h.createQuery("""
                SELECT EXISTS (SELECT 1 FROM utterances WHERE text LIKE :w OR speaker_label LIKE :w)
                    OR EXISTS (SELECT 1 FROM transcripts WHERE name LIKE :w OR file_name LIKE :w)
                    OR EXISTS (SELECT 1 FROM transcript_speakers WHERE label LIKE :w)
                    OR EXISTS (SELECT 1 FROM change_log WHERE before_value LIKE :w OR after_value LIKE :w OR field LIKE :w)
                    OR EXISTS (SELECT 1 FROM media WHERE file_name LIKE :w)
                    OR EXISTS (SELECT 1 FROM feedback WHERE text LIKE :w)
                    OR EXISTS (SELECT 1 FROM adjudications WHERE comment LIKE :w)
                    OR EXISTS (SELECT 1 FROM session_values WHERE value LIKE :w)""").bind("w", "%" + word + "%").mapTo(Boolean.class).one());
    }

    /** Whether the word's bytes are in any file of the database's folder: the database, its WAL, the recordings. */
    static boolean found(TestApp app, String word) throws Exception {
        if (TestStores.postgres() && inDatabase(app, word)) return true;
        byte[] needle = word.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(app.database.getParent())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (contains(Files.readAllBytes(f), needle)) return true;
            }
        }
        return false;
    }

    static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return true;
        }
        return false;
    }
}
