package nl.samenspraak.coding;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspraak.account.Role;
import nl.samenspraak.support.Fixtures;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryHttpTest {
    @TempDir static Path dir;
    TestApp app;
    Http admin, ann, bob;
    long project, transcript, unit, annId, bobId;
    String dimension, first, second;

    @BeforeAll void start() { app = TestApp.start(dir); }

    @BeforeEach void fresh() {
        admin = app.loggedIn("admin", Role.ADMIN);
        annId = app.user("ann", Role.CODER).id();
        bobId = app.user("=bob", Role.CODER).id();
        project = Fixtures.project(admin, app.unique("Geschiedenis"));
        Fixtures.member(admin, project, "ann", "coder");
        Fixtures.member(admin, project, "=bob", "coder");
        transcript = Fixtures.transcript(admin, project, "gesprek.txt");
        unit = admin.get("/api/transcripts/" + transcript).json().path("utterances").get(0).path("id").asLong();
        dimension = Fixtures.firstDimension(admin);
        first = Fixtures.codeFor(admin, dimension, "professional", 0);
        second = Fixtures.codeFor(admin, dimension, "professional", 1);
        ann = app.as("ann");
        bob = app.as("=bob");
        String path = "/api/utterances/" + unit + "/codes/" + dimension;
        assertThat(ann.put(path, Map.of("code", first)).status()).isEqualTo(200);
        assertThat(ann.put(path, Map.of("code", second)).status()).isEqualTo(200);
        assertThat(ann.delete(path).status()).isEqualTo(200);
        assertThat(bob.put(path, Map.of("code", first)).status()).isEqualTo(200);
    }

    @AfterAll void stop() { app.close(); }

    @Test
    void a_units_history_shows_who_changed_what_when_with_names() {
        JsonNode page = admin.get("/api/utterances/" + unit + "/history").json();
        JsonNode e = page.path("entries");
        assertThat(e).hasSize(4);
        assertThat(page.path("next").isNull()).isTrue();
        assertThat(values(e, "userName")).containsExactly("ann", "ann", "ann", "=bob");
        assertThat(values(e, "coderName")).containsExactly("ann", "ann", "ann", "=bob");
        assertThat(values(e, "before")).containsExactly("", first, second, "");
        assertThat(values(e, "after")).containsExactly(first, second, "", first);
        assertThat(e.get(2).path("after").isNull()).as("a clear").isTrue();
        assertThat(e.get(0).path("unit").asInt()).isEqualTo(1);
        assertThat(e.get(0).path("transcriptName").asText()).isEqualTo("gesprek");
        assertThat(e.get(0).path("field").asText()).isEqualTo(dimension);
        assertThat(e.get(0).path("at").asText()).isNotBlank();
    }

    @Test
    void history_is_read_page_by_page_and_per_coder() {
        JsonNode p1 = admin.get("/api/transcripts/" + transcript + "/history?limit=3").json();
        assertThat(p1.path("entries")).hasSize(3);
        long next = p1.path("next").asLong();
        JsonNode p2 = admin.get("/api/transcripts/" + transcript + "/history?limit=3&after=" + next).json();
        assertThat(p2.path("entries")).hasSize(1);
        assertThat(p2.path("next").isNull()).isTrue();
        assertThat(p2.path("entries").get(0).path("id").asLong()).isGreaterThan(next);

        JsonNode bobs = admin.get("/api/projects/" + project + "/history?coder=" + bobId).json().path("entries");
        assertThat(values(bobs, "coderName")).containsExactly("=bob");
        assertThat(admin.get("/api/projects/" + project + "/history").json().path("entries")).hasSize(4);
        assertThat(admin.get("/api/projects/" + project + "/history?limit=0").status()).isEqualTo(400);
        assertThat(admin.get("/api/projects/" + project + "/history?limit=x").status()).isEqualTo(400);
        assertThat(admin.get("/api/utterances/999999/history").status()).isEqualTo(404);
    }

    @Test
    void history_csv_has_a_bom_parses_back_and_guards_against_formulas() throws Exception {
        Http.Response r = admin.get("/api/projects/" + project + "/history.csv");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(r.body()).startsWith("\uFEFF");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(r.body().substring(1))).getRecords();
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).get("user")).isEqualTo("ann");
        assertThat(rows.get(0).get("after")).isEqualTo(first);
        assertThat(rows.get(1).get("before")).isEqualTo(first);
        assertThat(rows.get(2).get("after")).isEmpty();
        assertThat(rows.get(3).get("coder")).as("a name that starts a formula is quoted as text").isEqualTo("'=bob");
        assertThat(rows.get(3).get("coder_id")).isEqualTo(String.valueOf(bobId));
        assertThat(rows.get(0).get("transcript")).isEqualTo("gesprek");
    }

    private static List<String> values(JsonNode entries, String field) {
        List<String> out = new ArrayList<>();
        entries.forEach(e -> out.add(e.path(field).isNull() ? "" : e.path(field).asText()));
        return out;
    }
}
