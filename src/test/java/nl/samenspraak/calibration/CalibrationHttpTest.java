package nl.samenspraak.calibration;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspraak.account.Role;
import nl.samenspraak.agreement.AgreementOptions;
import nl.samenspraak.agreement.AgreementResult;
import nl.samenspraak.agreement.Coefficient;
import nl.samenspraak.agreement.Level;
import nl.samenspraak.agreement.Reliability;
import nl.samenspraak.agreement.ReliabilityData;
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
import java.util.List;
import java.util.Map;

import static nl.samenspraak.report.CodedProject.DIMENSION;
import static nl.samenspraak.report.CodedProject.STEPS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Calibration of trainee bram against anna's coding of the first transcript of the coded project; tina trains. One app, a fresh project per test. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalibrationHttpTest {
    /** The service passes the engine's doubles through JSON: only the last printed digit may differ. */
    static final double SAME = 1e-12;

    @TempDir static Path dir;
    TestApp app;
    CodedProject p;
    Http trainer, bram;
    long t0;
    List<Long> units = new ArrayList<>();

    @BeforeAll void start() { app = TestApp.start(dir); }

    @BeforeEach void fresh() {
        p = new CodedProject(app);
        units.clear();
        trainer = app.loggedIn("tina", Role.TRAINER);
        Fixtures.member(p.admin, p.project, "tina", "trainer");
        bram = p.coders.get("bram");
        t0 = p.transcripts.get(0);
        for (JsonNode u : p.admin.get("/api/transcripts/" + t0).json().path("utterances")) units.add(u.path("id").asLong());
    }

    @AfterAll void stop() { app.close(); }

    long userId(String name) {
        return Sql.one(app.jdbi, "SELECT id FROM users WHERE name = '" + name + "'", Long.class);
    }

    String calibration() { return "/api/transcripts/" + t0 + "/calibration"; }

    void annaIsTheReference() {
        Http.Response r = trainer.put("/api/transcripts/" + t0 + "/reference", Map.of("coderId", userId("anna")));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("coder").asText()).isEqualTo("anna");
    }

    static JsonNode step(JsonNode body) {
        for (JsonNode d : body.path("dimensions")) if (d.path("dimension").asText().equals(DIMENSION)) return d;
        throw new AssertionError("no dimension step in " + body);
    }

    @Test
    void a_trainee_gets_agreement_misses_overuse_and_confusion_against_the_reference_as_the_engine_computes_them() {
        annaIsTheReference();
        Http.Response r = trainer.get(calibration() + "?coder=" + userId("bram"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.path("referenceCoder").asText()).isEqualTo("anna");
        assertThat(body.path("threshold").asDouble()).isEqualTo(0.70);
        assertThat(body.path("dimensions")).as("only dimensions the reference coded").hasSize(1);
        List<String[]> pairs = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) pairs.add(new String[]{CodedProject.code("anna", 0, i), CodedProject.code("bram", 0, i)});
        AgreementResult expected = Reliability.compute(ReliabilityData.fromLabels(List.of("reference", "trainee"), pairs, STEPS), AgreementOptions.of(Level.NOMINAL));
        JsonNode step = step(body);
        assertThat(step.path("units").asInt()).isEqualTo(units.size());
        assertThat(step.path("percent").asDouble()).isCloseTo(expected.estimate(Coefficient.PERCENT_AGREEMENT).value(), within(SAME));
        assertThat(step.path("kappa").asDouble()).isCloseTo(expected.estimate(Coefficient.COHEN_KAPPA).value(), within(SAME));
        assertThat(step.path("alpha").asDouble()).isCloseTo(expected.estimate(Coefficient.KRIPPENDORFF_ALPHA).value(), within(SAME));
        assertThat(step.path("kappa").asDouble()).isLessThan(0.70);
        assertThat(step.path("passed").asBoolean()).isFalse();
        assertThat(body.path("passed").asBoolean()).isFalse();
        for (int c = 0; c < STEPS.size(); c++) {
            String code = STEPS.get(c);
            long missed = pairs.stream().filter(x -> x[0].equals(code) && !x[1].equals(code)).count();
            long overused = pairs.stream().filter(x -> x[1].equals(code) && !x[0].equals(code)).count();
            JsonNode category = step.path("categories").get(c);
            assertThat(category.path("code").asText()).isEqualTo(code);
            assertThat(category.path("missed").asLong()).as("missed " + code).isEqualTo(missed);
            assertThat(category.path("overused").asLong()).as("overused " + code).isEqualTo(overused);
            for (int d = 0; d < STEPS.size(); d++) {
                String other = STEPS.get(d);
                long n = pairs.stream().filter(x -> x[0].equals(code) && x[1].equals(other)).count();
                assertThat(step.path("confusion").path("counts").get(c).get(d).asLong()).isEqualTo(n);
            }
        }
        assertThat(step.path("confusion").path("columns").get(STEPS.size()).asText()).isEqualTo("(none)");
        assertThat(Sql.count(app.jdbi, "SELECT COUNT(*) FROM calibrations WHERE project_id = " + p.project)).isEqualTo(1);
        JsonNode again = trainer.get(calibration() + "?coder=" + userId("bram")).json();
        assertThat(again.path("id").asLong()).as("looking again at an unchanged coding stores nothing new").isEqualTo(body.path("id").asLong());
        assertThat(Sql.count(app.jdbi, "SELECT COUNT(*) FROM calibrations WHERE project_id = " + p.project)).isEqualTo(1);
    }

    @Test
    void a_trainee_who_fails_recodes_and_passes_and_the_history_shows_both() {
        annaIsTheReference();
        Http.Response first = bram.get(calibration());
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("passed").asBoolean()).isFalse();
        for (int i = 0; i < units.size(); i++) {
            Http.Response r = bram.put("/api/utterances/" + units.get(i) + "/codes/" + DIMENSION, Map.of("code", CodedProject.code("anna", 0, i)));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        JsonNode second = bram.get(calibration()).json();
        assertThat(second.path("passed").asBoolean()).isTrue();
        assertThat(step(second).path("kappa").asDouble()).isEqualTo(1.0);

        JsonNode history = bram.get("/api/projects/" + p.project + "/calibrations").json();
        assertThat(history).hasSize(2);
        assertThat(history.get(0).path("passed").asBoolean()).isFalse();
        assertThat(history.get(1).path("passed").asBoolean()).isTrue();
        assertThat(history.get(1).path("dimensions").get(0).path("kappa").asDouble()).isEqualTo(1.0);
        assertThat(trainer.get("/api/projects/" + p.project + "/calibrations?coder=" + userId("bram")).json()).hasSize(2);
        assertThat(trainer.get("/api/projects/" + p.project + "/calibrations?coder=" + userId("cees")).json()).isEmpty();
    }

    @Test
    void the_project_threshold_decides_pass_or_fail() {
        annaIsTheReference();
        Http.Response set = trainer.put("/api/projects/" + p.project + "/calibration-threshold", Map.of("kappa", 0.2));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        JsonNode body = bram.get(calibration()).json();
        assertThat(body.path("threshold").asDouble()).isEqualTo(0.2);
        assertThat(body.path("passed").asBoolean()).isEqualTo(step(body).path("kappa").asDouble() >= 0.2);
        assertThat(trainer.put("/api/projects/" + p.project + "/calibration-threshold", Map.of("kappa", 2)).status()).isEqualTo(400);
        assertThat(bram.put("/api/projects/" + p.project + "/calibration-threshold", Map.of("kappa", 0.1)).status()).isEqualTo(403);
    }

    @Test
    void the_consensus_can_be_the_reference() {
        for (int i = 0; i < units.size(); i++) {
            Http.Response r = trainer.put("/api/transcripts/" + t0 + "/consensus/" + units.get(i) + "/" + DIMENSION, Map.of("fromCoder", userId("anna")));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        long consensus = Sql.one(app.jdbi, "SELECT user_id FROM consensus_coders WHERE project_id = " + p.project, Long.class);
        assertThat(trainer.put("/api/transcripts/" + t0 + "/reference", Map.of("coderId", consensus)).status()).isEqualTo(200);
        JsonNode anna = trainer.get(calibration() + "?coder=" + userId("anna")).json();
        assertThat(anna.path("referenceCoder").asText()).isEqualTo("consensus:" + p.project);
        assertThat(anna.path("passed").asBoolean()).isTrue();
    }

    @Test
    void trainees_see_their_own_calibration_only_and_only_admins_and_trainers_set_the_reference() {
        Http outsider = app.loggedIn("olga", Role.CODER);
        String reference = "/api/transcripts/" + t0 + "/reference";
        assertThat(bram.get(calibration()).status()).as("no reference yet").isEqualTo(404);
        assertThat(bram.put(reference, Map.of("coderId", userId("anna"))).status()).isEqualTo(403);
        assertThat(p.analyst.put(reference, Map.of("coderId", userId("anna"))).status()).isEqualTo(403);
        assertThat(outsider.put(reference, Map.of("coderId", userId("anna"))).status()).isEqualTo(404);
        assertThat(trainer.put(reference, Map.of("coderId", userId("tina"))).status()).as("tina coded nothing").isEqualTo(400);
        assertThat(p.admin.put(reference, Map.of("coderId", userId("anna"))).status()).isEqualTo(200);

        assertThat(bram.get(calibration()).status()).isEqualTo(200);
        assertThat(bram.get(calibration() + "?coder=" + userId("bram")).status()).isEqualTo(200);
        assertThat(bram.get(calibration() + "?coder=" + userId("cees")).status()).isEqualTo(403);
        assertThat(bram.get("/api/projects/" + p.project + "/calibrations?coder=" + userId("cees")).status()).isEqualTo(403);
        assertThat(p.coders.get("cees").get("/api/projects/" + p.project + "/calibrations").json()).as("bram's are not cees's").isEmpty();
        assertThat(p.analyst.get(calibration() + "?coder=" + userId("bram")).status()).isEqualTo(200);
        assertThat(outsider.get(calibration() + "?coder=" + userId("bram")).status()).isEqualTo(404);
        assertThat(trainer.get(calibration() + "?coder=" + userId("anna")).status()).as("the reference against itself").isEqualTo(400);
        assertThat(trainer.get(calibration() + "?coder=abc").status()).isEqualTo(400);
    }
}
