package nl.samenspraak.adjudication;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspraak.account.Role;
import nl.samenspraak.report.CodedProject;
import nl.samenspraak.support.Fixtures;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.Sql;
import nl.samenspraak.support.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static nl.samenspraak.report.CodedProject.CODERS;
import static nl.samenspraak.report.CodedProject.DIMENSION;
import static org.assertj.core.api.Assertions.assertThat;

/** Adjudication over HTTP on the coded project of the report tests, with trainer 'tina' as adjudicator: one app, a fresh project per test. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdjudicationHttpTest {
    @TempDir static Path dir;
    TestApp app;
    CodedProject p;
    Http trainer;
    long t0;
    List<Long> units = new ArrayList<>();

    @BeforeAll void start() {
        app = TestApp.start(dir);
    }

    @AfterAll void stop() { app.close(); }

    @BeforeEach void freshProject() {
        p = new CodedProject(app);
        units.clear();
        trainer = app.loggedIn("tina", Role.TRAINER);
        Fixtures.member(p.admin, p.project, "tina", "trainer");
        t0 = p.transcripts.get(0);
        for (JsonNode u : p.admin.get("/api/transcripts/" + t0).json().path("utterances")) units.add(u.path("id").asLong());
    }

    long userId(String name) {
        return Sql.one(app.jdbi, "SELECT id FROM users WHERE name = '" + name + "'", Long.class);
    }

    String view() { return "/api/transcripts/" + t0 + "/adjudication"; }

    String consensus(int unit, String dimension) { return "/api/transcripts/" + t0 + "/consensus/" + units.get(unit) + "/" + dimension; }

    static boolean disagree(int t, int i) {
        return CODERS.stream().map(c -> Objects.toString(CodedProject.code(c, t, i))).distinct().count() > 1;
    }

    static JsonNode step(JsonNode unit) { return unit.path("dimensions").path(DIMENSION); }

    @Test
    void the_view_shows_every_coders_code_side_by_side_and_flags_where_they_disagree() {
        Http.Response r = trainer.get(view());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.path("coders").findValuesAsText("name")).containsExactlyElementsOf(CODERS);
        assertThat(body.path("dimensions").toString()).contains("\"step\"", "\"behaviour\"");
        assertThat(body.path("units")).hasSize(units.size());
        int expectedDisagreements = 0;
        for (int i = 0; i < units.size(); i++) {
            JsonNode cell = step(body.path("units").get(i));
            List<String> codes = new ArrayList<>();
            cell.path("codes").forEach(c -> codes.add(c.isNull() ? null : c.asText()));
            int unit = i;
            assertThat(codes).containsExactlyElementsOf(CODERS.stream().map(c -> CodedProject.code(c, 0, unit)).toList());
            assertThat(cell.path("disagree").asBoolean()).as("unit " + i).isEqualTo(disagree(0, i));
            assertThat(cell.path("consensus").isNull()).isTrue();
            // No one coded 'behaviour': nothing to disagree on.
            assertThat(body.path("units").get(i).path("dimensions").path("behaviour").path("disagree").asBoolean()).isFalse();
            if (disagree(0, i)) expectedDisagreements++;
        }
        assertThat(expectedDisagreements).isBetween(1, units.size() - 1);
        assertThat(body.path("disagreements").asInt()).isEqualTo(expectedDisagreements);

        JsonNode only = trainer.get(view() + "?only=disagreements").json();
        assertThat(only.path("units")).hasSize(expectedDisagreements);
        only.path("units").forEach(u -> assertThat(step(u).path("disagree").asBoolean()).isTrue());

        JsonNode two = trainer.get(view() + "?coders=" + userId("anna") + "," + userId("bram")).json();
        assertThat(two.path("coders").findValuesAsText("name")).containsExactly("anna", "bram");
        assertThat(step(two.path("units").get(0)).path("codes")).hasSize(2);
        assertThat(trainer.get(view() + "?only=everything").status()).isEqualTo(400);
        assertThat(trainer.get(view() + "?coders=" + userId("tina")).status()).isEqualTo(400);
    }

    @Test
    void the_adjudicator_takes_one_coders_code_and_sets_another_and_both_are_logged_with_the_adjudicator_as_user() {
        int picked = firstDisagreement();
        Http.Response take = trainer.put(consensus(picked, DIMENSION), Map.of("fromCoder", userId("bram"), "comment", "Bram heard the turn right."));
        assertThat(take.status()).as(take.body()).isEqualTo(200);
        assertThat(take.json().path("after").asText()).isEqualTo(CodedProject.code("bram", 0, picked));
        long consensusId = take.json().path("consensusCoderId").asLong();
        int set = picked + 1;
        Http.Response setting = trainer.put(consensus(set, DIMENSION), Map.of("code", "no-step", "opId", "adj-1"));
        assertThat(setting.status()).as(setting.body()).isEqualTo(200);
        assertThat(trainer.put(consensus(set, DIMENSION), Map.of("code", "no-step", "opId", "adj-1")).json().path("replayed").asBoolean()).isTrue();

        JsonNode body = trainer.get(view()).json();
        assertThat(body.path("consensusCoderId").asLong()).isEqualTo(consensusId);
        JsonNode cell = step(body.path("units").get(picked));
        assertThat(cell.path("consensus").asText()).isEqualTo(CodedProject.code("bram", 0, picked));
        assertThat(cell.path("fromCoder").asLong()).isEqualTo(userId("bram"));
        assertThat(cell.path("comment").asText()).isEqualTo("Bram heard the turn right.");
        assertThat(step(body.path("units").get(set)).path("consensus").asText()).isEqualTo("no-step");
        assertThat(body.path("coders").findValuesAsText("name")).as("the consensus is not one of the coders compared").containsExactlyElementsOf(CODERS);

        long tina = userId("tina");
        assertThat(Sql.count(app.jdbi, "SELECT COUNT(*) FROM change_log WHERE coder_id = " + consensusId + " AND user_id = " + tina)).isEqualTo(2);
        assertThat(Sql.count(app.jdbi, "SELECT COUNT(*) FROM change_log WHERE coder_id = " + consensusId + " AND user_id <> " + tina)).isZero();
        assertThat(Sql.one(app.jdbi, "SELECT a.comment FROM adjudications a JOIN change_log l ON l.id = a.change_id WHERE l.utterance_id = "
                + units.get(picked), String.class)).isEqualTo("Bram heard the turn right.");
        assertThat(Sql.one(app.jdbi, "SELECT name FROM users WHERE id = " + consensusId, String.class)).isEqualTo("consensus:" + p.project);
        assertThat(app.anonymous().post("/api/login", Map.of("name", "consensus:" + p.project, "password", TestApp.PASSWORD)).status()).isEqualTo(401);
    }

    @Test
    void agreed_codes_are_taken_into_the_consensus_at_once_leaving_only_the_disagreements() {
        int picked = firstDisagreement();
        trainer.put(consensus(picked, DIMENSION), Map.of("fromCoder", userId("bram")));
        Http.Response r = trainer.post("/api/transcripts/" + t0 + "/consensus/agreements", Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode body = trainer.get(view()).json();
        int agreed = 0;
        for (int i = 0; i < units.size(); i++) {
            JsonNode cell = step(body.path("units").get(i));
            if (!disagree(0, i)) {
                agreed++;
                assertThat(cell.path("consensus").asText()).as("unit " + i).isEqualTo(CodedProject.code("anna", 0, i));
                assertThat(cell.path("source").asText()).isEqualTo("agreed");
                assertThat(cell.path("comment").isNull()).as("a comment is what an adjudicator wrote").isTrue();
            } else if (i == picked) {
                assertThat(cell.path("consensus").asText()).isEqualTo(CodedProject.code("bram", 0, i));
                assertThat(cell.path("source").asText()).isEqualTo("coder");
            } else {
                assertThat(cell.path("consensus").isNull()).as("a disagreement stays for the adjudicator").isTrue();
            }
        }
        assertThat(r.json().path("accepted").asInt()).isEqualTo(agreed);
        assertThat(trainer.post("/api/transcripts/" + t0 + "/consensus/agreements", Map.of()).json().path("accepted").asInt())
                .as("a second run finds nothing new").isZero();
        Http analyst = app.loggedIn("alma", Role.ANALYST);
        Fixtures.member(p.admin, p.project, "alma", "analyst");
        assertThat(analyst.post("/api/transcripts/" + t0 + "/consensus/agreements", Map.of()).status()).isEqualTo(403);
        assertThat(p.coders.get("anna").post("/api/transcripts/" + t0 + "/consensus/agreements", Map.of()).status()).isEqualTo(403);
        assertThat(app.loggedIn("olaf", Role.CODER).post("/api/transcripts/" + t0 + "/consensus/agreements", Map.of()).status())
                .as("an outsider").isEqualTo(404);
        assertThat(app.anonymous().post("/api/transcripts/" + t0 + "/consensus/agreements", Map.of()).status()).isEqualTo(401);
    }

    @Test
    void a_consensus_code_is_validated_like_any_code() {
        int picked = firstDisagreement();
        assertThat(trainer.put(consensus(0, DIMENSION), Map.of("code", "no-such-code")).status()).isEqualTo(400);
        assertThat(trainer.put(consensus(0, "no-such-dimension"), Map.of("code", "no-step")).status()).isEqualTo(400);
        // 'co-decide' is a professional's behaviour; unit 1 is the client's.
        Http.Response role = trainer.put(consensus(1, "behaviour"), Map.of("code", "co-decide"));
        assertThat(role.status()).as(role.body()).isEqualTo(400);
        assertThat(role.json().path("details").path("speakerRole").asText()).isEqualTo("client");
        assertThat(trainer.put(consensus(0, DIMENSION), Map.of()).status()).isEqualTo(400);
        String other = CodedProject.code("anna", 0, picked).equals("no-step") ? "team-talk" : "no-step";
        Http.Response differ = trainer.put(consensus(picked, DIMENSION), Map.of("code", other, "fromCoder", userId("anna")));
        assertThat(differ.status()).as(differ.body()).isEqualTo(400);
        assertThat(trainer.put(consensus(0, DIMENSION), Map.of("fromCoder", userId("tina"))).status()).isEqualTo(400);
        assertThat(trainer.put(consensus(0, DIMENSION), Map.of("code", "no-step", "comment", "x".repeat(2001))).status()).isEqualTo(400);
        long otherUnit = p.admin.get("/api/transcripts/" + p.transcripts.get(1)).json().path("utterances").get(0).path("id").asLong();
        assertThat(trainer.put("/api/transcripts/" + t0 + "/consensus/" + otherUnit + "/" + DIMENSION, Map.of("code", "no-step")).status()).isEqualTo(404);
        assertThat(Sql.count(app.jdbi, "SELECT COUNT(*) FROM adjudications a JOIN change_log l ON l.id = a.change_id JOIN utterances u ON u.id = l.utterance_id"
                + " WHERE u.transcript_id = " + t0)).isZero();

        assertThat(trainer.put(consensus(0, DIMENSION), Map.of("code", "no-step")).status()).isEqualTo(200);
        Http.Response cleared = trainer.delete(consensus(0, DIMENSION) + "?comment=undo");
        assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
        assertThat(cleared.json().path("after").isNull()).isTrue();
        assertThat(step(trainer.get(view()).json().path("units").get(0)).path("consensus").isNull()).isTrue();
    }

    @Test
    void admins_and_trainers_adjudicate_analysts_only_look_coders_and_outsiders_do_neither() {
        Http outsider = app.loggedIn("olga", Role.CODER);
        Map<String, int[]> expected = new HashMap<>();
        expected.put("admin", new int[]{200, 200});
        expected.put("trainer", new int[]{200, 200});
        expected.put("analyst", new int[]{200, 403});
        expected.put("coder", new int[]{403, 403});
        expected.put("non-member", new int[]{404, 404});
        Map<String, Http> who = Map.of("admin", p.admin, "trainer", trainer, "analyst", p.analyst, "coder", p.coders.get("anna"), "non-member", outsider);
        for (var e : expected.entrySet()) {
            Http http = who.get(e.getKey());
            assertThat(http.get(view()).status()).as("GET by " + e.getKey()).isEqualTo(e.getValue()[0]);
            assertThat(http.put(consensus(0, DIMENSION), Map.of("code", "no-step")).status()).as("PUT by " + e.getKey()).isEqualTo(e.getValue()[1]);
            assertThat(http.delete(consensus(0, DIMENSION)).status()).as("DELETE by " + e.getKey()).isEqualTo(e.getValue()[1]);
        }
        assertThat(app.anonymous().get(view()).status()).isEqualTo(401);
        assertThat(trainer.get("/api/transcripts/999999/adjudication").status()).isEqualTo(404);
    }

    @Test
    void reliability_and_reports_of_the_original_coders_are_the_same_after_adjudication() {
        JsonNode before = p.analyst.get(p.url("/reliability?bootstrap=0")).json().path("dimensions");
        JsonNode reportBefore = p.analyst.get(p.url("/report")).json();
        adjudicateTranscript0WithAnnasCodes();
        assertThat(p.analyst.get(p.url("/reliability?bootstrap=0")).json().path("dimensions")).isEqualTo(before);
        JsonNode reportAfter = p.analyst.get(p.url("/report")).json();
        assertThat(reportAfter.path("coders")).isEqualTo(reportBefore.path("coders"));
        assertThat(reportAfter.path("sessions")).isEqualTo(reportBefore.path("sessions"));
        // Chosen explicitly, the consensus is a coder like any other: anna against the consensus agrees on transcript 0.
        long consensusId = Sql.one(app.jdbi, "SELECT user_id FROM consensus_coders WHERE project_id = " + p.project, Long.class);
        Http.Response chosen = p.analyst.get(p.url("/reliability?bootstrap=0&transcripts=" + t0 + "&coders=" + userId("anna") + "," + consensusId));
        assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);
        JsonNode percent = null;
        for (JsonNode d : chosen.json().path("dimensions")) {
            if (!d.path("dimension").asText().equals(DIMENSION)) continue;
            for (JsonNode c : d.path("result").path("coefficients")) if (c.path("key").asText().equals("percent_agreement")) percent = c;
        }
        assertThat(percent).isNotNull();
        assertThat(percent.path("value").asDouble()).isEqualTo(1.0);
    }

    @Test
    void reports_and_exports_read_the_consensus_as_the_final_dataset_when_asked() {
        assertThat(p.analyst.get(p.url("/report?dataset=consensus")).status()).as("no consensus yet").isEqualTo(400);
        adjudicateTranscript0WithAnnasCodes();
        Http.Response r = p.analyst.get(p.url("/report?dataset=consensus"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("coders").findValuesAsText("name")).containsExactly("consensus:" + p.project);
        JsonNode sessions = r.json().path("sessions");
        long total = 0;
        for (JsonNode s : sessions) {
            assertThat(s.path("coder").asText()).isEqualTo("consensus:" + p.project);
            for (JsonNode role : s.path("roles")) for (JsonNode f : role.path("frequencies")) {
                if (f.path("dimension").asText().equals(DIMENSION)) total += f.path("count").asLong();
            }
        }
        assertThat(total).isEqualTo(units.size());
        Http.Response csv = p.analyst.get(p.url("/units.csv?dataset=consensus"));
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        // A file is read without the app: the consensus goes by its name for people there (issue 9, defect 6).
        assertThat(csv.body()).contains(",Consensus (adjudicated),").doesNotContain("consensus:").doesNotContain("anna");
        assertThat(p.analyst.get(p.url("/units.csv?dataset=consensus&lang=nl")).body()).contains(",Consensus (na beoordeling),");
        assertThat(p.analyst.get("/api/transcripts/" + t0 + "/report?dataset=consensus").json().path("coders").findValuesAsText("name"))
                .containsExactly("consensus:" + p.project);
        assertThat(p.analyst.get(p.url("/report?dataset=consensus&coders=" + userId("anna"))).status()).isEqualTo(400);
        assertThat(p.analyst.get(p.url("/report?dataset=gold")).status()).isEqualTo(400);
    }

    @Test
    void a_user_name_reserved_for_the_consensus_cannot_be_taken() {
        Http.Response r = p.admin.post("/api/users", Map.of("name", "Consensus:" + p.project, "password", TestApp.PASSWORD, "role", "coder"));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
    }

    private int firstDisagreement() {
        for (int i = 0; i < units.size(); i++) if (disagree(0, i)) return i;
        throw new AssertionError("the coded project plans a disagreement in transcript 0");
    }

    private void adjudicateTranscript0WithAnnasCodes() {
        for (int i = 0; i < units.size(); i++) {
            Http.Response r = trainer.put(consensus(i, DIMENSION), Map.of("fromCoder", userId("anna")));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
    }
}
