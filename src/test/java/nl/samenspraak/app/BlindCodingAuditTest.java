package nl.samenspraak.app;

import io.javalin.http.HandlerType;
import io.javalin.router.ParsedEndpoint;
import nl.samenspraak.account.Role;
import nl.samenspraak.support.Fixtures;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Blind coding, audited: a coder of a blind project calls every GET route of the route table (read
 * from the running server, so a new route is walked too) while another coder has coded every unit
 * and rated the session with a pattern of their own. Every answer is a refusal or shows the caller's
 * own work only: never the other coder's name, id or codes.
 */
class BlindCodingAuditTest {
    static final String OTHER = "zwijgzaamheid";
    /** A word only in the transcript that is not open to the caller (assigned to the other coder only). */
    static final String SECRET = "Vertrouwelijkheidsverklaring";
    @TempDir static Path dir;
    static TestApp app;
    static Http caller;
    static long project, transcript, unit, otherId, closed, closedUnit;
    static String dimension, otherCode, ownCode;

    @BeforeAll static void start() {
        app = TestApp.start(dir);
        Http admin = app.loggedIn("root", Role.ADMIN);
        project = Fixtures.project(admin, "Blind");
        app.user("caller", Role.CODER);
        otherId = app.user(OTHER, Role.CODER).id();
        Fixtures.member(admin, project, "caller", "coder");
        Fixtures.member(admin, project, OTHER, "coder");
        transcript = Fixtures.transcript(admin, project, "gesprek.txt");
        dimension = Fixtures.firstDimension(admin);
        ownCode = Fixtures.codeFor(admin, dimension, "professional", 0);
        otherCode = Fixtures.codeFor(admin, dimension, "professional", 1);
        Http other = app.as(OTHER);
        caller = app.as("caller");
        var units = admin.get("/api/transcripts/" + transcript).json().path("utterances");
        unit = units.get(0).path("id").asLong();
        for (var u : units) {
            if (!u.path("speakerRole").asText("professional").equals("professional")) continue;
            assertThat(other.put("/api/utterances/" + u.path("id").asLong() + "/codes/" + dimension, Map.of("code", otherCode)).status()).isEqualTo(200);
        }
        var scale = admin.get("/api/codebooks/" + Fixtures.CODEBOOK).json().path("codebook").path("ratingScales").get(0);
        for (var item : scale.path("items")) {
            other.put("/api/transcripts/" + transcript + "/ratings/" + scale.path("key").asText() + "/" + item.path("key").asText(),
                    Map.of("value", item.path("max").asInt()));
        }
        assertThat(caller.put("/api/utterances/" + unit + "/codes/" + dimension, Map.of("code", ownCode)).status()).isEqualTo(200);
        // A second transcript, assigned to the other coder only (so the first one is assigned to both), with a
        // recording and the other coder's coding as the reference of both transcripts (calibration).
        closed = admin.postFile("/api/projects/" + project + "/transcripts", "gesloten.txt",
                ("KM: " + SECRET + " van de klant.\nKlant: Dat is " + SECRET + ".\n").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Map.of("roles", "KM=professional,Klant=client")).json().path("transcripts").get(0).path("id").asLong();
        closedUnit = admin.get("/api/transcripts/" + closed).json().path("utterances").get(0).path("id").asLong();
        long callerId = caller.get("/api/me").json().path("id").asLong();
        assertThat(admin.put("/api/projects/" + project + "/assignments", Map.of("assignments", List.of(
                Map.of("transcriptId", transcript, "userId", callerId), Map.of("transcriptId", transcript, "userId", otherId),
                Map.of("transcriptId", closed, "userId", otherId)))).status()).isEqualTo(200);
        assertThat(other.put("/api/utterances/" + closedUnit + "/codes/" + dimension, Map.of("code", otherCode)).status()).isEqualTo(200);
        for (long t : List.of(transcript, closed)) {
            assertThat(admin.postFile("/api/transcripts/" + t + "/media", "opname.wav", Fixtures.silentWav(1), Map.of())
                    .status()).isEqualTo(201);
            assertThat(admin.put("/api/transcripts/" + t + "/reference", Map.of("coderId", otherId)).status()).isEqualTo(200);
        }
        assertThat(admin.get("/api/transcripts/" + closed).body()).as("what the audit looks for is there").contains(SECRET);
        assertThat(admin.get("/api/transcripts/" + transcript).body()).doesNotContain(otherCode);
        assertThat(admin.get("/api/projects/" + project + "/history").body()).as("what the audit looks for is visible where allowed")
                .contains(OTHER, otherCode, "\"coderId\":" + otherId);
    }

    @AfterAll static void stop() { app.close(); }

    /** A value for every path parameter a GET route may have; an unknown one fails the test, so it gets added here. */
    static String fill(String path) {
        return fill(path, transcript, unit);
    }

    static String fill(String path, long transcript, long unit) {
        Map<String, String> values = Map.of("projectId", "" + project, "transcriptId", "" + transcript, "utteranceId", "" + unit,
                "key", Fixtures.CODEBOOK, "jobId", "no-such-job", "dimension", dimension);
        Matcher m = Pattern.compile("\\{([^}]+)}").matcher(path);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            if (v == null) throw new AssertionError("The audit has no value for {" + m.group(1) + "} in " + path + "; add one.");
            m.appendReplacement(sb, v);
        }
        return m.appendTail(sb).toString();
    }

    @TestFactory
    List<DynamicTest> a_blind_coder_sees_no_other_coders_work_on_any_get_route() {
        List<String> paths = app.app.unsafe.internalRouter.allHttpHandlers().stream().map(pe -> pe.endpoint)
                .filter(e -> e.method == HandlerType.GET && e.path.startsWith("/api/")).map(e -> e.path).distinct().toList();
        assertThat(paths).contains("/api/projects/{projectId}/progress/all", "/api/transcripts/{transcriptId}/codes");
        List<DynamicTest> tests = new ArrayList<>();
        for (String path : paths) {
            tests.add(DynamicTest.dynamicTest("GET " + path, () -> {
                for (String query : List.of("", "?coder=" + otherId + "&coders=" + otherId)) {
                    Http.Response r = caller.get(fill(path) + query);
                    assertThat(r.status()).as(r.body()).isIn(200, 400, 403, 404);
                    if (r.status() != 200) continue;
                    assertThat(r.body()).doesNotContainIgnoringCase(OTHER);
                    assertThat(r.body()).doesNotContainPattern("\"(coderId|userId|coder_id|user_id)\"\\s*:\\s*" + otherId + "\\b");
                    // An ELAN file carries the codebook as controlled vocabularies (every member may read the codebook):
                    // the other coder's code must not be among its annotations.
                    String body = path.endsWith("/export.eaf") ? r.body().replaceAll("(?s)<CONTROLLED_VOCABULARY\\b.*?</CONTROLLED_VOCABULARY>", "") : r.body();
                    if (!path.startsWith("/api/codebooks")) assertThat(body).as("the other coder's code").doesNotContain(otherCode);
                }
            }));
        }
        tests.add(DynamicTest.dynamicTest("own progress counts the caller's codes only", () -> {
            var rows = caller.get("/api/projects/" + project + "/progress").json();
            assertThat(rows.get(0).path("coded").path(dimension).asInt()).isEqualTo(1);
            assertThat(rows.get(0).path("rated").asInt()).isZero();
        }));
        return tests;
    }

    /**
     * "Open to this coder", audited: every GET route that names a transcript or one of its units,
     * called for a transcript assigned to someone else only, is refused (404 as for a transcript that
     * is not there, or 403), and no route of the table answers a word of that transcript's text.
     */
    @TestFactory
    List<DynamicTest> a_coder_gets_nothing_of_a_transcript_not_open_to_them() {
        List<String> paths = app.app.unsafe.internalRouter.allHttpHandlers().stream().map(pe -> pe.endpoint)
                .filter(e -> e.method == HandlerType.GET && e.path.startsWith("/api/")).map(e -> e.path).distinct().toList();
        assertThat(paths).contains("/api/transcripts/{transcriptId}/media", "/api/transcripts/{transcriptId}/media/info",
                "/api/transcripts/{transcriptId}/calibration");
        List<DynamicTest> tests = new ArrayList<>();
        for (String path : paths) {
            boolean names = path.contains("{transcriptId}") || path.contains("{utteranceId}");
            tests.add(DynamicTest.dynamicTest("GET " + path, () -> {
                Http.Response r = caller.get(fill(path, closed, closedUnit));
                if (names) assertThat(r.status()).as(r.body()).isIn(403, 404);
                assertThat(r.body()).doesNotContain(SECRET);
            }));
        }
        return tests;
    }
}
