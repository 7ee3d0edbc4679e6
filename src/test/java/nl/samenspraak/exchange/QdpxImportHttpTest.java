package nl.samenspraak.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspraak.account.Role;
import nl.samenspraak.support.Fixtures;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.Sql;
import nl.samenspraak.support.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, REFI-QDA project import: a project coded by two coders and adjudicated, exported as .qdpx and imported
 * again (as a new project, and into an existing project with the same codebook), has the same units and the same
 * codes per coder and consensus; the projects other tools wrote (test resources, refi-qda/README.md) are imported
 * with what they cannot give listed with counts; a conflict is listed, not guessed; a broken or hostile file is a
 * 400 naming the file and the problem, and leaves nothing behind; only administrators and trainers import.
 */
class QdpxImportHttpTest {
    static final String VTT = """
            WEBVTT

            00:00:01.000 --> 00:00:03.500
            <v KM>Goedemorgen, hoe gaat het met u? \uD83D\uDE00 Fijn dat u er bent.

            00:00:04.000 --> 00:00:06.250
            <v Klant>Het gaat wel, dank u. Café & crème.

            00:00:07.000 --> 00:00:09.000
            <v KM>U mag vandaag zelf meebeslissen.

            00:00:09.500 --> 00:00:10.000
            <v Klant>Dat wist ik niet, ik wil kiezen.
            """;

    @TempDir static Path dir;
    static TestApp app;
    static Http admin, anna, bob, trainer;
    static long project;
    static byte[] exported;

    @BeforeAll static void start() {
        app = TestApp.start(dir);
        admin = app.loggedIn("root", Role.ADMIN);
        project = Fixtures.project(admin, "Bron");
        app.user("anna", Role.CODER);
        app.user("bob", Role.CODER);
        trainer = app.loggedIn("tina", Role.TRAINER);
        Fixtures.member(admin, project, "anna", "coder");
        Fixtures.member(admin, project, "bob", "coder");
        Fixtures.member(admin, project, "tina", "trainer");
        anna = app.as("anna");
        bob = app.as("bob");
        Http.Response r = admin.postFile("/api/projects/" + project + "/transcripts", "gesprek.vtt", VTT.getBytes(StandardCharsets.UTF_8),
                Map.of("roles", "KM=professional,Klant=client"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long timed = r.json().path("transcripts").get(0).path("id").asLong();
        long plain = Fixtures.transcript(admin, project, "tweede.txt");
        List<Long> units = Fixtures.unitIds(admin, timed);
        List<Long> second = Fixtures.unitIds(admin, plain);
        Fixtures.code(anna, units.get(0), "step", "team-talk");
        Fixtures.code(anna, units.get(0), "behaviour", "co-decide");
        Fixtures.code(anna, units.get(1), "step", "option-talk");
        Fixtures.code(anna, second.get(1), "step", "decision-talk");
        Fixtures.code(bob, units.get(0), "step", "option-talk");
        Fixtures.code(bob, units.get(1), "step", "option-talk");
        Fixtures.code(bob, units.get(3), "step", "decision-talk");
        long annaId = Sql.one(app.jdbi, "SELECT id FROM users WHERE name = 'anna'", Long.class);
        for (int i = 0; i < 2; i++) {
            Http.Response c = trainer.put("/api/transcripts/" + timed + "/consensus/" + units.get(i) + "/step", Map.of("fromCoder", annaId));
            assertThat(c.status()).as(c.body()).isEqualTo(200);
        }
        Http.Download d = admin.download("/api/projects/" + project + "/export.qdpx");
        assertThat(d.status()).isEqualTo(200);
        exported = d.body();
    }

    @AfterAll static void stop() { app.close(); }

    /** Every code of a project as "coder | transcript | unit number | speaker | text | dimension=code", the consensus by one name. */
    static List<String> codes(long projectId) {
        return app.jdbi.withHandle(h -> h.createQuery("""
                SELECT CASE WHEN u.name LIKE 'consensus:%' THEN 'consensus' ELSE u.name END || ' | ' || t.name || ' | ' || x.seq || ' | '
                       || x.speaker_label || ' | ' || x.text || ' | ' || c.dimension || '=' || c.code
                FROM codes c JOIN users u ON u.id = c.coder_id JOIN utterances x ON x.id = c.utterance_id JOIN transcripts t ON t.id = x.transcript_id
                WHERE t.project_id = :p AND t.deleted_at IS NULL ORDER BY 1""").bind("p", projectId).mapTo(String.class).list());
    }

    static List<String> units(long projectId) {
        return app.jdbi.withHandle(h -> h.createQuery("""
                SELECT t.name || ' | ' || x.seq || ' | ' || x.speaker_label || ' | ' || x.speaker_role || ' | ' || x.text
                FROM utterances x JOIN transcripts t ON t.id = x.transcript_id WHERE t.project_id = :p AND t.deleted_at IS NULL ORDER BY 1""")
                .bind("p", projectId).mapTo(String.class).list());
    }

    static Http.Response post(Http who, String path, String fileName, byte[] content, Map<String, String> fields) {
        return who.postFile(path, fileName, content, fields);
    }

    static byte[] sample(String name) throws Exception {
        return Files.readAllBytes(Path.of("src/test/resources/refi-qda/samples", name));
    }

    @Test
    void an_exported_project_imported_as_a_new_project_has_the_same_units_and_every_coders_codes_and_the_consensus() {
        Http.Response preview = post(admin, "/api/qdpx/preview", "bron.qdpx", exported, Map.of("name", "Bron (kopie)", "roles",
                "KM=professional,Klant=client"));
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        JsonNode p = preview.json();
        assertThat(p.path("project").path("made").asBoolean()).isTrue();
        assertThat(p.path("project").path("id").isNull()).isTrue();
        // The file's code GUIDs are those of the stored codebook: the codes go back into it, under their own keys.
        assertThat(p.path("codebook").path("made").asBoolean()).isFalse();
        assertThat(p.path("transcripts")).hasSize(2);
        assertThat(p.path("codes").asInt()).isEqualTo(9);
        assertThat(p.path("conflicts")).isEmpty();
        assertThat(app.count("SELECT COUNT(*) FROM projects WHERE name = 'Bron (kopie)'")).isZero();

        Http.Response r = post(admin, "/api/qdpx", "bron.qdpx", exported, Map.of("name", "Bron (kopie)", "roles", "KM=professional,Klant=client"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long copy = r.json().path("project").path("id").asLong();
        assertThat(units(copy)).isEqualTo(units(project));
        List<String> original = codes(project);
        assertThat(original).hasSize(9);
        assertThat(codes(copy)).isEqualTo(original);
        // Every imported code is in the change log: who, when, from nothing to the code.
        assertThat(app.count("SELECT COUNT(*) FROM change_log WHERE project_id = " + copy + " AND entity = 'code' AND before_value IS NULL")).isEqualTo(9);
        // The coders kept their accounts (the names exist) and became coders of the new project.
        JsonNode coders = r.json().path("coders");
        assertThat(coders.findValuesAsText("account")).containsOnly("existing", "consensus");
        assertThat(app.count("SELECT COUNT(*) FROM project_members m JOIN users u ON u.id = m.user_id WHERE m.project_id = " + copy
                + " AND u.name IN ('anna', 'bob') AND m.role = 'coder'")).isEqualTo(2);
        // Nothing of this file was left out (it has no recording, so no variable naming one).
        assertThat(r.json().path("skipped")).isEmpty();
    }

    @Test
    void into_an_existing_project_with_the_same_codebook_the_codes_are_matched_by_their_guids() {
        long target = Fixtures.project(admin, app.unique("Doel"));
        Http.Response r = post(trainer, "/api/qdpx", "bron.qdpx", exported, Map.of("projectId", String.valueOf(target)));
        assertThat(r.status()).as("a trainer who is not a member: the project is not there for them").isEqualTo(404);
        Fixtures.member(admin, target, "tina", "trainer");
        r = post(trainer, "/api/qdpx", "bron.qdpx", exported, Map.of("projectId", String.valueOf(target), "roles", "KM=professional,Klant=client"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(codes(target)).isEqualTo(codes(project));
        assertThat(r.json().path("project").path("made").asBoolean()).isFalse();
    }

    @Test
    void a_unit_that_one_coder_gave_two_codes_of_one_dimension_is_a_conflict_listed_and_not_guessed() throws Exception {
        String text = "KM: Zullen we samen kijken wat er kan?\nKlant: Ja, dat wil ik graag.\n";
        String qde = """
                <?xml version="1.0" encoding="utf-8"?>
                <Project xmlns="urn:QDA-XML:project:1.0" name="Conflict" origin="Hand-made for a test">
                  <Users><User guid="U1" name="carla"/></Users>
                  <CodeBook><Codes>
                    <Code guid="C1" name="Team talk" isCodable="true"/>
                    <Code guid="C2" name="Option talk" isCodable="true"/>
                  </Codes></CodeBook>
                  <Sources>
                    <TextSource guid="S1" name="Gesprek" plainTextPath="internal://S1.txt">
                      <PlainTextSelection guid="A" startPosition="4" endPosition="38" creatingUser="U1"><Coding guid="A1" creatingUser="U1"><CodeRef targetGUID="C1"/></Coding></PlainTextSelection>
                      <PlainTextSelection guid="B" startPosition="10" endPosition="20" creatingUser="U1"><Coding guid="B1" creatingUser="U1"><CodeRef targetGUID="C2"/></Coding></PlainTextSelection>
                      <PlainTextSelection guid="C" startPosition="47" endPosition="66" creatingUser="U1"><Coding guid="C1x" creatingUser="U1"><CodeRef targetGUID="C2"/></Coding></PlainTextSelection>
                      <NoteRef targetGUID="N1"/>
                    </TextSource>
                    <PDFSource guid="P1" name="Folder.pdf" path="internal://P1.pdf"/>
                  </Sources>
                  <Notes><Note guid="N1" name="Memo"><PlainTextContent>Een memo.</PlainTextContent></Note></Notes>
                </Project>
                """;
        byte[] zip = zip(Map.of("project.qde", qde.getBytes(StandardCharsets.UTF_8), "Sources/S1.txt", text.getBytes(StandardCharsets.UTF_8)));
        Http.Response r = post(admin, "/api/qdpx", "conflict.qdpx", zip, Map.of("name", app.unique("Conflict"), "roles", "KM=professional,Klant=client"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode body = r.json();
        assertThat(body.path("codebook").path("made").asBoolean()).isTrue();
        JsonNode conflict = body.path("conflicts").get(0);
        assertThat(conflict.path("coder").asText()).isEqualTo("carla");
        assertThat(conflict.path("unit").asInt()).isEqualTo(1);
        assertThat(conflict.path("codes")).hasSize(2);
        assertThat(body.path("codes").asInt()).isEqualTo(1);
        long copy = body.path("project").path("id").asLong();
        assertThat(codes(copy)).containsExactly("carla | Gesprek | 2 | Klant | Ja, dat wil ik graag. | codes=option_talk");
        assertThat(skipped(body)).containsEntry("source.PDFSource", 1).containsEntry("note", 1).containsEntry("noteRef", 1)
                .containsEntry("unit.conflict", 1);
        // The coder had no account: one was made, deactivated, so that nobody logs in with it before an administrator says so.
        assertThat(body.path("coders").get(0).path("account").asText()).isEqualTo("new");
        assertThat(app.count("SELECT COUNT(*) FROM users WHERE name = 'carla' AND active = 0")).isEqualTo(1);
    }

    static Map<String, Integer> skipped(JsonNode report) {
        Map<String, Integer> out = new java.util.TreeMap<>();
        report.path("skipped").forEach(s -> out.put(s.path("what").asText(), s.path("count").asInt()));
        return out;
    }

    @Test
    void nvivos_export_is_imported_with_its_nested_codes_as_groups_and_its_utf16_positions_read_as_nvivo_counts() throws Exception {
        Http.Response r = post(admin, "/api/qdpx", "nvivo12-windows-oltas.qdpx", sample("nvivo12-windows-oltas.qdpx"), Map.of("name", app.unique("NVivo")));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode body = r.json();
        assertThat(body.path("origin").asText()).isEqualTo("NVivo for Windows 12.6");
        assertThat(body.path("transcripts")).hasSize(2);
        String key = body.path("codebook").path("key").asText();
        JsonNode codebook = admin.get("/api/codebooks/" + key).json();
        // 152 codes nested up to four levels: the branches are groups of the one dimension.
        assertThat(codebook.toString()).contains("\"groups\"");
        assertThat(body.path("codes").asInt() + body.path("conflicts").size()).isPositive();
        // NVivo writes one selection per code, so most coded units hold several codes of the one dimension: conflicts.
        assertThat(body.path("conflicts").size()).isPositive();
        // Every coding is accounted for: taken, in a conflict, or counted as left out.
        assertThat(skipped(body)).doesNotContainKey("coding.unknownCode");
    }

    @Test
    void an_atlas_ti_project_without_its_text_files_lists_every_source_it_could_not_read() throws Exception {
        for (String file : List.of("atlasti8-mac-refi-standard-project.qdpx", "atlasti8-mac-refi-standard-project.qde")) {
            Http.Response r = post(admin, "/api/qdpx/preview", file, sample(file), Map.of("name", app.unique("ATLAS")));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            Map<String, Integer> skipped = skipped(r.json());
            assertThat(skipped).containsEntry("source.text.notInFile", 6).containsEntry("source.PDFSource", 2)
                    .containsEntry("source.PictureSource", 1).containsEntry("source.AudioSource", 1).containsEntry("source.VideoSource", 2)
                    .containsEntry("note", 2).containsEntry("link", 1).containsEntry("graph", 1).containsEntry("set", 16);
            assertThat(r.json().path("codebook").path("dimensions").get(0).path("codes").asInt()).isEqualTo(14);
        }
    }

    @Test
    void a_project_of_seven_coders_from_a_generator_gives_each_coder_their_codes_and_lists_cases_and_variables() throws Exception {
        Http.Response r = post(admin, "/api/qdpx", "qualilab.qdpx", sample("qualilab-synthetic-multicoder.qdpx"), Map.of("name", app.unique("QualiLab")));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode body = r.json();
        assertThat(body.path("transcripts")).hasSize(16);
        assertThat(body.path("coders").findValuesAsText("name")).contains("Ana Lima", "Bruno Costa", "Gabarito experimental");
        assertThat(skipped(body)).containsEntry("case", 16).containsEntry("variable", 12);
        long copy = body.path("project").path("id").asLong();
        int stored = codes(copy).size();
        assertThat(stored).isEqualTo(body.path("codes").asInt());
        int perCoder = 0;
        for (JsonNode c : body.path("coders")) perCoder += c.path("codes").asInt();
        assertThat(perCoder).isEqualTo(stored);
    }

    @Test
    void a_broken_or_hostile_file_is_refused_naming_the_file_and_the_problem_and_nothing_is_stored() throws Exception {
        long projectsBefore = app.count("SELECT COUNT(*) FROM projects");
        long usersBefore = app.count("SELECT COUNT(*) FROM users");
        long codebooksBefore = app.count("SELECT COUNT(*) FROM codebooks");
        Http.Response notZip = post(admin, "/api/qdpx", "kapot.qdpx", "PK\u0003\u0004 niet echt".getBytes(StandardCharsets.ISO_8859_1), Map.of("name", "X1"));
        assertThat(notZip.status()).isEqualTo(400);
        assertThat(notZip.body()).contains("kapot.qdpx").contains("qdpx.unreadableFile");
        Http.Response noQde = post(admin, "/api/qdpx", "leeg.qdpx", zip(Map.of("Sources/a.txt", "x".getBytes())), Map.of("name", "X2"));
        assertThat(noQde.status()).isEqualTo(400);
        assertThat(noQde.json().path("details").path("said").path("code").asText()).isEqualTo("qdpx.noProjectQde");
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE Project [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <Project xmlns="urn:QDA-XML:project:1.0" name="&x;"/>
                """;
        Http.Response hostile = post(admin, "/api/qdpx", "boos.qde", xxe.getBytes(StandardCharsets.UTF_8), Map.of("name", "X3"));
        assertThat(hostile.status()).isEqualTo(400);
        assertThat(hostile.json().path("details").path("said").path("code").asText()).isEqualTo("qdpx.doctypeRefused");
        assertThat(hostile.body()).doesNotContain("root:");
        Http.Response codebook = post(admin, "/api/qdpx", "anders.qde", "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"/>".getBytes(), Map.of("name", "X4"));
        assertThat(codebook.status()).isEqualTo(400);
        assertThat(codebook.json().path("details").path("said").path("code").asText()).isEqualTo("qdpx.notAProject");
        String badPosition = "<Project xmlns=\"urn:QDA-XML:project:1.0\"><Sources><TextSource guid=\"S\" name=\"T\"><PlainTextContent>KM: hoi</PlainTextContent>"
                + "<PlainTextSelection guid=\"A\" startPosition=\"vier\" endPosition=\"6\"/></TextSource></Sources></Project>";
        Http.Response position = post(admin, "/api/qdpx", "plek.qde", badPosition.getBytes(), Map.of("name", "X5"));
        assertThat(position.status()).isEqualTo(400);
        assertThat(position.body()).contains("plek.qde").contains("startPosition").contains("vier");
        Http.Response two = admin.postFiles("/api/qdpx", Map.of("name", "X6"), List.of(Map.entry("a.qde", badPosition.getBytes()), Map.entry("b.qde", badPosition.getBytes())));
        assertThat(two.status()).isEqualTo(400);
        assertThat(two.json().path("code").asText()).isEqualTo("qdpx.oneFile");
        assertThat(app.count("SELECT COUNT(*) FROM projects")).isEqualTo(projectsBefore);
        assertThat(app.count("SELECT COUNT(*) FROM users")).isEqualTo(usersBefore);
        assertThat(app.count("SELECT COUNT(*) FROM codebooks")).isEqualTo(codebooksBefore);
    }

    @Test
    void a_project_name_that_is_taken_is_refused_before_anything_is_stored_and_coders_cannot_import() {
        long projectsBefore = app.count("SELECT COUNT(*) FROM projects");
        Http.Response taken = post(admin, "/api/qdpx", "bron.qdpx", exported, Map.of("name", "Bron"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().path("code").asText()).isEqualTo("project.nameTaken");
        assertThat(post(anna, "/api/qdpx/preview", "bron.qdpx", exported, Map.of("name", "Nieuw")).status()).isEqualTo(403);
        assertThat(post(anna, "/api/qdpx", "bron.qdpx", exported, Map.of("projectId", String.valueOf(project))).status()).isEqualTo(403);
        assertThat(post(app.anonymous(), "/api/qdpx/preview", "bron.qdpx", exported, Map.of()).status()).isEqualTo(401);
        assertThat(app.count("SELECT COUNT(*) FROM projects")).isEqualTo(projectsBefore);
    }

    @Test
    void a_trainer_may_not_make_accounts_for_the_files_coders_and_nothing_is_left_of_the_refused_import() throws Exception {
        long target = Fixtures.project(admin, app.unique("Training"));
        Fixtures.member(admin, target, "tina", "trainer");
        String qde = "<Project xmlns=\"urn:QDA-XML:project:1.0\"><Users><User guid=\"U9\" name=\"onbekende-codeur\"/></Users><CodeBook><Codes>"
                + "<Code guid=\"C9\" name=\"Team talk\" isCodable=\"true\"/></Codes></CodeBook><Sources><TextSource guid=\"S\" name=\"T\">"
                + "<PlainTextContent>KM: Zullen we samen kiezen?</PlainTextContent><PlainTextSelection guid=\"A\" startPosition=\"4\" endPosition=\"20\">"
                + "<Coding guid=\"A1\" creatingUser=\"U9\"><CodeRef targetGUID=\"C9\"/></Coding></PlainTextSelection></TextSource></Sources></Project>";
        Http.Response r = post(trainer, "/api/qdpx", "t.qde", qde.getBytes(), Map.of("projectId", String.valueOf(target)));
        assertThat(r.status()).as(r.body()).isEqualTo(403);
        assertThat(r.json().path("code").asText()).isEqualTo("qdpx.accountsNeedAdmin");
        assertThat(app.count("SELECT COUNT(*) FROM transcripts WHERE project_id = " + target)).isZero();
        assertThat(app.count("SELECT COUNT(*) FROM users WHERE name = 'onbekende-codeur'")).isZero();
    }

    static byte[] zip(Map<String, byte[]> entries) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (var e : new ArrayList<>(entries.entrySet())) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
