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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
import static org.assertj.core.api.Assertions.within;

/**
 * The workbook's Consensus, Sessions, Calibration and Comparison sheets, on the coded project with a consensus
 * for two units, session fields and questionnaire responses, one calibration of bram against anna, and a comparison.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkbookExtrasHttpTest {
    @TempDir static Path dir;
    TestApp app;
    CodedProject p;
    Http trainer;
    long t0;
    String unit0Code;

    @BeforeAll void start() {
        app = TestApp.start(dir);
        p = new CodedProject(app);
        trainer = app.loggedIn("tina", Role.TRAINER);
        Fixtures.member(p.admin, p.project, "tina", "trainer");
        t0 = p.transcripts.get(0);
        List<Long> units = new ArrayList<>();
        for (JsonNode u : p.admin.get("/api/transcripts/" + t0).json().path("utterances")) units.add(u.path("id").asLong());
        long anna = userId("anna");
        ok(trainer.put("/api/transcripts/" + t0 + "/consensus/" + units.get(0) + "/" + DIMENSION, Map.of("fromCoder", anna, "comment", "Anna heard it right.")));
        ok(trainer.put("/api/transcripts/" + t0 + "/consensus/" + units.get(1) + "/" + DIMENSION, Map.of("code", "no-step")));
        unit0Code = CodedProject.code("anna", 0, 0);

        ok(trainer.put("/api/transcripts/" + t0 + "/reference", Map.of("coderId", anna)));
        ok(trainer.get("/api/transcripts/" + t0 + "/calibration?coder=" + userId("bram")));

        ok(p.admin.put("/api/projects/" + p.project + "/fields", Map.of("fields", List.of(
                Map.of("key", "condition", "label", Map.of("nl", "Conditie", "en", "Condition"), "type", "category", "allowed", List.of("trained", "untrained")),
                Map.of("key", "minutes", "label", Map.of("nl", "Minuten", "en", "Minutes"), "type", "number"),
                Map.of("key", "held", "label", Map.of("nl", "Datum", "en", "Held on"), "type", "date")))));
        ok(p.admin.put("/api/projects/" + p.project + "/questionnaire", Map.of("codebookKey", "client-card-arnhem")));
        String[] condition = {"trained", "trained", "untrained"};
        for (int t = 0; t < 3; t++) {
            ok(p.admin.put("/api/transcripts/" + p.transcripts.get(t) + "/fields", Map.of(
                    "values", Map.of("condition", condition[t], "minutes", String.valueOf(40.5 + t), "held", "2026-03-0" + (t + 1)),
                    "responses", Map.of("listened", 5 - t))));
        }
    }

    @AfterAll void stop() { app.close(); }

    @Test
    void the_workbook_holds_the_consensus_the_sessions_the_calibrations_and_the_comparison_asked_for() throws Exception {
        byte[] xlsx = download("ria", p.url("/export.xlsx?bootstrap=0&compare.field=condition&compare.a=trained&compare.b=untrained"));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            List<String> names = new ArrayList<>();
            wb.forEach(sheet -> names.add(sheet.getSheetName()));
            assertThat(names).endsWith("Disagreements", "Consensus", "Sessions", "Calibration", "Comparison");
            XSSFSheet consensus = wb.getSheet("Consensus");
            assertThat(header(consensus)).startsWith("transcript_id", "transcript", "unit", "speaker", "role", "text")
                    .contains(DIMENSION, DIMENSION + "_source", DIMENSION + "_from", DIMENSION + "_comment");
            assertThat(consensus.getLastRowNum()).as("the two units adjudicated").isEqualTo(2);
            int step = header(consensus).indexOf(DIMENSION);
            Row first = consensus.getRow(1);
            assertThat(first.getCell(0).getNumericCellValue()).isEqualTo(t0);
            assertThat(first.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(step).getStringCellValue()).isEqualTo(unit0Code);
            assertThat(first.getCell(step + 1).getStringCellValue()).isEqualTo("coder");
            assertThat(first.getCell(step + 2).getStringCellValue()).isEqualTo("anna");
            assertThat(first.getCell(step + 3).getStringCellValue()).isEqualTo("Anna heard it right.");
            Row second = consensus.getRow(2);
            assertThat(second.getCell(step).getStringCellValue()).isEqualTo("no-step");
            assertThat(second.getCell(step + 1).getStringCellValue()).isEqualTo("direct");
            assertThat(blank(second.getCell(step + 2))).as("set directly, taken from nobody").isTrue();
            assertThat(blank(second.getCell(step + 3))).as("no comment written").isTrue();

            XSSFSheet sessions = wb.getSheet("Sessions");
            List<String> sh = header(sessions);
            assertThat(sh).startsWith("transcript_id", "transcript", "condition", "minutes", "held").contains("listened", "could_say");
            Row s0 = find(sessions, 0, t0);
            assertThat(s0.getCell(sh.indexOf("condition")).getStringCellValue()).isEqualTo("trained");
            assertThat(s0.getCell(sh.indexOf("minutes")).getNumericCellValue()).isEqualTo(40.5);
            assertThat(s0.getCell(sh.indexOf("held")).getStringCellValue()).isEqualTo("2026-03-01");
            assertThat(s0.getCell(sh.indexOf("listened")).getNumericCellValue()).isEqualTo(5.0);
            assertThat(blank(s0.getCell(sh.indexOf("could_say")))).isTrue();
            assertThat(sessions.getLastRowNum()).isEqualTo(3);

            XSSFSheet calibration = wb.getSheet("Calibration");
            List<String> ch = header(calibration);
            assertThat(ch).containsExactly("calibration_id", "coder", "transcript_id", "transcript", "reference", "computed_at", "dimension",
                    "units", "transcript_units", "percent", "kappa", "alpha", "threshold", "passed", "passed_all");
            Row c = calibration.getRow(1);
            assertThat(c.getCell(ch.indexOf("coder")).getStringCellValue()).isEqualTo("bram");
            assertThat(c.getCell(ch.indexOf("reference")).getStringCellValue()).isEqualTo("anna");
            assertThat(c.getCell(ch.indexOf("dimension")).getStringCellValue()).isEqualTo(DIMENSION);
            assertThat(c.getCell(ch.indexOf("transcript_units")).getNumericCellValue()).isEqualTo(6.0);
            assertThat(c.getCell(ch.indexOf("percent")).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(c.getCell(ch.indexOf("threshold")).getNumericCellValue()).isCloseTo(0.70, within(1e-12));
            assertThat(c.getCell(ch.indexOf("passed")).getNumericCellValue()).isIn(0.0, 1.0);

            XSSFSheet comparison = wb.getSheet("Comparison");
            List<String> mh = header(comparison);
            assertThat(mh).containsExactly("kind", "measure", "role", "mean_a", "sd_a", "n_a", "mean_b", "sd_b", "n_b", "difference",
                    "ci_lower", "ci_upper", "t", "df", "p", "p_holm", "d", "reason");
            Row listened = null;
            for (Row r : comparison) if (r.getRowNum() > 0 && "listened".equals(r.getCell(1).getStringCellValue())) listened = r;
            assertThat(listened).isNotNull();
            assertThat(listened.getCell(mh.indexOf("mean_a")).getNumericCellValue()).isCloseTo(4.5, within(1e-12));
            assertThat(listened.getCell(mh.indexOf("n_a")).getNumericCellValue()).isEqualTo(2.0);
            assertThat(listened.getCell(mh.indexOf("mean_b")).getNumericCellValue()).isCloseTo(3.0, within(1e-12));
            assertThat(listened.getCell(mh.indexOf("reason")).getStringCellValue()).as("one session in group B").isNotBlank();

            String readme = readme(wb);
            assertThat(readme).contains("Consensus").contains("Sessions").contains("Calibration").contains("Comparison")
                    .contains("step_from").contains("passed_all").contains("p_holm").contains("yyyy-mm-dd").doesNotContain("Not in this workbook");
            // The consensus covers 2 of the 6 units of a-gesprek: the README says so, and that it is partial (issue 9, defect 4).
            assertThat(readme).contains("consensus coverage").contains("a-gesprek (" + t0 + "): 2 of 6 units (partial)").contains("partial consensus");
        }
    }

    @Test
    void without_a_comparison_the_sheet_is_left_out_and_the_readme_says_how_to_ask_for_it() throws Exception {
        byte[] xlsx = download("ria", p.url("/export.xlsx?bootstrap=0"));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheet("Comparison")).isNull();
            assertThat(wb.getSheet("Consensus")).isNotNull();
            assertThat(readme(wb)).contains("Not in this workbook: no comparison was asked for").contains("compare.field");
        }
    }

    @Test
    void an_export_job_takes_the_comparison_in_its_body_and_a_wrong_one_is_refused_at_once() throws Exception {
        Http.Response bad = p.analyst.post(p.url("/exports"), Map.of("format", "xlsx", "compare", Map.of("field", "nonsense", "a", "x", "b", "y")));
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        Http.Response started = p.analyst.post(p.url("/exports"), Map.of("format", "xlsx", "bootstrap", 0,
                "compare", Map.of("field", "condition", "a", "trained", "b", "untrained", "alternative", "greater")));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json().path("id").asText();
        JsonNode status = null;
        for (int i = 0; i < 200; i++) {
            status = p.analyst.get("/api/exports/" + id).json();
            if (!status.path("state").asText().matches("queued|running")) break;
            Thread.sleep(50);
        }
        assertThat(status.path("state").asText()).isEqualTo("done");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(download("ria", "/api/exports/" + id + "/file")))) {
            assertThat(header(wb.getSheet("Comparison"))).contains("p_holm");
            assertThat(readme(wb)).contains("alternative greater");
        }
    }

    @Test
    void the_consensus_export_itself_has_no_consensus_sheet_and_says_why() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(download("ria", p.url("/export.xlsx?bootstrap=0&dataset=consensus"))))) {
            assertThat(wb.getSheet("Consensus")).isNull();
            assertThat(readme(wb)).contains("Not in this workbook: the project has no consensus coding yet");
        }
    }

    @Test
    void a_coders_workbook_holds_their_own_calibrations_and_no_session_data() throws Exception {
        assertThat(p.admin.patch(p.url(""), Map.of("blindCoding", false)).status()).isEqualTo(200);
        try {
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(download("bram", p.url("/export.xlsx?bootstrap=0"))))) {
                assertThat(wb.getSheet("Sessions")).isNull();
                assertThat(wb.getSheet("Calibration").getLastRowNum()).isEqualTo(1);
                assertThat(readme(wb)).contains("Not in this workbook: session data are for admins, trainers and analysts");
            }
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(download("anna", p.url("/export.xlsx?bootstrap=0"))))) {
                assertThat(wb.getSheet("Calibration").getLastRowNum()).as("anna was never calibrated").isZero();
            }
            Http.Response asked = p.coders.get("anna").post(p.url("/exports"), Map.of("compare", Map.of("field", "condition", "a", "trained", "b", "untrained")));
            assertThat(asked.status()).as(asked.body()).isEqualTo(403);
        } finally {
            assertThat(p.admin.patch(p.url(""), Map.of("blindCoding", true)).status()).isEqualTo(200);
        }
    }

    long userId(String name) {
        return Sql.one(app.jdbi, "SELECT id FROM users WHERE name = '" + name + "'", Long.class);
    }

    static void ok(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    byte[] download(String user, String path) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpRequest login = HttpRequest.newBuilder(URI.create(app.baseUrl + "/api/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(Map.of("name", user, "password", TestApp.PASSWORD)))).build();
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
        return c == null || c.getCellType() == CellType.BLANK;
    }

    private static Row find(XSSFSheet sheet, int column, long id) {
        for (Row r : sheet) if (r.getRowNum() > 0 && r.getCell(column).getNumericCellValue() == id) return r;
        throw new AssertionError("no row " + id + " in " + sheet.getSheetName());
    }

    private static String readme(XSSFWorkbook wb) {
        StringBuilder s = new StringBuilder();
        for (Row r : wb.getSheet("README")) for (Cell c : r) if (c.getCellType() == CellType.STRING) s.append(c.getStringCellValue()).append('\n');
        return s.toString();
    }
}
