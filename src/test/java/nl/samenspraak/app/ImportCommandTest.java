package nl.samenspraak.app;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspraak.http.Json;
import nl.samenspraak.db.Database;
import nl.samenspraak.support.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static nl.samenspraak.app.CommandLineTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** The import command's options and the --preview JSON contract. */
class ImportCommandTest {
    @TempDir Path dir;

    private Path fixture(String name) throws Exception {
        Path p = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/transcripts/tools/" + name)) {
            Files.write(p, in.readAllBytes());
        }
        return p;
    }

    private Path write(String name, byte[] content) throws Exception {
        return Files.write(dir.resolve(name), content);
    }

    private String db() { return TestStores.argument(TestStores.fresh(dir.resolve("s.db"))); }

    /** Rows of a query over the command's database, each as its column values in text. */
    private List<List<String>> query(String sql) {
        return Database.open(TestStores.fresh(dir.resolve("s.db"))).withHandle(h -> h.createQuery(sql).map((rs, ctx) -> {
            List<String> row = new ArrayList<>();
            for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) row.add(rs.getString(c));
            return row;
        }).list());
    }

    private JsonNode json(String text) throws Exception { return Json.mapper().readTree(text); }

    private CommandLineTest.Run importing(String... args) {
        List<String> all = new ArrayList<>(List.of("import", "--db", db(), "--project", "P", "--codebook", "samen-beslissen"));
        all.addAll(List.of(args));
        return run(all.toArray(String[]::new));
    }

    @Test
    void preview_prints_the_contract_json_and_stores_nothing() throws Exception {
        CommandLineTest.Run r = run("import", "--preview", fixture("otter-interview.txt").toString(), fixture("youtube-auto.srt").toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.exists(dir.resolve("s.db"))).isFalse();
        JsonNode t = json(r.out()).path("transcripts");
        assertThat(t).hasSize(2);
        JsonNode otter = t.get(0);
        assertThat(otter.path("name").asText()).isEqualTo("otter-interview");
        assertThat(otter.path("format").asText()).isEqualTo("txt");
        assertThat(otter.path("files").get(0).path("recognisedBy").asText()).contains("'Name  0:03'");
        assertThat(otter.path("files").get(0).path("encoding").toString()).isEqualTo("{\"name\":\"UTF-8\",\"guessed\":false,\"bom\":false}");
        assertThat(otter.path("speakers").get(0).toString()).isEqualTo(
                "{\"label\":\"Speaker 1\",\"stored\":\"Speaker 1\",\"role\":\"other\",\"source\":\"unknown\",\"hint\":null,\"units\":3}");
        assertThat(otter.path("units").get(1).toString()).startsWith("{\"seq\":2,\"speaker\":\"Speaker 2\",\"role\":\"other\",\"text\":\"Yeah, sure.")
                .endsWith("\"startMs\":11000,\"endMs\":null}");
        assertThat(otter.path("unitCount").asInt()).isEqualTo(5);
        assertThat(otter.path("error").isNull()).isTrue();
        assertThat(t.get(1).path("warnings").get(0).toString()).isEqualTo("{\"code\":\"unknown-speaker\",\"location\":\"cue 1 (line 2)\","
                + "\"message\":\"3 cues name no speaker and follow no named one; imported as speaker 'unknown', one unit per cue.\","
                + "\"said\":{\"code\":\"warning.cuesWithoutSpeaker\",\"params\":{\"n\":3},\"text\":\"3 cues name no speaker and follow no named "
                + "one; imported as speaker 'unknown', one unit per cue.\"},"
                + "\"place\":{\"code\":\"place.cue\",\"params\":{\"cue\":1,\"line\":2},\"text\":\"cue 1 (line 2)\"}}");
    }

    @Test
    void a_refused_file_in_a_preview_is_shown_with_its_error_and_exit_code_2() throws Exception {
        CommandLineTest.Run r = run("import", "--preview", write("kapot.srt", "1\n00:00:05,000 --> 00:00:01,000\nKM: Hoi.\n".getBytes()).toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(json(r.out()).path("transcripts").get(0).path("error").toString()).isEqualTo("{\"message\":\"kapot.srt, cue 1 (line 2): "
                + "the end time 00:00:01,000 is before the start time 00:00:05,000.\",\"file\":\"kapot.srt\",\"location\":\"cue 1 (line 2)\","
                + "\"problem\":\"the end time 00:00:01,000 is before the start time 00:00:05,000.\",\"status\":400,"
                + "\"said\":{\"code\":\"transcript.endBeforeStart\",\"params\":{\"end\":\"00:00:01,000\",\"start\":\"00:00:05,000\"},"
                + "\"text\":\"the end time 00:00:01,000 is before the start time 00:00:05,000.\"},"
                + "\"place\":{\"code\":\"place.cue\",\"params\":{\"cue\":1,\"line\":2},\"text\":\"cue 1 (line 2)\"}}");
    }

    @Test
    void columns_by_name_or_number_and_no_header_import_a_sheet() throws Exception {
        CommandLineTest.Run byName = importing("--columns", "speaker=type,text=Utterance", fixture("type-utterance.csv").toString());
        CommandLineTest.Run byNumber = importing("--columns=speaker=3,text=4,start=1,end=2", "--no-header", "--roles", "KM=professional,Klant=client",
                fixture("zonder-kop.csv").toString());

        assertThat(byName.code()).as(byName.err()).isZero();
        assertThat(json(byName.out()).path("transcripts").get(0).path("speakers").fieldNames()).toIterable().containsExactly("T", "P");
        assertThat(byNumber.code()).as(byNumber.err()).isZero();
        assertThat(query("SELECT speaker_label, start_ms, end_ms FROM utterances u JOIN transcripts t ON t.id = u.transcript_id "
                + "WHERE t.name = 'zonder-kop' ORDER BY seq LIMIT 1")).containsExactly(List.of("KM", "1200", "3400"));
    }

    @Test
    void tiers_merge_encoding_and_pseudonymise_on_the_command_line() throws Exception {
        CommandLineTest.Run tiers = importing("--tiers", "KM-en=Coach,Klant-en=Client", "--roles", "Coach=professional,Client=client",
                "--pseudonymise=en", fixture("tweetalig-gesprek.eaf").toString());
        CommandLineTest.Run merged = importing("--merge", "--pseudonymise", "--roles", "consult-arts=professional,consult-patient=client",
                fixture("consult-arts.TextGrid").toString(), fixture("consult-patient.TextGrid").toString());
        byte[] cp1252 = "KM: Hoe gaat het met de cliënt?\nKlant: Goed.\n".getBytes(Charset.forName("windows-1252"));
        CommandLineTest.Run refused = importing(write("oud.txt", cp1252).toString());
        CommandLineTest.Run named = importing("--encoding", "windows-1252", dir.resolve("oud.txt").toString());

        assertThat(tiers.code()).as(tiers.err()).isZero();
        assertThat(json(tiers.out()).path("transcripts").get(0).path("speakers").toString()).isEqualTo("{\"Professional1\":\"professional\",\"Client1\":\"client\"}");
        assertThat(merged.code()).as(merged.err()).isZero();
        JsonNode m = json(merged.out()).path("transcripts").get(0);
        assertThat(m.path("files").toString()).isEqualTo("[\"consult-arts.TextGrid\",\"consult-patient.TextGrid\"]");
        assertThat(m.path("utterances").asInt()).isEqualTo(4);
        assertThat(m.path("speakers").toString()).isEqualTo("{\"KM1\":\"professional\",\"Klant1\":\"client\"}");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("oud.txt, line 1: undecodable text").contains("--encoding windows-1252");
        assertThat(named.code()).as(named.err()).isZero();
        assertThat(query("SELECT text FROM utterances u JOIN transcripts t ON t.id = u.transcript_id WHERE t.name = 'oud' AND seq = 1"))
                .containsExactly(List.of("Hoe gaat het met de cliënt?"));
        assertThat(query("SELECT COUNT(*) FROM utterances WHERE speaker_label IN ('consult-arts', 'consult-patient', 'Coach')"))
                .containsExactly(List.of("0"));
    }

    @Test
    void a_docx_without_a_document_and_a_bad_option_print_a_message_and_no_stack_trace() throws Exception {
        java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(zip)) {
            z.putNextEntry(new java.util.zip.ZipEntry("word/styles.xml"));
            z.write("<styles/>".getBytes(StandardCharsets.UTF_8));
        }
        Path docx = write("leeg.docx", zip.toByteArray());

        for (CommandLineTest.Run r : List.of(importing(docx.toString()), run("import", "--preview", docx.toString()),
                importing("--columns", "speaker=1", docx.toString()), importing("--encoding", "ebcdic", docx.toString()))) {
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ").isNotBlank();
        }
        assertThat(importing(docx.toString()).err().strip()).isEqualTo("leeg.docx: this is a zip archive, but neither a Word document "
                + "(no word/document.xml) nor an Excel workbook (no xl/workbook.xml); save the transcript as .docx, .xlsx or text.");
        assertThat(query("SELECT COUNT(*) FROM projects WHERE name = 'P'")).containsExactly(List.of("0"));
    }

    /** Issue 15: a REFI-QDA project on the command line, as the import page takes it; the JSON names codebook, codes, coders and what was not taken. */
    @Test
    void a_refi_qda_project_is_imported_with_its_codebook_coders_codes_and_what_was_not_taken() throws Exception {
        Path file = Path.of("src/test/resources/refi-qda/samples/qualilab-synthetic-multicoder.qdpx").toAbsolutePath();
        CommandLineTest.Run preview = run("import", "--preview", "--db", db(), "--project", "Stress", file.toString());
        assertThat(preview.code()).as(preview.err()).isZero();
        assertThat(query("SELECT COUNT(*) FROM projects").get(0).get(0)).isEqualTo("0");

        CommandLineTest.Run r = run("import", "--db", db(), "--project", "Stress", file.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode out = json(r.out());
        assertThat(out.path("codebook").path("key").asText()).isNotBlank();
        assertThat(out.path("codebook").path("made").asBoolean()).isTrue();
        assertThat(out.path("transcripts")).hasSize(16);
        assertThat(out.path("transcripts").get(0).path("utterances").asInt()).isPositive();
        int codes = out.path("codes").asInt();
        assertThat(codes).isPositive();
        int perCoder = 0;
        for (JsonNode c : out.path("coders")) perCoder += c.path("codes").asInt();
        assertThat(perCoder).isEqualTo(codes);
        assertThat(query("SELECT COUNT(*) FROM codes").get(0).get(0)).isEqualTo(String.valueOf(codes));
        List<String> skipped = new ArrayList<>();
        out.path("skipped").forEach(s -> skipped.add(s.path("what").asText() + "=" + s.path("count").asInt()));
        assertThat(skipped).contains("case=16", "variable=12");
        // The project has its name and the codebook the command made for it.
        assertThat(query("SELECT codebook_key FROM projects WHERE name = 'Stress'").get(0).get(0)).isEqualTo(out.path("codebook").path("key").asText());

        CommandLineTest.Run again = run("import", "--db", db(), "--project", "Stress", "--codebook", "samen-beslissen", file.toString());
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("--codebook does not apply");
        CommandLineTest.Run broken = run("import", "--db", db(), "--project", "Kapot", write("kapot.qdpx", "PK\u0003\u0004 nee".getBytes()).toString());
        assertThat(broken.code()).isEqualTo(2);
        assertThat(broken.err()).contains("kapot.qdpx").contains("not a REFI-QDA project");
        assertThat(query("SELECT COUNT(*) FROM projects WHERE name = 'Kapot'").get(0).get(0)).isEqualTo("0");
    }
}
