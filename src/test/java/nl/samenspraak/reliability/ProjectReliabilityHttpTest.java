package nl.samenspraak.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspraak.account.Role;
import nl.samenspraak.agreement.AgreementOptions;
import nl.samenspraak.agreement.AgreementResult;
import nl.samenspraak.agreement.Coefficient;
import nl.samenspraak.agreement.IccResult;
import nl.samenspraak.agreement.Level;
import nl.samenspraak.agreement.Reliability;
import nl.samenspraak.agreement.ReliabilityData;
import nl.samenspraak.report.CodedProject;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static nl.samenspraak.report.CodedProject.CODERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** One coded project for all tests (they only read; the blind-coding test switches it back). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectReliabilityHttpTest {
    /** The service passes the engine's doubles through JSON: only the last printed digit may differ. */
    static final double SAME = 1e-12;

    @TempDir static Path dir;
    TestApp app;
    CodedProject p;

    @BeforeAll void start() {
        app = TestApp.start(dir);
        p = new CodedProject(app);
    }

    @AfterAll void stop() { app.close(); }

    /** The 'step' matrix as the service should build it: units in transcript order, one column per coder. */
    ReliabilityData engineMatrix(List<String> coders, List<Integer> transcripts) {
        List<String[]> units = new ArrayList<>();
        for (int t : transcripts) {
            for (int i = 0; i < p.roles.get(t).size(); i++) {
                int unit = i, transcript = t;
                units.add(coders.stream().map(c -> CodedProject.code(c, transcript, unit)).toArray(String[]::new));
            }
        }
        return ReliabilityData.fromLabels(coders, units, CodedProject.STEPS);
    }

    static JsonNode dimension(JsonNode body, String key) {
        for (JsonNode d : body.path("dimensions")) if (d.path("dimension").asText().equals(key)) return d;
        throw new AssertionError("no dimension " + key);
    }

    static JsonNode coefficient(JsonNode coefficients, String key) {
        for (JsonNode c : coefficients) if (c.path("key").asText().equals(key)) return c;
        throw new AssertionError("no coefficient " + key + " in " + coefficients);
    }

    @Test
    void an_analyst_gets_every_coefficient_of_a_dimension_as_the_engine_computes_it_on_the_same_matrix() {
        Http.Response r = p.analyst.get(p.url("/reliability?bootstrap=500&seed=7"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode step = dimension(r.json(), "step").path("result");
        AgreementResult expected = Reliability.compute(engineMatrix(CODERS, List.of(0, 1, 2)), AgreementOptions.of(Level.NOMINAL).withBootstrap(500, 7));
        assertThat(step.path("units").asInt()).isEqualTo(expected.units());
        assertThat(step.path("coders")).extracting(JsonNode::asText).containsExactlyElementsOf(CODERS);
        for (Coefficient c : DimensionAnalysis.NOMINAL) {
            JsonNode got = coefficient(step.path("coefficients"), c.key());
            if (expected.estimate(c).defined()) assertThat(got.path("value").asDouble()).as(c.key()).isCloseTo(expected.estimate(c).value(), within(SAME));
            else assertThat(got.path("reason").asText()).as(c.key()).isEqualTo(expected.estimate(c).reason());
        }
        JsonNode alpha = coefficient(step.path("coefficients"), "krippendorff_alpha");
        assertThat(alpha.path("ciLow").asDouble()).isCloseTo(expected.bootstrap().low(), within(SAME));
        assertThat(alpha.path("ciHigh").asDouble()).isCloseTo(expected.bootstrap().high(), within(SAME));
        assertThat(alpha.path("interpretation").path("en").asText()).startsWith("alpha = ").contains("Krippendorff's 0.667/0.800 rule");
        assertThat(alpha.path("interpretation").path("nl").asText()).contains("Krippendorffs grenzen 0,667/0,800");
        // Three coders: Cohen's kappa is for two, and says so.
        assertThat(coefficient(step.path("coefficients"), "cohen_kappa").path("value").isNull()).isTrue();
        assertThat(coefficient(step.path("coefficients"), "cohen_kappa").path("interpretation").path("key").asText()).isEqualTo("undefined");
        // Per category with the codebook's labels, confusion matrices per pair of coders by name.
        assertThat(step.path("categories")).hasSize(4);
        assertThat(step.path("categories").get(0).path("label").path("en").asText()).isEqualTo("Team talk");
        assertThat(step.path("categories").get(0).path("kappa").asDouble()).isCloseTo(expected.perCategory().get(0).kappa().value(), within(SAME));
        assertThat(step.path("confusion")).hasSize(3);
        assertThat(step.path("confusion").get(0).path("coderA").asText()).isEqualTo("anna");
        assertThat(step.path("confusion").get(0).path("coderB").asText()).isEqualTo("bram");
        assertThat(step.path("confusion").get(0).path("counts").get(0).get(0).asLong()).isEqualTo(expected.confusion().get(0).counts()[0][0]);
    }

    @Test
    void each_transcript_gets_its_own_figures_without_bootstrap() {
        JsonNode step = dimension(p.analyst.get(p.url("/reliability?bootstrap=0")).json(), "step");
        assertThat(step.path("perTranscript")).hasSize(3);
        JsonNode second = step.path("perTranscript").get(1);
        assertThat(second.path("transcriptId").asLong()).isEqualTo(p.transcripts.get(1));
        AgreementResult expected = Reliability.compute(engineMatrix(CODERS, List.of(1)), AgreementOptions.of(Level.NOMINAL));
        assertThat(coefficient(second.path("coefficients"), "krippendorff_alpha").path("value").asDouble())
                .isCloseTo(expected.estimate(Coefficient.KRIPPENDORFF_ALPHA).value(), within(SAME));
        assertThat(coefficient(step.path("result").path("coefficients"), "krippendorff_alpha").path("ciLow").isNull()).isTrue();
    }

    @Test
    void choosing_two_coders_and_two_transcripts_computes_over_just_those() {
        long bram = app.jdbi.withHandle(h -> h.createQuery("SELECT id FROM users WHERE name = 'bram'").mapTo(Long.class).one());
        long anna = app.jdbi.withHandle(h -> h.createQuery("SELECT id FROM users WHERE name = 'anna'").mapTo(Long.class).one());
        Http.Response r = p.analyst.get(p.url("/reliability?bootstrap=0&coders=" + anna + "," + bram + "&transcripts="
                + p.transcripts.get(0) + "," + p.transcripts.get(2)));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("coders")).extracting(c -> c.path("name").asText()).containsExactly("anna", "bram");
        JsonNode step = dimension(r.json(), "step").path("result");
        AgreementResult expected = Reliability.compute(engineMatrix(List.of("anna", "bram"), List.of(0, 2)), AgreementOptions.of(Level.NOMINAL));
        assertThat(step.path("units").asInt()).isEqualTo(p.roles.get(0).size() + p.roles.get(2).size());
        assertThat(coefficient(step.path("coefficients"), "cohen_kappa").path("value").asDouble())
                .isCloseTo(expected.estimate(Coefficient.COHEN_KAPPA).value(), within(SAME));
        assertThat(coefficient(step.path("coefficients"), "cohen_kappa").path("interpretation").path("key").asText()).startsWith("kappa.");
    }

    @Test
    void an_unknown_coder_or_transcript_in_the_selection_is_refused_naming_it() {
        Http.Response coder = p.analyst.get(p.url("/reliability?coders=99999"));
        assertThat(coder.status()).isEqualTo(400);
        assertThat(coder.error()).contains("coders").contains("99999");
        Http.Response transcript = p.analyst.get(p.url("/reliability?transcripts=abc"));
        assertThat(transcript.status()).isEqualTo(400);
        assertThat(transcript.error()).contains("transcripts").contains("abc");
        assertThat(p.analyst.get(p.url("/reliability?bootstrap=-1")).status()).isEqualTo(400);
    }

    @Test
    void a_coder_gets_403_while_blind_coding_is_on_and_may_look_once_it_is_off() {
        Http anna = p.coders.get("anna");
        Http.Response blind = anna.get(p.url("/reliability"));
        assertThat(blind.status()).isEqualTo(403);
        assertThat(blind.error()).contains("blind");
        assertThat(anna.get(p.url("/report")).status()).isEqualTo(403);
        assertThat(anna.get("/api/transcripts/" + p.transcripts.get(0) + "/report").status()).isEqualTo(403);
        assertThat(app.loggedIn("stranger", Role.ANALYST).get(p.url("/reliability")).status()).isEqualTo(404);
        assertThat(p.admin.patch(p.url(""), Map.of("blindCoding", false)).status()).isEqualTo(200);
        try {
            assertThat(anna.get(p.url("/reliability?bootstrap=0")).status()).isEqualTo(200);
        } finally {
            assertThat(p.admin.patch(p.url(""), Map.of("blindCoding", true)).status()).isEqualTo(200);
        }
    }

    @Test
    void rating_items_and_the_option_5_total_get_iccs_alpha_and_weighted_kappa_with_transcripts_as_units() {
        JsonNode ratings = p.analyst.get(p.url("/reliability?bootstrap=0")).json().path("ratings");
        assertThat(ratings).hasSize(p.optionItems.size() + 1);
        JsonNode first = ratings.get(0);
        assertThat(first.path("item").asText()).isEqualTo(p.optionItems.get(0));
        assertThat(first.path("units").asInt()).isEqualTo(3);
        List<String[]> units = IntStream.range(0, 3).mapToObj(t -> new String[]{
                String.valueOf(CodedProject.rating("anna", t, 0)), String.valueOf(CodedProject.rating("bram", t, 0))}).toList();
        ReliabilityData data = ReliabilityData.fromLabels(List.of("anna", "bram"), units, List.of("0", "1", "2", "3", "4"));
        AgreementResult interval = Reliability.compute(data, AgreementOptions.of(Level.INTERVAL));
        AgreementResult ordinal = Reliability.compute(data, AgreementOptions.of(Level.ORDINAL));
        IccResult icc21 = interval.icc().stream().filter(i -> i.form() == Coefficient.ICC_2_1).findFirst().orElseThrow();
        JsonNode gotIcc = coefficient(first.path("coefficients"), "icc_2_1");
        if (icc21.value().defined()) {
            assertThat(gotIcc.path("value").asDouble()).isCloseTo(icc21.value().value(), within(SAME));
            assertThat(gotIcc.path("ciMethod").asText()).isEqualTo("F");
        } else {
            assertThat(gotIcc.path("reason").asText()).isEqualTo(icc21.value().reason());
        }
        assertCoefficient(first, "krippendorff_alpha_ordinal", ordinal, Coefficient.KRIPPENDORFF_ALPHA);
        assertCoefficient(first, "krippendorff_alpha_interval", interval, Coefficient.KRIPPENDORFF_ALPHA);
        assertCoefficient(first, "weighted_kappa_quadratic", interval, Coefficient.WEIGHTED_KAPPA_QUADRATIC);
        JsonNode total = ratings.get(p.optionItems.size());
        assertThat(total.path("item").isNull()).isTrue();
        assertThat(total.path("units").asInt()).isEqualTo(3);
        assertThat(total.path("coders")).hasSize(2);
    }

    private static void assertCoefficient(JsonNode analysis, String key, AgreementResult expected, Coefficient c) {
        JsonNode got = coefficient(analysis.path("coefficients"), key);
        if (expected.estimate(c).defined()) assertThat(got.path("value").asDouble()).as(key).isCloseTo(expected.estimate(c).value(), within(SAME));
        else assertThat(got.path("reason").asText()).as(key).isEqualTo(expected.estimate(c).reason());
    }

    @Test
    void per_session_code_counts_are_correlated_per_pair_of_coders_as_in_rias_reliability() {
        JsonNode frequencies = p.analyst.get(p.url("/reliability?bootstrap=0")).json().path("frequencies");
        JsonNode teamTalk = null;
        for (JsonNode f : frequencies) {
            if (f.path("key").asText().equals("team-talk") && f.path("role").asText().equals("professional")) teamTalk = f;
        }
        assertThat(teamTalk).isNotNull();
        assertThat(teamTalk.path("kind").asText()).isEqualTo("code");
        assertThat(teamTalk.path("sessions").asInt()).isEqualTo(3);
        double[] anna = counts("anna", "team-talk", "professional"), bram = counts("bram", "team-talk", "professional");
        JsonNode pair = teamTalk.path("pearson").get(0);
        assertThat(pair.path("coderA").asText()).isEqualTo("anna");
        assertThat(pair.path("coderB").asText()).isEqualTo("bram");
        if (pair.path("r").isNull()) {
            assertThat(pair.path("reason").asText()).contains("does not vary");
        } else {
            assertThat(pair.path("r").asDouble()).isCloseTo(new PearsonsCorrelation().correlation(anna, bram), within(SAME));
        }
        assertThat(teamTalk.path("icc")).hasSize(6);
        boolean anyComposite = false;
        for (JsonNode f : frequencies) anyComposite |= f.path("kind").asText().equals("composite");
        assertThat(anyComposite).isTrue();
    }

    /** A coder's count of a code for a role, per transcript, from the plan. */
    private double[] counts(String coder, String code, String role) {
        double[] n = new double[3];
        for (int t = 0; t < 3; t++) {
            for (int i = 0; i < p.roles.get(t).size(); i++) {
                if (p.roles.get(t).get(i).equals(role) && code.equals(CodedProject.code(coder, t, i))) n[t]++;
            }
        }
        return n;
    }
}
