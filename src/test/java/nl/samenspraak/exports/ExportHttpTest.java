package nl.samenspraak.exports;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspraak.report.CodedProject;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
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
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Downloads over HTTP: the workbook, both CSV tables, and the job API, on a project coded by three coders. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportHttpTest {
    @TempDir static Path dir;
    TestApp app;
    CodedProject p;
    long formulas;

    @BeforeAll void start() {
        app = TestApp.start(dir);
        p = new CodedProject(app);
        // A transcript whose text a spreadsheet would take for formulas.
        Http.Response r = p.admin.postFile(p.url("/transcripts"), "d-formules.txt",
                "KM: =1+1 is twee.\nKlant: @iedereen -ja +nee.\n".getBytes(StandardCharsets.UTF_8), Map.of("roles", "KM=professional,Klant=client"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        formulas = r.json().path("transcripts").get(0).path("id").asLong();
        for (JsonNode u : p.admin.get("/api/transcripts/" + formulas).json().path("utterances")) {
            for (String coder : List.of("anna", "bram")) {
                assertThat(p.coders.get(coder).put("/api/utterances/" + u.path("id").asLong() + "/codes/step", Map.of("code", "no-step")).status()).isEqualTo(200);
            }
        }
    }

    @AfterAll void stop() { app.close(); }

    /** GET with the user's session, as bytes. */
    Http.Download download(String user, String path) {
        return app.as(user).download(path);
    }

    long codes() {
        return app.count("SELECT COUNT(*) FROM codes");
    }

    @Test
    void the_analyst_downloads_a_workbook_whose_every_sheet_has_its_header_and_numbers() throws Exception {
        Http.Download d = download("ria", p.url("/export.xlsx?bootstrap=200"));
        assertThat(d.status()).as(d.text()).isEqualTo(200);
        assertThat(d.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment; filename=\"Arnhem-").contains(".xlsx");
        assertThat(d.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(d.body()))) {
            assertThat(header(wb.getSheet("Units"))).startsWith("transcript_id", "transcript", "unit", "speaker", "role");
            assertThat(wb.getSheet("Units").getLastRowNum()).isEqualTo((int) codes());
            assertThat(header(wb.getSheet("Wide"))).contains("step_anna", "step_bram", "step_cees", "agree_step");
            assertThat(header(wb.getSheet("Frequencies"))).contains("step_team_talk", "behaviour_co_decide", "sdm_share");
            assertThat(header(wb.getSheet("Ratings"))).contains("option_5_total", "option_5_total_rescaled");
            assertThat(header(wb.getSheet("Reliability"))).containsExactly("analysis", "target", "role", "transcript", "coefficient", "coders",
                    "value", "ci_low", "ci_high", "ci_method", "units", "interpretation", "reason");
            assertThat(header(wb.getSheet("Per category"))).containsExactly("dimension", "category", "label", "agreement", "kappa", "alpha", "reason");
            assertThat(header(wb.getSheet("Disagreements"))).containsExactly("transcript_id", "transcript", "unit", "speaker", "role", "text",
                    "dimension", "anna", "bram", "cees");
            Row alpha = find(wb.getSheet("Reliability"), r -> "codes".equals(text(r, 0)) && "step".equals(text(r, 1)) && r.getCell(3).getCellType() == CellType.BLANK
                    && "krippendorff_alpha".equals(text(r, 4)));
            assertThat(alpha.getCell(6).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(alpha.getCell(7).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(text(alpha, 9)).isEqualTo("bootstrap");
            assertThat(text(alpha, 11)).contains("Krippendorff's 0.667/0.800 rule");
            Row cohen = find(wb.getSheet("Reliability"), r -> "step".equals(text(r, 1)) && "cohen_kappa".equals(text(r, 4)) && r.getCell(3).getCellType() == CellType.BLANK);
            assertThat(cohen.getCell(6).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(text(cohen, 12)).contains("two coders");
            assertThat(text(wb.getSheet("Confusion matrices").getRow(0), 0)).startsWith("step: anna (rows)");
            Row formula = find(wb.getSheet("Units"), r -> text(r, 7).startsWith("=1+1"));
            assertThat(formula.getCell(7).getCellType()).isEqualTo(CellType.STRING);
            StringBuilder readme = new StringBuilder();
            wb.getSheet("README").forEach(r -> r.forEach(c -> readme.append(c.getCellType() == CellType.STRING ? c.getStringCellValue() : "").append('\n')));
            assertThat(readme).contains("Samenspraak export: Arnhem").contains("samen-beslissen, version").contains("anna (").contains("200 samples, seed 1");
        }
    }

    @Test
    void the_units_csv_has_a_bom_parses_back_and_guards_formula_like_text() throws Exception {
        Http.Download d = download("ria", p.url("/units.csv"));
        assertThat(d.status()).isEqualTo(200);
        assertThat(d.headers().firstValue("Content-Disposition").orElse("")).contains("-units.csv");
        assertThat(d.body()[0] & 0xFF).isEqualTo(0xEF);
        assertThat(d.body()[1] & 0xFF).isEqualTo(0xBB);
        assertThat(d.body()[2] & 0xFF).isEqualTo(0xBF);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(d.text().substring(1))).getRecords();
        assertThat(rows).hasSize((int) codes());
        assertThat(rows.get(0).get("transcript")).isEqualTo("a-gesprek");
        assertThat(rows.get(0).get("code_label")).isEqualTo("Team talk");
        assertThat(rows.stream().map(r -> r.get("text"))).contains("'=1+1 is twee.", "'@iedereen -ja +nee.");
    }

    @Test
    void the_frequencies_csv_has_a_row_per_session_coder_and_role_and_a_dutch_excel_dialect() throws Exception {
        Http.Download d = download("ria", p.url("/frequencies.csv?dialect=excel-nl"));
        assertThat(d.status()).isEqualTo(200);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(d.text().substring(1))).getRecords();
        // 3 transcripts x 3 coders x 2 roles, and the formula transcript x 2 coders x 2 roles
        assertThat(rows).hasSize(3 * 3 * 2 + 2 * 2);
        CSVRecord first = rows.get(0);
        assertThat(first.get("role")).isEqualTo("professional");
        assertThat(first.get("three_talk_share")).matches("\\d(,\\d+)?");
        assertThat(Integer.parseInt(first.get("step_team_talk"))).isGreaterThanOrEqualTo(0);
        assertThat(first.get("sdm_share")).isEmpty(); // nothing coded in 'behaviour': a 0/0 ratio is blank
    }

    @Test
    void a_job_reports_progress_then_serves_its_file_once_and_deletes_it() throws Exception {
        Http.Response started = p.analyst.post(p.url("/exports"), Map.of("format", "xlsx", "bootstrap", 0));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json().path("id").asText();
        assertThat(started.json().path("statusUrl").asText()).isEqualTo("/api/exports/" + id);
        JsonNode status = started.json();
        for (int i = 0; i < 300 && !status.path("state").asText().equals("done"); i++) {
            assertThat(status.path("state").asText()).isIn("queued", "running", "done");
            Thread.sleep(100);
            status = p.analyst.get("/api/exports/" + id).json();
        }
        assertThat(status.path("state").asText()).isEqualTo("done");
        assertThat(status.path("rowsTotal").asLong()).isEqualTo(codes());
        assertThat(status.path("rowsDone").asLong()).isEqualTo(codes());
        assertThat(status.path("fraction").asDouble()).isEqualTo(1.0);
        assertThat(status.path("downloadUrl").asText()).isEqualTo("/api/exports/" + id + "/file");
        assertThat(jobFiles(id)).hasSize(1);
        assertThat(p.admin.get("/api/exports/" + id).status()).isEqualTo(404); // only the one who started it
        Http.Download file = download("ria", "/api/exports/" + id + "/file");
        assertThat(file.status()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("README");
        }
        assertThat(jobFiles(id)).isEmpty();
        assertThat(p.analyst.get("/api/exports/" + id).json().path("state").asText()).isEqualTo("downloaded");
        assertThat(download("ria", "/api/exports/" + id + "/file").status()).isEqualTo(410);
    }

    @Test
    void a_coder_cannot_export_while_blind_coding_is_on_and_bad_parameters_are_refused() throws Exception {
        assertThat(download("anna", p.url("/export.xlsx")).status()).isEqualTo(403);
        assertThat(p.coders.get("anna").post(p.url("/exports"), Map.of("format", "xlsx")).status()).isEqualTo(403);
        assertThat(p.analyst.post(p.url("/exports"), Map.of("format", "pdf")).error()).contains("format");
        assertThat(download("ria", p.url("/units.csv?dialect=tabs")).status()).isEqualTo(400);
        assertThat(p.analyst.get("/api/exports/no-such-job").status()).isEqualTo(404);
    }

    private static List<Path> jobFiles(String id) throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("samenspraak-export-" + id)).toList();
        }
    }

    private static List<String> header(XSSFSheet sheet) {
        List<String> names = new ArrayList<>();
        sheet.getRow(0).forEach(c -> names.add(c.getStringCellValue()));
        return names;
    }

    private static String text(Row row, int cell) {
        var c = row.getCell(cell);
        return c == null || c.getCellType() != CellType.STRING ? "" : c.getStringCellValue();
    }

    private static Row find(XSSFSheet sheet, java.util.function.Predicate<Row> test) {
        for (Row r : sheet) if (r.getRowNum() > 0 && test.test(r)) return r;
        throw new AssertionError("no such row in " + sheet.getSheetName());
    }
}
