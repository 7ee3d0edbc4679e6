package nl.samenspraak.exports;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspraak.account.Role;
import nl.samenspraak.http.Json;
import nl.samenspraak.report.CodedProject;
import nl.samenspraak.support.Fixtures;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.Sql;
import nl.samenspraak.support.TestApp;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static nl.samenspraak.report.CodedProject.DIMENSION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A consensus only begun (issue 9): the codings of a transcript with what each covers (for choosing a reference or
 * the coding of a review), the coverage said by adjudication, calibration and review (defect 4), a review that does
 * not default to a partial consensus, and a workbook that names the consensus for people (defect 6) and keeps
 * "agreed" out of the comments (defect 9). The coded project: transcripts of 6 units, coded in 'step' by anna and
 * bram in full and by cees on 5 of the first transcript's units.
 */
class ConsensusCoverageHttpTest {
    @TempDir Path dir;
    TestApp app;
    CodedProject p;
    Http trainer;
    long t0;
    List<Long> units = new ArrayList<>();

    @BeforeEach void start() {
        app = TestApp.start(dir);
        p = new CodedProject(app);
        trainer = app.loggedIn("tina", Role.TRAINER);
        Fixtures.member(p.admin, p.project, "tina", "trainer");
        t0 = p.transcripts.get(0);
        for (JsonNode u : p.admin.get("/api/transcripts/" + t0).json().path("utterances")) units.add(u.path("id").asLong());
        for (int i = 0; i < 2; i++) ok(trainer.put(consensus(t0, units.get(i)), Map.of("fromCoder", userId("anna"))));
    }

    @AfterEach void stop() { app.close(); }

    private static String consensus(long transcript, long unit) {
        return "/api/transcripts/" + transcript + "/consensus/" + unit + "/" + DIMENSION;
    }

    @Test
    void the_codings_of_a_transcript_name_every_coder_and_the_consensus_with_what_each_covers_for_admins_and_trainers_only() {
        JsonNode codings = trainer.get("/api/transcripts/" + t0 + "/codings").json();
        assertThat(codings.path("units").asInt()).isEqualTo(6);
        assertThat(codings.path("reference").isNull()).isTrue();
        Map<String, JsonNode> byName = new java.util.HashMap<>();
        for (JsonNode c : codings.path("codings")) byName.put(c.path("name").asText(), c);
        assertThat(byName).containsOnlyKeys("anna", "bram", "cees", "consensus:" + p.project);
        assertThat(byName.get("anna").path("units").asInt()).isEqualTo(6);
        assertThat(byName.get("cees").path("units").asInt()).isEqualTo(5);
        JsonNode agreed = byName.get("consensus:" + p.project);
        assertThat(agreed.path("consensus").asBoolean()).isTrue();
        assertThat(agreed.path("units").asInt()).isEqualTo(2);
        assertThat(agreed.path("perDimension").path(DIMENSION).asInt()).isEqualTo(2);

        String path = "/api/transcripts/" + t0 + "/codings";
        assertThat(p.admin.get(path).status()).isEqualTo(200);
        assertThat(p.analyst.get(path).status()).as("an analyst").isEqualTo(403);
        assertThat(p.coders.get("anna").get(path).status()).as("a coder").isEqualTo(403);
        assertThat(app.loggedIn("olga", Role.CODER).get(path).status()).as("not a member").isEqualTo(404);
        assertThat(app.anonymous().get(path).status()).isEqualTo(401);
        assertThat(trainer.get("/api/transcripts/999999/codings").status()).isEqualTo(404);
    }

    @Test
    void adjudication_calibration_and_review_say_how_much_of_the_transcript_a_partial_consensus_covers() {
        JsonNode view = trainer.get("/api/transcripts/" + t0 + "/adjudication").json();
        assertThat(view.path("unitCount").asInt()).isEqualTo(6);
        assertThat(view.path("consensusUnits").asInt()).isEqualTo(2);
        assertThat(view.path("consensusPerDimension").path(DIMENSION).asInt()).isEqualTo(2);
        assertThat(view.path("codedPerDimension").path(DIMENSION).asInt()).as("units a compared coder coded").isEqualTo(6);
        assertThat(view.path("codedPerDimension").path("behaviour").asInt()).isZero();

        long consensusId = Sql.one(app.jdbi, "SELECT user_id FROM consensus_coders WHERE project_id = " + p.project, Long.class);
        ok(trainer.put("/api/transcripts/" + t0 + "/reference", Map.of("coderId", consensusId)));
        JsonNode calibration = trainer.get("/api/transcripts/" + t0 + "/calibration?coder=" + userId("bram")).json();
        assertThat(calibration.path("referenceUnits").asInt()).isEqualTo(2);
        assertThat(calibration.path("transcriptUnits").asInt()).isEqualTo(6);

        JsonNode profile = trainer.get("/api/transcripts/" + t0 + "/profile").json();
        assertThat(profile.path("coding").path("name").asText()).as("the most complete coding, not the partial consensus").isEqualTo("anna");
        assertThat(profile.path("consensus").asBoolean()).isFalse();
        assertThat(profile.path("session").path("units").asInt()).isEqualTo(6);
        assertThat(profile.path("session").path("covered").asInt()).isEqualTo(6);
        JsonNode partial = trainer.get("/api/transcripts/" + t0 + "/profile?dataset=consensus").json();
        assertThat(partial.path("consensus").asBoolean()).isTrue();
        assertThat(partial.path("session").path("covered").asInt()).isEqualTo(2);

        for (int i = 2; i < units.size(); i++) ok(trainer.put(consensus(t0, units.get(i)), Map.of("fromCoder", userId("anna"))));
        JsonNode whole = trainer.get("/api/transcripts/" + t0 + "/profile").json();
        assertThat(whole.path("consensus").asBoolean()).as("a whole consensus is the default").isTrue();
        assertThat(whole.path("session").path("covered").asInt()).isEqualTo(6);
    }

    @Test
    void the_workbook_names_the_consensus_in_its_language_and_keeps_agreed_as_a_source_not_a_comment() throws Exception {
        long t1 = p.transcripts.get(1);
        Http.Response taken = trainer.post("/api/transcripts/" + t1 + "/consensus/agreements", Map.of());
        assertThat(taken.status()).as(taken.body()).isEqualTo(200);
        long consensusId = Sql.one(app.jdbi, "SELECT user_id FROM consensus_coders WHERE project_id = " + p.project, Long.class);
        ok(trainer.put("/api/transcripts/" + t1 + "/reference", Map.of("coderId", consensusId)));
        ok(trainer.get("/api/transcripts/" + t1 + "/calibration?coder=" + userId("bram")));
        assertThat(Sql.count(app.jdbi, "SELECT COUNT(*) FROM adjudications WHERE comment = 'agreed'")).isZero();

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(download(p.url("/export.xlsx?bootstrap=0&lang=nl"))))) {
            XSSFSheet sheet = wb.getSheet("Consensus");
            List<String> head = header(sheet);
            int source = head.indexOf(DIMENSION + "_source"), comment = head.indexOf(DIMENSION + "_comment");
            int agreed = 0;
            for (Row r : sheet) {
                if (r.getRowNum() == 0 || r.getCell(0).getNumericCellValue() != t1) continue;
                assertThat(r.getCell(source).getStringCellValue()).isEqualTo("agreed");
                assertThat(blank(r.getCell(comment))).as("no comment was written").isTrue();
                agreed++;
            }
            assertThat(agreed).isEqualTo(taken.json().path("accepted").asInt()).isPositive();
            XSSFSheet calibration = wb.getSheet("Calibration");
            assertThat(calibration.getRow(1).getCell(header(calibration).indexOf("reference")).getStringCellValue()).isEqualTo("Consensus (na beoordeling)");
            assertThat(text(wb)).doesNotContain("consensus:");
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(download(p.url("/export.xlsx?bootstrap=0&dataset=consensus"))))) {
            String all = text(wb);
            assertThat(all).contains("Consensus (adjudicated) (" + consensusId + ")").doesNotContain("consensus:");
            assertThat(all).contains("consensus coverage").contains("a-gesprek (" + t0 + "): 2 of 6 units (partial)");
        }
    }

    long userId(String name) {
        return Sql.one(app.jdbi, "SELECT id FROM users WHERE name = '" + name + "'", Long.class);
    }

    static void ok(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    byte[] download(String path) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpRequest login = HttpRequest.newBuilder(URI.create(app.baseUrl + "/api/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(Map.of("name", "ria", "password", TestApp.PASSWORD)))).build();
        assertThat(client.send(login, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(app.baseUrl + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(new String(r.body())).isEqualTo(200);
        return r.body();
    }

    private static List<String> header(XSSFSheet sheet) {
        List<String> names = new ArrayList<>();
        sheet.getRow(0).forEach(c -> names.add(c.getStringCellValue()));
        return names;
    }

    private static boolean blank(Cell c) {
        return c == null || c.getCellType() == CellType.BLANK || (c.getCellType() == CellType.STRING && c.getStringCellValue().isEmpty());
    }

    /** Every text cell of every sheet. */
    private static String text(XSSFWorkbook wb) {
        StringBuilder s = new StringBuilder();
        wb.forEach(sheet -> sheet.forEach(r -> r.forEach(c -> {
            if (c.getCellType() == CellType.STRING) s.append(c.getStringCellValue()).append('\n');
        })));
        return s.toString();
    }
}
