package nl.samenspraak.coding;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspraak.account.Role;
import nl.samenspraak.support.Fixtures;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Codes and ratings over HTTP: one app, a fresh project per test. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CodingRoundTripTest {
    @TempDir static Path dir;
    TestApp app;
    Http admin, anna, bram;
    long project, transcript;
    String dimension;
    JsonNode units;

    @BeforeAll void start() { app = TestApp.start(dir); }

    @BeforeEach void fresh() {
        admin = app.loggedIn("root", Role.ADMIN);
        anna = app.loggedIn("anna", Role.CODER);
        bram = app.loggedIn("bram", Role.CODER);
        project = Fixtures.project(admin, app.unique("Arnhem"));
        Fixtures.member(admin, project, "anna", "coder");
        Fixtures.member(admin, project, "bram", "coder");
        transcript = Fixtures.transcript(admin, project, "gesprek.txt");
        units = anna.get("/api/transcripts/" + transcript).json().path("utterances");
        dimension = Fixtures.firstDimension(anna);
    }

    @AfterAll void stop() { app.close(); }

    private String code(JsonNode unit, int index) {
        return Fixtures.codeFor(anna, dimension, unit.path("speakerRole").asText(), index);
    }

    @Test
    void two_coders_code_the_same_transcript_and_each_reads_back_only_their_own() {
        for (JsonNode u : units) {
            assertThat(anna.put("/api/utterances/" + u.path("id").asLong() + "/codes/" + dimension, Map.of("code", code(u, 0))).status()).isEqualTo(200);
            assertThat(bram.put("/api/utterances/" + u.path("id").asLong() + "/codes/" + dimension, Map.of("code", code(u, 1))).status()).isEqualTo(200);
        }
        JsonNode annaCodes = anna.get("/api/transcripts/" + transcript + "/codes").json();
        JsonNode bramCodes = bram.get("/api/transcripts/" + transcript + "/codes").json();
        assertThat(annaCodes).hasSize(units.size());
        assertThat(bramCodes).hasSize(units.size());
        for (int i = 0; i < units.size(); i++) {
            assertThat(annaCodes.get(i).path("code").asText()).isEqualTo(code(units.get(i), 0));
            assertThat(bramCodes.get(i).path("code").asText()).isEqualTo(code(units.get(i), 1));
            assertThat(annaCodes.get(i).path("codebookId").asLong()).isPositive();
        }
        assertThat(app.count("SELECT COUNT(*) FROM codes c JOIN utterances u ON u.id = c.utterance_id WHERE u.transcript_id = " + transcript)).isEqualTo(2L * units.size());
    }

    @Test
    void every_change_is_logged_with_who_when_before_and_after() {
        long u = units.get(0).path("id").asLong();
        String first = code(units.get(0), 0), second = code(units.get(0), 1);
        anna.put("/api/utterances/" + u + "/codes/" + dimension, Map.of("code", first));
        JsonNode change = anna.put("/api/utterances/" + u + "/codes/" + dimension, Map.of("code", second)).json();
        assertThat(change.path("before").asText()).isEqualTo(first);
        assertThat(change.path("after").asText()).isEqualTo(second);
        JsonNode cleared = anna.delete("/api/utterances/" + u + "/codes/" + dimension).json();
        assertThat(cleared.path("after").isNull()).isTrue();
        assertThat(anna.get("/api/transcripts/" + transcript + "/codes").json()).isEmpty();
        JsonNode log = anna.get("/api/transcripts/" + transcript + "/changes?after=0").json();
        assertThat(log).hasSize(3);
        assertThat(log.get(2).path("beforeValue").asText()).isEqualTo(second);
        assertThat(log.get(2).path("afterValue").isNull()).isTrue();
        assertThat(log.get(2).path("at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }

    @Test
    void the_last_change_id_is_the_callers_newest_change_to_the_transcript_and_0_before_any() {
        String last = "/api/transcripts/" + transcript + "/changes/last";
        assertThat(anna.get(last).json().path("lastChangeId").asLong()).isZero();
        long u = units.get(0).path("id").asLong();
        anna.put("/api/utterances/" + u + "/codes/" + dimension, Map.of("code", code(units.get(0), 0)));
        long annas = anna.put("/api/utterances/" + u + "/codes/" + dimension, Map.of("code", code(units.get(0), 1))).json().path("changeId").asLong();
        long brams = bram.put("/api/utterances/" + u + "/codes/" + dimension, Map.of("code", code(units.get(0), 0))).json().path("changeId").asLong();
        assertThat(brams).isGreaterThan(annas);

        Http.Response r = anna.get(last);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("lastChangeId").asLong()).isEqualTo(annas);
        assertThat(bram.get(last).json().path("lastChangeId").asLong()).isEqualTo(brams);
        JsonNode log = anna.get("/api/transcripts/" + transcript + "/changes?after=0").json();
        assertThat(log.get(log.size() - 1).path("id").asLong()).isEqualTo(annas);

        assertThat(app.loggedIn("outsider", Role.CODER).get(last).status()).isEqualTo(404);
        assertThat(anna.get("/api/transcripts/999999/changes/last").status()).isEqualTo(404);
        assertThat(app.anonymous().get(last).status()).isEqualTo(401);
    }

    @Test
    void a_replayed_operation_is_acknowledged_but_not_applied_twice() {
        long u = units.get(0).path("id").asLong();
        Map<String, String> body = Map.of("code", code(units.get(0), 0), "opId", "tab1-op-1");
        JsonNode first = anna.put("/api/utterances/" + u + "/codes/" + dimension, body).json();
        JsonNode replay = anna.put("/api/utterances/" + u + "/codes/" + dimension, body).json();
        assertThat(first.path("replayed").asBoolean()).isFalse();
        assertThat(replay.path("replayed").asBoolean()).isTrue();
        assertThat(replay.path("changeId").asLong()).isEqualTo(first.path("changeId").asLong());
        assertThat(app.count("SELECT COUNT(*) FROM change_log l JOIN utterances u ON u.id = l.utterance_id WHERE l.entity = 'code' AND u.transcript_id = " + transcript)).isEqualTo(1);
        Http.Response stolen = bram.put("/api/utterances/" + u + "/codes/" + dimension, body);
        assertThat(stolen.status()).isEqualTo(409);
    }

    @Test
    void unknown_codes_dimensions_and_codes_of_another_role_are_refused() {
        JsonNode pro = units.get(0), client = units.get(1);
        assertThat(anna.put("/api/utterances/" + pro.path("id").asLong() + "/codes/" + dimension, Map.of("code", "no-such-code")).status()).isEqualTo(400);
        assertThat(anna.put("/api/utterances/" + pro.path("id").asLong() + "/codes/no-such-dimension", Map.of("code", "x")).status()).isEqualTo(400);
        assertThat(anna.put("/api/utterances/999999/codes/" + dimension, Map.of("code", "x")).status()).isEqualTo(404);
        String professionalOnly = professionalOnlyCode();
        if (professionalOnly != null) {
            Http.Response r = anna.put("/api/utterances/" + client.path("id").asLong() + "/codes/" + dimension, Map.of("code", professionalOnly));
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.error()).contains("client");
        }
        assertThat(app.count("SELECT COUNT(*) FROM codes c JOIN utterances u ON u.id = c.utterance_id WHERE u.transcript_id = " + transcript)).isZero();
    }

    private String professionalOnlyCode() {
        for (JsonNode d : anna.get("/api/codebooks/" + Fixtures.CODEBOOK).json().path("codebook").path("dimensions")) {
            if (!d.path("key").asText().equals(dimension)) continue;
            for (JsonNode c : d.path("codes")) {
                if (c.path("roles").toString().equals("[\"professional\"]")) return c.path("key").asText();
            }
        }
        return null;
    }

    @Test
    void ratings_are_checked_against_the_scale_and_read_back() {
        JsonNode scales = anna.get("/api/codebooks/" + Fixtures.CODEBOOK).json().path("codebook").path("ratingScales");
        assertThat(scales).isNotEmpty();
        JsonNode scale = scales.get(0), item = scale.path("items").get(0);
        String path = "/api/transcripts/" + transcript + "/ratings/" + scale.path("key").asText() + "/" + item.path("key").asText();
        assertThat(anna.put(path, Map.of("value", item.path("max").asInt() + 1)).status()).isEqualTo(400);
        assertThat(anna.put(path, Map.of("value", 1.5)).status()).isEqualTo(400);
        assertThat(anna.put(path, Map.of("value", item.path("min").asInt())).status()).isEqualTo(200);
        JsonNode mine = anna.get("/api/transcripts/" + transcript + "/ratings").json();
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).path("value").asDouble()).isEqualTo(item.path("min").asDouble());
        assertThat(bram.get("/api/transcripts/" + transcript + "/ratings").json()).isEmpty();
    }

    @Test
    void the_change_log_cannot_be_rewritten() {
        long u = units.get(0).path("id").asLong();
        anna.put("/api/utterances/" + u + "/codes/" + dimension, Map.of("code", code(units.get(0), 0)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> app.jdbi.useHandle(h -> h.execute("UPDATE change_log SET after_value = 'x'")))
                .hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> app.jdbi.useHandle(h -> h.execute("DELETE FROM change_log")))
                .hasMessageContaining("append-only");
    }
}
