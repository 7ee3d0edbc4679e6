package nl.samenspraak.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspraak.account.Role;
import nl.samenspraak.agreement.KrippendorffUnitizing;
import nl.samenspraak.agreement.UnitizingData;
import nl.samenspraak.agreement.UnitizingResult;
import nl.samenspraak.support.Fixtures;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Two coders unitize one recording independently (project setting 'unitizing: independent', issue 14), over HTTP on a
 * real server: each gets their own copy and cannot see the other's, and the reliability route's alpha_U is the engine's
 * ({@link KrippendorffUnitizing}) on the same units, 1 for identical units, with the coding agreement on matched units.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndependentUnitizingHttpTest {
    static final double SAME = 1e-12;

    @TempDir static Path dir;
    TestApp app;
    Http admin, anna, bert;
    long project;
    String dim, codeA, codeB;

    @BeforeAll void start() {
        app = TestApp.start(dir);
        admin = app.loggedIn("root", Role.ADMIN);
        anna = app.loggedIn("anna", Role.CODER);
        bert = app.loggedIn("bert", Role.CODER);
        project = Fixtures.project(admin, app.unique("Apart"));
        Fixtures.member(admin, project, "anna", "coder");
        Fixtures.member(admin, project, "bert", "coder");
        JsonNode settings = ok(admin.patch("/api/projects/" + project, body("unitizing", "independent")));
        assertThat(settings.path("unitizing").asText()).isEqualTo("independent");
        assertThat(ok(admin.get("/api/projects/" + project + "/settings")).path("unitizing").asText()).isEqualTo("independent");
        dim = Fixtures.firstDimension(admin);
        codeA = Fixtures.codeFor(admin, dim, "client", 0);
        codeB = Fixtures.codeFor(admin, dim, "client", 1);
    }

    @AfterAll void stop() { app.close(); }

    private static Map<String, Object> body(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    private static JsonNode ok(Http.Response r) {
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        return r.json();
    }

    private long recording(String name) {
        Http.Response made = admin.postFile("/api/projects/" + project + "/recordings", name, Fixtures.silentWav(10), Map.of());
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        assertThat(made.json().path("recording").path("durationMs").asLong()).isEqualTo(10_000);
        return made.json().path("transcript").path("id").asLong();
    }

    /** The coder's own copy of the recording, found in their list of transcripts (which makes it). */
    private long copyOf(Http coder, String coderName, String recording) {
        JsonNode list = ok(coder.get("/api/projects/" + project + "/transcripts"));
        long found = -1;
        for (JsonNode t : list) {
            assertThat(t.path("name").asText()).as("a coder's list holds their copies, not the recordings").isNotEqualTo(recording);
            if (t.path("name").asText().equals(recording + " · " + coderName)) found = t.path("id").asLong();
        }
        assertThat(found).as(list.toString()).isPositive();
        return found;
    }

    /** Makes units [start, end) with codes (null: uncoded) in the coder's copy. */
    private void unitize(Http coder, long copy, long[][] spans, String[] codes) {
        for (long[] s : spans) ok(coder.post("/api/transcripts/" + copy + "/units", body("startMs", s[0], "endMs", s[1], "role", "client")));
        List<Long> ids = Fixtures.unitIds(coder, copy);
        for (int i = 0; i < ids.size(); i++) if (codes[i] != null) Fixtures.code(coder, ids.get(i), dim, codes[i]);
    }

    private JsonNode recordingIn(JsonNode rel, long source) {
        for (JsonNode r : rel.path("recordings")) if (r.path("transcriptId").asLong() == source) return r;
        throw new AssertionError("recording " + source + " not in " + rel);
    }

    private static JsonNode dimension(JsonNode recording, String key) {
        for (JsonNode d : recording.path("dimensions")) if (d.path("dimension").asText().equals(key)) return d;
        throw new AssertionError(key);
    }

    @Test
    void each_coder_unitizes_their_own_copy_and_alpha_u_is_the_engines() {
        long source = recording("gesprek-een.wav");
        long annaCopy = copyOf(anna, "anna", "gesprek-een");
        long bertCopy = copyOf(bert, "bert", "gesprek-een");
        assertThat(annaCopy).isNotEqualTo(bertCopy);
        // Reading the list again makes no second copy.
        assertThat(copyOf(anna, "anna", "gesprek-een")).isEqualTo(annaCopy);
        assertThat(app.count("SELECT COUNT(*) FROM transcripts WHERE source_transcript_id = " + source)).isEqualTo(2);
        // Staff see the recording and both copies; each copy plays the same recording.
        JsonNode all = ok(admin.get("/api/projects/" + project + "/transcripts"));
        assertThat(all.toString()).contains("\"gesprek-een\"", "gesprek-een · anna", "gesprek-een · bert");
        assertThat(anna.get("/api/transcripts/" + annaCopy + "/media").status()).isIn(200, 206);

        long[][] a = {{0, 2000}, {2000, 5000}, {5000, 9000}};
        long[][] b = {{0, 2500}, {2500, 5000}, {6000, 10_000}};
        unitize(anna, annaCopy, a, new String[]{codeA, codeB, codeA});
        unitize(bert, bertCopy, b, new String[]{codeA, codeA, null});

        // Neither coder can see or change the other's units, nor unitize the recording itself.
        assertThat(anna.get("/api/transcripts/" + bertCopy).status()).isEqualTo(404);
        assertThat(bert.get("/api/transcripts/" + annaCopy).status()).isEqualTo(404);
        assertThat(anna.post("/api/transcripts/" + bertCopy + "/units", body("startMs", 9000, "endMs", 9500, "role", "client")).status()).isEqualTo(404);
        assertThat(anna.get("/api/transcripts/" + source).status()).isEqualTo(404);
        assertThat(ok(anna.get("/api/transcripts/" + annaCopy)).path("utterances").size()).isEqualTo(3);
        // Coders code blind, so they may not read the reliability of everyone's units.
        assertThat(anna.get("/api/projects/" + project + "/reliability/unitizing").status()).isEqualTo(403);

        JsonNode rel = ok(admin.get("/api/projects/" + project + "/reliability/unitizing"));
        assertThat(rel.path("source").asText()).contains("Krippendorff", "2004", "p. 254", "DKPro");
        assertThat(rel.path("matchRule").asText()).contains("half of the shorter unit");
        JsonNode r = recordingIn(rel, source);
        assertThat(r.path("durationMs").asLong()).isEqualTo(10_000);
        assertThat(r.path("copies")).hasSize(2);

        // The segmentation alone: every unit one category.
        List<UnitizingData.Unit> seg = new ArrayList<>();
        for (long[] s : a) seg.add(new UnitizingData.Unit(0, 0, s[0], s[1] - s[0]));
        for (long[] s : b) seg.add(new UnitizingData.Unit(1, 0, s[0], s[1] - s[0]));
        UnitizingResult expected = KrippendorffUnitizing.compute(new UnitizingData(0, 10_000, List.of("anna", "bert"), List.of("unit"), seg));
        assertThat(r.path("segmentation").path("alpha").asDouble()).isCloseTo(expected.alpha().value(), within(SAME));
        assertThat(r.path("segmentation").path("units").asInt()).isEqualTo(6);

        // Per dimension, the codes as categories; bert's uncoded last unit belongs to none.
        List<UnitizingData.Unit> coded = new ArrayList<>();
        coded.add(new UnitizingData.Unit(0, 0, 0, 2000));
        coded.add(new UnitizingData.Unit(0, 1, 2000, 3000));
        coded.add(new UnitizingData.Unit(0, 0, 5000, 4000));
        coded.add(new UnitizingData.Unit(1, 0, 0, 2500));
        coded.add(new UnitizingData.Unit(1, 0, 2500, 2500));
        UnitizingResult byCode = KrippendorffUnitizing.compute(new UnitizingData(0, 10_000, List.of("anna", "bert"), List.of(codeA, codeB), coded));
        JsonNode d = dimension(r, dim);
        assertThat(d.path("unitizing").path("alpha").asDouble()).isCloseTo(byCode.alpha().value(), within(SAME));
        assertThat(d.path("unitizing").path("uncoded").asInt()).isEqualTo(1);
        for (JsonNode c : d.path("unitizing").path("perCategory")) {
            UnitizingResult.Category want = byCode.perCategory().stream().filter(x -> x.category().equals(c.path("category").asText())).findFirst().orElseThrow();
            assertThat(c.path("alpha").asDouble()).isCloseTo(want.alpha().value(), within(SAME));
            assertThat(c.path("observedDisagreement").asDouble()).isCloseTo(want.observedDisagreement().value(), within(SAME));
        }

        // Matched units: (0–2000, 0–2500), (2000–5000, 2500–5000), (5000–9000, 6000–10000): codes A/A, B/A, A/none.
        JsonNode m = d.path("matched").get(0);
        assertThat(m.path("matched").asInt()).isEqualTo(3);
        assertThat(m.path("units").asInt()).isEqualTo(3);
        assertThat(m.path("unmatchedA").asInt()).isZero();
        JsonNode agreement = m.path("coefficients").get(0);
        assertThat(agreement.path("key").asText()).isEqualTo("percent_agreement");
        assertThat(agreement.path("value").asDouble()).isCloseTo(0.5, within(SAME));
    }

    @Test
    void identical_units_agree_perfectly() {
        long source = recording("gesprek-twee.wav");
        long annaCopy = copyOf(anna, "anna", "gesprek-twee");
        long bertCopy = copyOf(bert, "bert", "gesprek-twee");
        long[][] same = {{500, 3000}, {3000, 7000}, {7000, 9500}};
        String[] codes = {codeA, codeB, codeA};
        unitize(anna, annaCopy, same, codes);
        unitize(bert, bertCopy, same, codes);
        JsonNode r = recordingIn(ok(admin.get("/api/projects/" + project + "/reliability/unitizing?transcripts=" + source)), source);
        assertThat(r.path("segmentation").path("alpha").asDouble()).isEqualTo(1.0);
        JsonNode d = dimension(r, dim);
        assertThat(d.path("unitizing").path("alpha").asDouble()).isEqualTo(1.0);
        assertThat(d.path("unitizing").path("perCategory")).allSatisfy(c -> assertThat(c.path("alpha").asDouble()).isEqualTo(1.0));
        JsonNode m = d.path("matched").get(0);
        assertThat(m.path("matched").asInt()).isEqualTo(3);
        for (JsonNode c : m.path("coefficients")) assertThat(c.path("value").asDouble()).as(c.toString()).isEqualTo(1.0);
    }

    /**
     * alpha_U pooled over the chosen recordings on the route: the engine on the two recordings laid end to end (the
     * second's units shifted by the first's 10 s), computed here directly; one recording pooled is its own figure.
     */
    @Test
    void pooled_alpha_u_is_the_engines_on_the_recordings_end_to_end() {
        long first = recording("pool-a.wav");
        long second = recording("pool-b.wav");
        long[][] a1 = {{0, 3000}, {3000, 8000}};
        long[][] b1 = {{0, 2500}, {2500, 8000}, {8000, 10_000}};
        long[][] a2 = {{1000, 4000}, {4000, 9000}};
        long[][] b2 = {{500, 4000}, {5000, 9500}};
        unitize(anna, copyOf(anna, "anna", "pool-a"), a1, new String[]{codeA, codeB});
        unitize(bert, copyOf(bert, "bert", "pool-a"), b1, new String[]{codeA, codeB, codeA});
        unitize(anna, copyOf(anna, "anna", "pool-b"), a2, new String[]{codeB, codeA});
        unitize(bert, copyOf(bert, "bert", "pool-b"), b2, new String[]{codeB, codeB});

        JsonNode rel = ok(admin.get("/api/projects/" + project + "/reliability/unitizing?transcripts=" + first + "," + second));
        JsonNode pooled = rel.path("pooled");
        assertThat(pooled.path("transcriptIds").toString()).isEqualTo("[" + first + "," + second + "]");
        assertThat(pooled.path("lengthMs").asLong()).isEqualTo(20_000);
        assertThat(pooled.path("coders").toString()).isEqualTo("[\"anna\",\"bert\"]");
        List<UnitizingData.Unit> seg = new ArrayList<>();
        List<UnitizingData.Unit> coded = new ArrayList<>();
        String[][] codes = {{codeA, codeB}, {codeA, codeB, codeA}, {codeB, codeA}, {codeB, codeB}};
        long[][][] spans = {a1, b1, a2, b2};
        for (int k = 0; k < 4; k++) {
            int coder = k % 2;
            long offset = k < 2 ? 0 : 10_000;
            for (int i = 0; i < spans[k].length; i++) {
                long[] u = spans[k][i];
                seg.add(new UnitizingData.Unit(coder, 0, u[0] + offset, u[1] - u[0]));
                coded.add(new UnitizingData.Unit(coder, codes[k][i].equals(codeA) ? 0 : 1, u[0] + offset, u[1] - u[0]));
            }
        }
        UnitizingResult segmentation = KrippendorffUnitizing.compute(new UnitizingData(0, 20_000, List.of("anna", "bert"), List.of("unit"), seg));
        UnitizingResult byCode = KrippendorffUnitizing.compute(new UnitizingData(0, 20_000, List.of("anna", "bert"), List.of(codeA, codeB), coded));
        assertThat(pooled.path("segmentation").path("alpha").asDouble()).isCloseTo(segmentation.alpha().value(), within(SAME));
        JsonNode d = null;
        for (JsonNode x : pooled.path("dimensions")) if (x.path("dimension").asText().equals(dim)) d = x;
        assertThat(d).isNotNull();
        assertThat(d.path("unitizing").path("alpha").asDouble()).isCloseTo(byCode.alpha().value(), within(SAME));

        JsonNode alone = ok(admin.get("/api/projects/" + project + "/reliability/unitizing?transcripts=" + second));
        assertThat(alone.path("pooled").path("segmentation").path("alpha").asDouble())
                .isEqualTo(recordingIn(alone, second).path("segmentation").path("alpha").asDouble());
        assertThat(alone.path("pooled").path("lengthMs").asLong()).isEqualTo(10_000);
    }

    /**
     * Copies are there before any coder opens a list: for the coders in the project when staff choose 'independent',
     * for every coder when a recording is added, and for a coder who joins; making them again makes none.
     */
    @Test
    void copies_are_made_when_independent_is_chosen_a_recording_is_added_and_a_coder_joins() {
        long other = Fixtures.project(admin, app.unique("Vooraf"));
        Fixtures.member(admin, other, "anna", "coder");
        Fixtures.member(admin, other, "bert", "coder");
        Http.Response made = admin.postFile("/api/projects/" + other + "/recordings", "vooraf-een.wav", Fixtures.silentWav(4), Map.of());
        long first = made.json().path("transcript").path("id").asLong();
        String copies = "SELECT COUNT(*) FROM transcripts WHERE project_id = " + other + " AND source_transcript_id IS NOT NULL AND deleted_at IS NULL";
        assertThat(app.count(copies)).as("no copies while coders share the units").isZero();

        ok(admin.patch("/api/projects/" + other, body("unitizing", "independent")));
        assertThat(app.count(copies)).as("one copy per coder, no list read").isEqualTo(2);
        assertThat(app.count("SELECT COUNT(*) FROM transcripts WHERE source_transcript_id = " + first + " AND deleted_at IS NULL")).isEqualTo(2);

        Http.Response second = admin.postFile("/api/projects/" + other + "/recordings", "vooraf-twee.wav", Fixtures.silentWav(4), Map.of());
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(app.count(copies)).as("the new recording's copies at once").isEqualTo(4);

        String cora = app.unique("cora");
        app.user(cora, Role.CODER);
        Fixtures.member(admin, other, cora, "coder");
        assertThat(app.count(copies)).as("a coder who joins has their copies at once").isEqualTo(6);

        ok(admin.patch("/api/projects/" + other, body("unitizing", "independent")));
        for (Http coder : List.of(anna, bert)) ok(coder.get("/api/projects/" + other + "/transcripts"));
        assertThat(app.count(copies)).as("making them again makes none").isEqualTo(6);
        JsonNode annas = ok(anna.get("/api/projects/" + other + "/transcripts"));
        assertThat(annas).hasSize(2);
        assertThat(annas.toString()).contains("vooraf-een · anna", "vooraf-twee · anna");
    }

    /**
     * A replaced recording: copies without units take the new one over (they play the same file); once a coder has
     * made units in their copy the recording stays (409 naming the coder), and a copy's own recording is not replaced.
     */
    @Test
    void a_replaced_recording_goes_to_copies_without_units_and_is_refused_once_a_copy_has_units() {
        long source = recording("gesprek-vier.wav");
        long annaCopy = copyOf(anna, "anna", "gesprek-vier");
        long bertCopy = copyOf(bert, "bert", "gesprek-vier");
        byte[] longer = Fixtures.silentWav(12);
        Http.Response replaced = admin.postFile("/api/transcripts/" + source + "/media", "gesprek-vier-goed.wav", longer, Map.of());
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(201);
        for (var c : List.of(Map.entry(anna, annaCopy), Map.entry(bert, bertCopy))) {
            JsonNode info = ok(c.getKey().get("/api/transcripts/" + c.getValue() + "/media/info"));
            assertThat(info.path("fileName").asText()).isEqualTo("gesprek-vier-goed.wav");
            assertThat(info.path("durationMs").asLong()).isEqualTo(12_000);
            assertThat(c.getKey().download("/api/transcripts/" + c.getValue() + "/media").body()).as("the copy plays the new file").isEqualTo(longer);
        }

        unitize(anna, annaCopy, new long[][]{{0, 1500}}, new String[]{null});
        Http.Response refused = admin.postFile("/api/transcripts/" + source + "/media", "nog-een.wav", Fixtures.silentWav(8), Map.of());
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().path("code").asText()).isEqualTo("media.copiesHaveUnits");
        assertThat(refused.error()).contains("anna", "own copies").doesNotContain("bert");
        assertThat(refused.json().path("params").path("coders").asText()).isEqualTo("anna");
        assertThat(ok(admin.get("/api/transcripts/" + source + "/media/info")).path("durationMs").asLong()).as("nothing changed").isEqualTo(12_000);
        assertThat(bert.download("/api/transcripts/" + bertCopy + "/media").body()).isEqualTo(longer);

        Http.Response onCopy = admin.postFile("/api/transcripts/" + bertCopy + "/media", "eigen.wav", Fixtures.silentWav(3), Map.of());
        assertThat(onCopy.status()).as(onCopy.body()).isEqualTo(409);
        assertThat(onCopy.json().path("code").asText()).isEqualTo("media.unitCopy");
        assertThat(onCopy.json().path("params").path("sourceId").asLong()).isEqualTo(source);
    }

    @Test
    void coders_may_not_unitize_the_recording_itself() {
        long source = recording("gesprek-drie.wav");
        // bert's copy was made with the recording, so the recording itself is not open to him.
        assertThat(bert.post("/api/transcripts/" + source + "/units", body("startMs", 0, "endMs", 1000, "role", "client")).status()).isEqualTo(404);
        // Once staff delete his copy the recording is open to him again until his list makes a new one, but its units are not his to make.
        assertThat(admin.delete("/api/transcripts/" + copyOf(bert, "bert", "gesprek-drie")).status()).isEqualTo(204);
        Http.Response r = bert.post("/api/transcripts/" + source + "/units", body("startMs", 0, "endMs", 1000, "role", "client"));
        assertThat(r.status()).as(r.body()).isEqualTo(403);
        assertThat(r.json().path("code").asText()).isEqualTo("unit.ownCopyOnly");
        // Staff still may (their units stay on the recording, not in the copies).
        ok(admin.post("/api/transcripts/" + source + "/units", body("startMs", 0, "endMs", 1000, "role", "client")));
        long copy = copyOf(bert, "bert", "gesprek-drie");
        assertThat(ok(bert.get("/api/transcripts/" + copy)).path("utterances").size()).isZero();
    }
}
