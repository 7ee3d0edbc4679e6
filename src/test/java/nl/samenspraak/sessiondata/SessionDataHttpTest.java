package nl.samenspraak.sessiondata;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspraak.account.Role;
import nl.samenspraak.support.Fixtures;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.Sql;
import nl.samenspraak.support.TestApp;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Session fields, the client questionnaire, their import, and the group comparison, over HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionDataHttpTest {
    @TempDir static Path dir;
    TestApp app;
    Http admin, analyst, trainer, coder;
    long project;
    final List<Long> transcripts = new ArrayList<>();
    final List<String> names = new ArrayList<>();

    static final List<Map<String, Object>> FIELDS = List.of(
            Map.of("key", "condition", "label", Map.of("nl", "Conditie", "en", "Condition"), "type", "category", "allowed", List.of("trained", "untrained")),
            Map.of("key", "date", "label", Map.of("nl", "Datum", "en", "Date"), "type", "date"),
            Map.of("key", "step", "label", Map.of("nl", "Methodische stap", "en", "Methodical step"), "type", "number"),
            Map.of("key", "professional", "label", Map.of("nl", "Professional", "en", "Professional"), "type", "text"));

    @BeforeAll void start() {
        app = TestApp.start(dir);
        admin = app.loggedIn("root", Role.ADMIN);
        analyst = app.loggedIn("ria", Role.ANALYST);
        trainer = app.loggedIn("tom", Role.TRAINER);
        coder = app.loggedIn("anna", Role.CODER);
        project = Fixtures.project(admin, "Groepen");
        Fixtures.member(admin, project, "ria", "analyst");
        Fixtures.member(admin, project, "tom", "trainer");
        Fixtures.member(admin, project, "anna", "coder");
        for (int i = 1; i <= 6; i++) {
            long id = Fixtures.transcript(admin, project, "sessie-" + i + ".txt");
            transcripts.add(id);
            names.add(admin.get("/api/transcripts/" + id).json().path("transcript").path("name").asText());
        }
        Http.Response r = admin.put(url("/fields"), Map.of("fields", FIELDS));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        r = admin.put(url("/questionnaire"), Map.of("codebookKey", "client-card-arnhem"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @AfterAll void stop() { app.close(); }

    String url(String path) { return "/api/projects/" + project + path; }

    Http.Response importCsv(String name, String text) {
        return admin.postFile(url("/fields/import"), name, text.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    long stored() {
        return Sql.count(app.jdbi, "SELECT (SELECT COUNT(*) FROM session_values) + (SELECT COUNT(*) FROM questionnaire_responses)");
    }

    @Test
    void fields_are_read_by_admin_trainer_and_analyst_and_written_by_admin_only() {
        for (Http reader : List.of(admin, trainer, analyst)) {
            Http.Response r = reader.get(url("/fields"));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().path("fields").findValuesAsText("key")).containsExactly("condition", "date", "step", "professional");
        }
        assertThat(analyst.put(url("/fields"), Map.of("fields", FIELDS)).status()).isEqualTo(403);
        assertThat(trainer.put("/api/transcripts/" + transcripts.get(0) + "/fields", Map.of("values", Map.of("professional", "X"))).status()).isEqualTo(403);
        assertThat(analyst.put(url("/questionnaire"), Map.of("codebookKey", "client-card-arnhem")).status()).isEqualTo(403);
        assertThat(analyst.postFile(url("/fields/import"), "s.csv", "transcript\n".getBytes(StandardCharsets.UTF_8), Map.of()).status()).isEqualTo(403);
        assertThat(analyst.get("/api/transcripts/" + transcripts.get(0) + "/fields").status()).isEqualTo(200);
        assertThat(analyst.get(url("/questionnaire")).json().path("codebookKey").asText()).isEqualTo("client-card-arnhem");
    }

    @Test
    void coders_get_403_on_every_session_data_route() {
        long t = transcripts.get(0);
        assertThat(coder.get(url("/fields")).status()).isEqualTo(403);
        assertThat(coder.put(url("/fields"), Map.of("fields", FIELDS)).status()).isEqualTo(403);
        assertThat(coder.get("/api/transcripts/" + t + "/fields").status()).isEqualTo(403);
        assertThat(coder.put("/api/transcripts/" + t + "/fields", Map.of("values", Map.of())).status()).isEqualTo(403);
        assertThat(coder.postFile(url("/fields/import"), "s.csv", "transcript\n".getBytes(StandardCharsets.UTF_8), Map.of()).status()).isEqualTo(403);
        assertThat(coder.get(url("/questionnaire")).status()).isEqualTo(403);
        assertThat(coder.put(url("/questionnaire"), Map.of("codebookKey", "client-card-arnhem")).status()).isEqualTo(403);
        assertThat(coder.get(url("/compare?field=condition&a=trained&b=untrained")).status()).isEqualTo(403);
        assertThat(app.loggedIn("stranger", Role.ANALYST).get(url("/fields")).status()).isEqualTo(404);
    }

    @Test
    void values_of_one_transcript_are_checked_against_their_field_and_item() {
        String path = "/api/transcripts/" + transcripts.get(5) + "/fields";
        Http.Response bad = admin.put(path, Map.of("values", Map.of("condition", "maybe"), "responses", Map.of("listened", 6)));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("details").has("values.condition")).isTrue();
        assertThat(bad.json().path("details").path("responses.listened").asText()).contains("from 1 to 5");
        assertThat(bad.json().path("params").path("problemCode").asText()).isEqualTo("sessions.answerOutOfRange");
        assertThat(bad.json().path("params").path("problemParams").path("item").asText()).isEqualTo("listened");
        Http.Response ok = admin.put(path, Map.of("values", Map.of("condition", "Trained", "date", "3-2-2024", "step", "2,0"), "responses", Map.of("listened", 4)));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().path("values").path("condition").asText()).isEqualTo("trained");
        assertThat(ok.json().path("values").path("date").asText()).isEqualTo("2024-02-03");
        assertThat(ok.json().path("values").path("step").asText()).isEqualTo("2");
        assertThat(ok.json().path("responses").path("listened").asDouble()).isEqualTo(4.0);
        Map<String, Object> clear = new java.util.HashMap<>();
        clear.put("condition", null); clear.put("date", ""); clear.put("step", null);
        Map<String, Object> clearResponse = new java.util.HashMap<>();
        clearResponse.put("listened", null);
        assertThat(admin.put(path, Map.of("values", clear, "responses", clearResponse)).json().path("values").size()).isZero();
    }

    @Test
    void an_import_with_a_wrong_value_names_row_and_column_and_stores_nothing() {
        long before = stored();
        Http.Response r = importCsv("sessies.csv", "transcript,condition,step,listened\n"
                + names.get(0) + ",trained,1,5\n"
                + names.get(1) + ",untrained,twee,4\n"
                + names.get(2) + ",untrained,3,9\n");
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.error()).contains("row 3").contains("step (C)").contains("Nothing was stored");
        JsonNode problems = r.json().path("details").path("problems");
        assertThat(problems).hasSize(2);
        assertThat(problems.get(1).path("row").asInt()).isEqualTo(4);
        assertThat(problems.get(1).path("column").asText()).isEqualTo("listened (D)");
        // each problem by its code and values too, and the one the error quotes
        assertThat(problems.get(0).path("code").asText()).isEqualTo("sessions.notANumber");
        assertThat(problems.get(0).path("params").path("value").asText()).isEqualTo("twee");
        assertThat(problems.get(1).path("code").asText()).isEqualTo("sessions.answerOutOfRange");
        assertThat(problems.get(1).path("params").path("max").asInt()).isEqualTo(5);
        assertThat(r.json().path("params").path("problemCode").asText()).isEqualTo("sessions.notANumber");
        assertThat(r.json().path("params").path("problemParams").path("value").asText()).isEqualTo("twee");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void an_import_row_that_matches_no_transcript_is_refused_with_its_row_and_nothing_is_stored() {
        long before = stored();
        Http.Response r = importCsv("sessies.csv", "transcript;condition\n" + names.get(0) + ";trained\n\nonbekend-gesprek;untrained\n");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).contains("row 4").contains("onbekend-gesprek");
        Http.Response header = importCsv("sessies.csv", "transcript,conditie\n" + names.get(0) + ",trained\n");
        assertThat(header.error()).contains("row 1").contains("conditie (B)");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void a_semicolon_csv_with_bom_and_an_xlsx_import_every_value_and_response() throws Exception {
        Http.Response csv = importCsv("sessies.csv", "\uFEFFTranscript;condition;date;step;listened;could-say\n"
                + names.get(3) + ";untrained;2024-03-01;1,5;3;2\n");
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.json().path("values").asInt()).isEqualTo(3);
        assertThat(csv.json().path("responses").asInt()).isEqualTo(2);
        JsonNode v = admin.get("/api/transcripts/" + transcripts.get(3) + "/fields").json();
        assertThat(v.path("values").path("step").asText()).isEqualTo("1.5");
        assertThat(v.path("instrument").asText()).isEqualTo("client-card-arnhem");
        assertThat(v.path("responses").path("could-say").asDouble()).isEqualTo(2.0);

        byte[] xlsx;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("sessies");
            Row head = sheet.createRow(0);
            String[] columns = {"transcript", "condition", "date", "step", "professional"};
            for (int c = 0; c < columns.length; c++) head.createCell(c).setCellValue(columns[c]);
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue(names.get(4));
            row.createCell(1).setCellValue("trained");
            CellStyle dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd-mm-yyyy"));
            row.createCell(2).setCellValue(LocalDate.of(2024, 5, 17));
            row.getCell(2).setCellStyle(dateStyle);
            row.createCell(3).setCellValue(2.0);
            row.createCell(4).setCellValue("KM-07");
            wb.write(out);
            xlsx = out.toByteArray();
        }
        Http.Response x = admin.postFile(url("/fields/import"), "sessies.xlsx", xlsx, Map.of());
        assertThat(x.status()).as(x.body()).isEqualTo(200);
        JsonNode w = admin.get("/api/transcripts/" + transcripts.get(4) + "/fields").json().path("values");
        assertThat(w.path("date").asText()).isEqualTo("2024-05-17");
        assertThat(w.path("step").asText()).isEqualTo("2");
        assertThat(w.path("professional").asText()).isEqualTo("KM-07");
    }

    @Test
    void removing_a_field_that_has_values_is_refused() {
        String path = "/api/transcripts/" + transcripts.get(5) + "/fields";
        assertThat(admin.put(path, Map.of("values", Map.of("professional", "KM-01"))).status()).isEqualTo(200);
        Http.Response r = admin.put(url("/fields"), Map.of("fields", FIELDS.subList(0, 3)));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.error()).contains("professional");
        assertThat(admin.put(path, Map.of("values", Map.of("professional", ""))).status()).isEqualTo(200);
    }
}
