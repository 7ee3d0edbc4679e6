package nl.samenspraak.spreadsheet;

import nl.samenspraak.codebook.Codebook;
import nl.samenspraak.codebook.CodebookReader;
import nl.samenspraak.codebook.SpeakerRole;
import nl.samenspraak.report.SessionInput;
import nl.samenspraak.report.SessionReports;
import nl.samenspraak.results.Person;
import nl.samenspraak.results.ProjectReliability;
import nl.samenspraak.results.SessionReport;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The workbook writer on its own: records in, bytes out, read back with POI's XSSF reader. */
class ProjectWorkbookTest {
    static final List<Person> CODERS = List.of(new Person(3, "anna"), new Person(4, "bram"));

    static Codebook small() throws IOException {
        try (InputStream in = ProjectWorkbookTest.class.getResourceAsStream("/codebook/small.json")) {
            return CodebookReader.read("small.json", in.readAllBytes()).codebook().orElseThrow();
        }
    }

    /** n units in one transcript, each coded by anna and bram in 'step'; they differ on every third unit. */
    static List<UnitCode> units(int n) {
        List<UnitCode> rows = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String text = i == 1 ? "=HYPERLINK(\"http://x\";\"klik\")" : i == 2 ? "  spaties & <tekens> \u00e9\u00e8 \ud83d\ude00 \u0001" : "Zin " + i + ".";
            String role = i % 2 == 0 ? "client" : "professional";
            rows.add(new UnitCode(7, "gesprek-7", i, role.equals("client") ? "Klant" : "KM", role, i * 1000L, i == 2 ? null : i * 1000L + 1500, text, "anna", "step", "team"));
            rows.add(new UnitCode(7, "gesprek-7", i, role.equals("client") ? "Klant" : "KM", role, i * 1000L, i == 2 ? null : i * 1000L + 1500, text, "bram", "step",
                    i % 3 == 0 ? "other" : "team"));
        }
        return rows;
    }

    /** The sheets' compressing tasks; daemon threads that end when idle. */
    static final java.util.concurrent.ExecutorService DEFLATERS = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-deflate");
        t.setDaemon(true);
        return t;
    });

    static byte[] workbook(int maxRows, List<UnitCode> rows, Codebook codebook) {
        List<SessionReport> sessions = List.of(SessionReports.of(codebook, new SessionInput(7, "gesprek-7", 3, "anna",
                Map.of(SpeakerRole.PROFESSIONAL, 3, SpeakerRole.CLIENT, 2),
                List.of(new SessionInput.CodeCount("step", "team", SpeakerRole.PROFESSIONAL, 3)), Map.of("option5", Map.of("i1", 3.0)))));
        ProjectReliability none = new ProjectReliability(1, "Arnhem", codebook.key(), codebook.version(), CODERS, List.of(), 0, 0, List.of(), List.of(), List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AtomicLong progress = new AtomicLong();
        new ProjectWorkbook(maxRows, DEFLATERS).write(out, new ExportInfo("Arnhem", codebook, Instant.parse("2026-01-02T03:04:05Z"), CODERS, 1, "en", 0, 0),
                sink -> rows.forEach(sink), () -> new ProjectWorkbook.Summaries(sessions, none), progress);
        assertThat(progress.get()).isPositive();
        return out.toByteArray();
    }

    static XSSFWorkbook open(byte[] bytes) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    @Test
    void the_workbook_opens_with_poi_and_lists_the_readme_first_then_every_sheet() throws IOException {
        try (XSSFWorkbook wb = open(workbook(XlsxWriter.EXCEL_MAX_ROWS, units(5), small()))) {
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            assertThat(names).containsExactly("README", "Units", "Wide", "Frequencies", "Ratings", "Reliability", "Per category",
                    "Confusion matrices", "Disagreements");
            XSSFSheet units = wb.getSheet("Units");
            assertThat(header(units)).containsExactly("transcript_id", "transcript", "unit", "speaker", "role", "start_s", "end_s", "text",
                    "coder", "dimension", "code", "code_label");
            assertThat(units.getLastRowNum()).isEqualTo(10);
            assertThat(units.getPaneInformation().isFreezePane()).isTrue();
            assertThat(units.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:L11");
            assertThat(units.getColumnWidth(7)).isEqualTo(70 * 256);
        }
    }

    @Test
    void numbers_are_numeric_cells_and_text_that_looks_like_a_formula_stays_text() throws IOException {
        try (XSSFWorkbook wb = open(workbook(XlsxWriter.EXCEL_MAX_ROWS, units(5), small()))) {
            Row first = wb.getSheet("Units").getRow(1);
            assertThat(first.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(0).getNumericCellValue()).isEqualTo(7);
            assertThat(first.getCell(2).getNumericCellValue()).isEqualTo(1);
            assertThat(first.getCell(5).getNumericCellValue()).isEqualTo(1.0);
            assertThat(first.getCell(6).getNumericCellValue()).isEqualTo(2.5);
            assertThat(first.getCell(7).getCellType()).isEqualTo(CellType.STRING);
            assertThat(first.getCell(7).getStringCellValue()).isEqualTo("=HYPERLINK(\"http://x\";\"klik\")");
            assertThat(first.getCell(11).getStringCellValue()).isEqualTo("Team talk");
            Row second = wb.getSheet("Units").getRow(3);
            assertThat(second.getCell(6).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(second.getCell(7).getStringCellValue()).isEqualTo("  spaties & <tekens> \u00e9\u00e8 \ud83d\ude00 ");
            assertThat(second.getCell(8).getStringCellValue()).isEqualTo("anna");
        }
    }

    @Test
    void wide_and_disagreements_pair_the_coders_codes_per_unit() throws IOException {
        try (XSSFWorkbook wb = open(workbook(XlsxWriter.EXCEL_MAX_ROWS, units(6), small()))) {
            XSSFSheet wide = wb.getSheet("Wide");
            assertThat(header(wide)).containsExactly("transcript_id", "transcript", "unit", "speaker", "role", "start_s", "end_s", "text",
                    "step_anna", "step_bram", "agree_step", "act_anna", "act_bram", "agree_act");
            assertThat(wide.getLastRowNum()).isEqualTo(6);
            Row third = wide.getRow(3);
            assertThat(third.getCell(8).getStringCellValue()).isEqualTo("team");
            assertThat(third.getCell(9).getStringCellValue()).isEqualTo("other");
            assertThat(third.getCell(10).getNumericCellValue()).isZero();
            assertThat(wide.getRow(1).getCell(10).getNumericCellValue()).isEqualTo(1);
            assertThat(wide.getRow(1).getCell(13).getCellType()).isEqualTo(CellType.BLANK);
            XSSFSheet dis = wb.getSheet("Disagreements");
            assertThat(header(dis)).containsExactly("transcript_id", "transcript", "unit", "speaker", "role", "text", "dimension", "anna", "bram");
            assertThat(dis.getLastRowNum()).isEqualTo(2); // units 3 and 6
            assertThat(dis.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(3);
            assertThat(dis.getRow(2).getCell(5).getStringCellValue()).isEqualTo("Zin 6.");
        }
    }

    @Test
    void a_sheet_past_the_row_limit_continues_on_a_further_sheet_and_the_readme_says_so() throws IOException {
        try (XSSFWorkbook wb = open(workbook(10, units(12), small()))) {
            // 24 unit codes at 9 data rows per sheet (10 rows with the header): Units, Units (2), Units (3).
            assertThat(wb.getSheet("Units").getLastRowNum()).isEqualTo(9);
            assertThat(wb.getSheet("Units (2)").getLastRowNum()).isEqualTo(9);
            assertThat(wb.getSheet("Units (3)").getLastRowNum()).isEqualTo(6);
            assertThat(header(wb.getSheet("Units (2)"))).startsWith("transcript_id", "transcript");
            assertThat(wb.getSheet("Units (2)").getRow(1).getCell(2).getNumericCellValue()).isEqualTo(5); // row 10 of the long table: unit 5, anna
            assertThat(wb.getSheetIndex("Units (2)")).isEqualTo(wb.getSheetIndex("Units") + 1);
            assertThat(wb.getSheet("Wide (2)")).isNotNull();
            assertThat(readme(wb)).contains("continues on Units (2), Units (3)");
        }
    }

    @Test
    void the_readme_names_project_codebook_time_coders_and_the_meaning_of_every_column() throws IOException {
        try (XSSFWorkbook wb = open(workbook(XlsxWriter.EXCEL_MAX_ROWS, units(3), small()))) {
            String readme = readme(wb);
            assertThat(readme).contains("Samenspraak export: Arnhem").contains("small, version 1.0").contains("2026-01-02T03:04:05Z")
                    .contains("anna (3), bram (4)").contains("Disagreements").contains("code_label").contains("the code's label in the export's language")
                    .contains("step_team").contains("ask_share");
            XSSFSheet freq = wb.getSheet("Frequencies");
            assertThat(header(freq)).containsExactly("transcript_id", "transcript", "coder_id", "coder", "role", "units", "coded_step", "coded_act",
                    "step_team", "step_option", "step_other", "act_ask", "act_tell", "choice_talk", "ask_share");
            Row client = freq.getRow(2);
            assertThat(client.getCell(4).getStringCellValue()).isEqualTo("client");
            assertThat(client.getCell(9).getCellType()).isEqualTo(CellType.BLANK); // option: professionals only
            assertThat(client.getCell(14).getCellType()).isEqualTo(CellType.BLANK); // ratio 0/0
            assertThat(freq.getRow(1).getCell(8).getNumericCellValue()).isEqualTo(3);
            XSSFSheet ratings = wb.getSheet("Ratings");
            assertThat(header(ratings)).containsExactly("transcript_id", "transcript", "coder_id", "coder", "option5_i1", "option5_total", "option5_total_rescaled");
            assertThat(ratings.getRow(1).getCell(6).getNumericCellValue()).isEqualTo(75.0);
        }
    }

    static List<String> header(XSSFSheet sheet) {
        List<String> names = new ArrayList<>();
        sheet.getRow(0).forEach(c -> names.add(c.getStringCellValue()));
        return names;
    }

    static String readme(XSSFWorkbook wb) {
        StringBuilder s = new StringBuilder();
        wb.forEach(sheet -> {
            if (sheet.getSheetName().startsWith("README")) {
                sheet.forEach(row -> row.forEach(c -> s.append(c.getCellType() == CellType.STRING ? c.getStringCellValue() : "").append('\n')));
            }
        });
        return s.toString();
    }
}
