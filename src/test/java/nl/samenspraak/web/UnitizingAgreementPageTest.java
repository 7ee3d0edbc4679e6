package nl.samenspraak.web;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspraak.account.Role;
import nl.samenspraak.support.Browser;
import nl.samenspraak.support.BrowserExtension;
import nl.samenspraak.support.Fixtures;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.support.ui.Select;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reliability page's "Unitizing agreement" in a real browser: two coders unitize one recording independently
 * (project setting 'unitizing: independent', chosen on the settings page), and the page shows alpha_U of the
 * segmentation as the API computes it, per recording and pooled over both recordings, with its source and the matching
 * rule, in English and in Dutch; the transcripts page marks each coder's copy, and the assignment grid leaves copies out.
 */
@ExtendWith(BrowserExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.parallel.ResourceLock("chromium")
class UnitizingAgreementPageTest {
    TestApp app;
    Browser browser;
    Http admin;
    long project, source;

    @BeforeAll void start(TestApp app, Browser browser) {
        this.app = app;
        this.browser = browser;
        admin = app.loggedIn("root", Role.ADMIN);
        Http anna = app.loggedIn("anna", Role.CODER);
        Http bert = app.loggedIn("bert", Role.CODER);
        project = Fixtures.project(admin, "Apart opnemen");
        Fixtures.member(admin, project, "anna", "coder");
        Fixtures.member(admin, project, "bert", "coder");
        Http.Response made = admin.postFile("/api/projects/" + project + "/recordings", "sessie.wav", Fixtures.silentWav(10), Map.of());
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        source = made.json().path("transcript").path("id").asLong();

        // The admin chooses independent unitizing on the settings page.
        browser.logInAs(app, "root", "settings.html?p=" + project);
        new Select(browser.find("#unitizing")).selectByValue("independent");
        browser.click("#project-form button[type=submit]");
        browser.until(d -> "independent".equals(admin.get("/api/projects/" + project + "/settings").json().path("unitizing").asText()));

        String dim = Fixtures.firstDimension(admin);
        String code = Fixtures.codeFor(admin, dim, "client", 0);
        unitize(anna, "anna", "sessie", new long[][]{{0, 2000}, {2000, 5000}, {5000, 9000}}, dim, code);
        unitize(bert, "bert", "sessie", new long[][]{{0, 2500}, {2500, 5000}, {6000, 10_000}}, dim, code);
        // A second recording, so that the page shows alpha_U pooled over both.
        Http.Response second = admin.postFile("/api/projects/" + project + "/recordings", "sessie-twee.wav", Fixtures.silentWav(10), Map.of());
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        unitize(anna, "anna", "sessie-twee", new long[][]{{0, 4000}, {4000, 9000}}, dim, code);
        unitize(bert, "bert", "sessie-twee", new long[][]{{0, 3000}, {3000, 9000}}, dim, code);
    }

    private void unitize(Http coder, String name, String recording, long[][] spans, String dim, String code) {
        long copy = -1;
        for (JsonNode t : coder.get("/api/projects/" + project + "/transcripts").json()) {
            if (t.path("name").asText().equals(recording + " · " + name)) copy = t.path("id").asLong();
        }
        assertThat(copy).isPositive();
        for (long[] s : spans) {
            Map<String, Object> body = new HashMap<>(Map.of("startMs", s[0], "endMs", s[1], "role", "client"));
            Http.Response r = coder.post("/api/transcripts/" + copy + "/units", body);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        List<Long> ids = Fixtures.unitIds(coder, copy);
        for (long id : ids) Fixtures.code(coder, id, dim, code);
    }

    private JsonNode api() {
        Http.Response r = admin.get("/api/projects/" + project + "/reliability/unitizing");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void the_section_shows_alpha_u_its_source_and_the_matching_rule_in_english_and_dutch() {
        browser.logInAs(app, "root", "reliability.html?p=" + project);
        browser.js("localStorage.removeItem('samenspraak.lang')");
        new Select(browser.find("#language")).selectByValue("en");
        browser.until(d -> "Reliability".equals(browser.text("h1")));
        JsonNode all = api();
        JsonNode r = all.path("recordings").get(0);
        assertThat(r.path("transcriptId").asLong()).isEqualTo(source);
        String block = "#unitizing [data-recording='" + source + "'] ";
        String alpha = String.format(Locale.ENGLISH, "%.3f", r.path("segmentation").path("alpha").asDouble());
        String pooled = String.format(Locale.ENGLISH, "%.3f", all.path("pooled").path("segmentation").path("alpha").asDouble());
        assertThat(pooled).isNotEqualTo(alpha);
        assertThat(browser.text("#unitizing h2")).isEqualTo("Unitizing agreement");
        assertThat(browser.text("#unitizing-pooled h3")).isEqualTo("All recordings together");
        assertThat(browser.text("#unitizing-pooled .meta")).contains("2 recordings laid end to end", "20.0 s", "anna, bert");
        assertThat(browser.text("#unitizing-pooled tr[data-key=segmentation] td.num")).isEqualTo(pooled);
        assertThat(browser.text(block + "h3")).isEqualTo("sessie");
        assertThat(browser.text(block + "tr[data-key=segmentation] td.num")).isEqualTo(alpha);
        assertThat(browser.text("#unitizing .source")).contains("Krippendorff", "2004", "p. 254", "DKPro");
        assertThat(browser.text("#unitizing .match-rule")).contains("at least half of the shorter unit");
        assertThat(browser.text(block + ".meta")).contains("anna (3 units)", "bert (3 units)");
        assertThat(browser.all("#unitizing table.unitizing-matched tbody tr")).isNotEmpty();
        assertThat(browser.text("#unitizing")).doesNotContain("NaN");

        new Select(browser.find("#language")).selectByValue("nl");
        browser.until(d -> "Betrouwbaarheid".equals(browser.text("h1")));
        assertThat(browser.text("#unitizing h2")).isEqualTo("Overeenstemming in eenheden");
        assertThat(browser.text(block + "tr[data-key=segmentation] th")).isEqualTo("Segmentatie (alleen eenheden)");
        assertThat(browser.text(block + "tr[data-key=segmentation] td.num")).isEqualTo(alpha.replace('.', ','));
        assertThat(browser.text("#unitizing-pooled h3")).isEqualTo("Alle opnamen samen");
        assertThat(browser.text("#unitizing-pooled .meta")).contains("2 opnamen achter elkaar", "20,0 s");
        assertThat(browser.text("#unitizing-pooled tr[data-key=segmentation] td.num")).isEqualTo(pooled.replace('.', ','));
        assertThat(browser.text("#unitizing .source")).startsWith("Bron:").contains("p. 254");
        assertThat(browser.text("#unitizing .match-rule")).contains("minstens de helft van de kortste eenheid");
        assertThat(browser.scriptErrors()).isEmpty();
        browser.js("localStorage.removeItem('samenspraak.lang')");
    }

    /** Staff see which transcript is whose copy of which recording; copies are not offered for assignment. */
    @Test
    void the_transcripts_page_marks_each_coders_copy_and_the_assignment_grid_leaves_copies_out() {
        Map<String, Long> ids = new HashMap<>();
        for (JsonNode t : admin.get("/api/projects/" + project + "/transcripts").json()) ids.put(t.path("name").asText(), t.path("id").asLong());
        long annas = ids.get("sessie · anna");
        JsonNode copy = admin.get("/api/transcripts/" + annas).json().path("transcript");
        assertThat(copy.path("sourceTranscriptId").asLong()).isEqualTo(source);
        assertThat(copy.path("sourceTranscript").asText()).isEqualTo("sessie");
        assertThat(copy.path("unitizedByName").asText()).isEqualTo("anna");
        assertThat(admin.get("/api/transcripts/" + source).json().path("transcript").path("unitizedBy").isNull()).isTrue();

        browser.logInAs(app, "root", "transcripts.html?p=" + project);
        browser.js("localStorage.removeItem('samenspraak.lang')");
        new Select(browser.find("#language")).selectByValue("en");
        browser.until(d -> browser.text("#transcript-" + annas + " .unit-copy-mark").equals("Own units of anna, from sessie"));
        assertThat(browser.text("#transcript-" + ids.get("sessie · bert") + " .unit-copy-mark")).isEqualTo("Own units of bert, from sessie");
        assertThat(browser.all("#transcript-" + source + " .unit-copy-mark")).as("the recording itself is no copy").isEmpty();
        assertThat(browser.all("#transcript-" + annas + " .upload-button")).as("a copy's recording is replaced on the recording's card").isEmpty();
        assertThat(browser.text("#transcript-" + annas + " .copy-recording")).contains("sessie");
        new Select(browser.find("#language")).selectByValue("nl");
        browser.until(d -> browser.text("#transcript-" + annas + " .unit-copy-mark").equals("Eigen eenheden van anna, uit sessie"));
        assertThat(browser.scriptErrors()).isEmpty();
        browser.js("localStorage.removeItem('samenspraak.lang')");

        browser.open(app.baseUrl + "/assign.html?p=" + project);
        browser.until(d -> !browser.all(".assign-grid tbody th").isEmpty());
        assertThat(browser.all(".assign-grid tbody th").stream().map(e -> e.getText()).toList()).containsExactly("sessie", "sessie-twee");
        Http.Response refused = admin.put("/api/projects/" + project + "/assignments",
                Map.of("assignments", List.of(Map.of("transcriptId", annas, "userId", copy.path("unitizedBy").asLong()))));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("code").asText()).isEqualTo("assignment.unitCopy");
    }

    @Test
    void a_project_without_independent_unitizing_shows_no_section() {
        long other = Fixtures.project(admin, "Gewoon coderen");
        browser.logInAs(app, "root", "reliability.html?p=" + other);
        assertThat(browser.all("#unitizing")).isEmpty();
    }
}
