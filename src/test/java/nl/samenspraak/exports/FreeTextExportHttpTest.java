package nl.samenspraak.exports;

import nl.samenspraak.account.Role;
import nl.samenspraak.support.Fixtures;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11: an export without free text, for sharing a pseudonymised dataset: the units' text, the
 * adjudicators' comments and text session fields are left out of the workbook and the CSV files,
 * whether downloaded at once or made as a job; the codes and numbers stay.
 */
class FreeTextExportHttpTest {
    static final List<String> FREE = List.of("Pannenkoekenhuis", "Adjudicatiezin", "Sessienotitiewoord");
    @TempDir static Path dir;
    static TestApp app;
    static Http admin;
    static long project;

    @BeforeAll static void start() {
        app = TestApp.start(dir);
        admin = app.loggedIn("root", Role.ADMIN);
        project = Fixtures.project(admin, "Vrij");
        app.user("anna", Role.CODER);
        Fixtures.member(admin, project, "anna", "coder");
        long t = admin.postFile("/api/projects/" + project + "/transcripts", "gesprek.txt",
                "KM: Welkom in het Pannenkoekenhuis.\nKlant: Dank u.\n".getBytes(StandardCharsets.UTF_8), Map.of("roles", "KM=professional,Klant=client"))
                .json().path("transcripts").get(0).path("id").asLong();
        long unit = admin.get("/api/transcripts/" + t).json().path("utterances").get(0).path("id").asLong();
        Http anna = app.as("anna");
        assertThat(anna.put("/api/utterances/" + unit + "/codes/step", Map.of("code", "team-talk")).status()).isEqualTo(200);
        long annaId = app.count("SELECT id FROM users WHERE name = 'anna'");
        assertThat(admin.put("/api/transcripts/" + t + "/consensus/" + unit + "/step", Map.of("fromCoder", annaId, "comment", "Adjudicatiezin")).status()).isEqualTo(200);
        admin.put("/api/projects/" + project + "/fields", Map.of("fields", List.of(Map.of("key", "notitie", "label", Map.of("nl", "Notitie", "en", "Note"), "type", "text"),
                Map.of("key", "stap", "label", Map.of("nl", "Stap", "en", "Step"), "type", "number"))));
        assertThat(admin.put("/api/transcripts/" + t + "/fields", Map.of("values", Map.of("notitie", "Sessienotitiewoord", "stap", 3))).status()).isEqualTo(200);
    }

    @AfterAll static void stop() { app.close(); }

    static byte[] download(String path) throws Exception {
        HttpClient client = HttpClient.newBuilder().build();
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(app.baseUrl + path)).header("Cookie", app.sessionCookie("root")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return r.body();
    }

    /** Every part of the workbook, unzipped, as one text (the words are UTF-8 in the XML). */
    static String parts(byte[] xlsx) throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) all.writeBytes(zip.readAllBytes());
        }
        return all.toString(StandardCharsets.UTF_8);
    }

    @Test
    void a_workbook_and_csv_without_free_text_hold_the_codes_but_no_word_said() throws Exception {
        String with = parts(download("/api/projects/" + project + "/export.xlsx?dataset=coders"));
        for (String word : FREE) assertThat(with).as("the ordinary workbook has " + word).contains(word);

        byte[] xlsx = download("/api/projects/" + project + "/export.xlsx?freeText=false");
        String without = parts(xlsx);
        for (String word : FREE) assertThat(without).as(word).doesNotContain(word);
        assertThat(without).contains("team-talk").contains("left out: the units' text");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheet("Units").getRow(0).getCell(7).getStringCellValue()).as("the column stays, for scripts").isEqualTo("text");
            assertThat(wb.getSheet("Units").getRow(1).getCell(7)).satisfiesAnyOf(c -> assertThat(c).isNull(),
                    c -> assertThat(c.getStringCellValue()).isEmpty());
            assertThat(wb.getSheet("Sessions").getRow(1).getCell(3).getNumericCellValue()).as("numbers stay").isEqualTo(3.0);
        }
        String csv = new String(download("/api/projects/" + project + "/units.csv?freeText=false"), StandardCharsets.UTF_8);
        assertThat(csv).contains("team-talk").doesNotContain(FREE.get(0));
        assertThat(new String(download("/api/projects/" + project + "/units.csv"), StandardCharsets.UTF_8)).contains(FREE.get(0));
        assertThat(admin.get("/api/projects/" + project + "/units.csv?freeText=maybe").status()).isEqualTo(400);
    }

    @Test
    void an_export_job_leaves_free_text_out_when_asked() throws Exception {
        Http.Response job = admin.post("/api/projects/" + project + "/exports", Map.of("format", "units.csv", "freeText", false));
        assertThat(job.status()).as(job.body()).isEqualTo(202);
        String status = job.json().path("statusUrl").asText();
        for (int i = 0; i < 100 && !admin.get(status).json().path("state").asText().equals("done"); i++) Thread.sleep(100);
        String csv = new String(download(admin.get(status).json().path("downloadUrl").asText()), StandardCharsets.UTF_8);
        assertThat(csv).contains("team-talk").doesNotContain(FREE.get(0));
    }
}
