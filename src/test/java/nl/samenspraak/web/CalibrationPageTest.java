package nl.samenspraak.web;

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

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The calibration page: a trainee fails against the reference and sees their misses, recodes, passes; the history shows both. */
@ExtendWith(BrowserExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.parallel.ResourceLock("chromium")
class CalibrationPageTest {
    TestApp app;
    Http root;
    Browser browser;

    @BeforeAll void start(TestApp app, Browser browser) {
        this.app = app;
        this.browser = browser;
        root = app.loggedIn("root", Role.ADMIN);
    }

    private void code(Http who, long unit, String dim, String code) {
        Http.Response r = who.put("/api/utterances/" + unit + "/codes/" + dim, Map.of("code", code));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private String cell(String dim, String code, String column) {
        return browser.text("section[data-dimension='" + dim + "'] tr[data-code='" + code + "'] td." + column);
    }

    @Test
    void a_trainer_sets_the_threshold_on_the_calibration_page_and_the_calibration_is_judged_by_it() {
        Study s = Study.conversation(app, root);
        String trainer = "trainer-" + s.coder();
        app.user(trainer, Role.CODER);
        Fixtures.member(root, s.project(), trainer, "trainer");
        String dim = Fixtures.firstDimension(root);
        String a = Fixtures.codeFor(root, dim, "professional", 0);
        code(app.as(trainer), s.unitId(0), dim, a);
        long trainerId = app.count("SELECT id FROM users WHERE name = '" + trainer + "'");
        long trainee = app.count("SELECT id FROM users WHERE name = '" + s.coder() + "'");
        assertThat(root.put("/api/transcripts/" + s.transcript() + "/reference", Map.of("coderId", trainerId)).status()).isEqualTo(200);
        code(s.coderHttp(), s.unitId(0), dim, a);

        browser.logInAs(app, trainer, "calibration.html?t=" + s.transcript() + "&coder=" + trainee);
        browser.until(d -> browser.find("#result").isDisplayed());
        assertThat(browser.find("#threshold").getDomProperty("value")).isEqualTo("0.70");
        browser.find("#threshold").clear();
        browser.find("#threshold").sendKeys("1,5");
        browser.find("#save-threshold").click();
        browser.until(d -> browser.text("#threshold-status").contains("from -1 to 1"));
        assertThat(root.get("/api/projects/" + s.project() + "/calibration-threshold").json().path("kappa").asDouble()).as("nothing saved").isEqualTo(0.70);

        browser.find("#threshold").clear();
        browser.find("#threshold").sendKeys("0,85");
        browser.find("#save-threshold").click();
        // The page computes the calibration again with the new threshold.
        browser.until(d -> browser.find("#threshold").getDomProperty("value").equals("0.85") && browser.text("#summary").contains("0.85"));
        assertThat(root.get("/api/projects/" + s.project() + "/calibration-threshold").json().path("kappa").asDouble()).isEqualTo(0.85);
        assertThat(s.coderHttp().get("/api/projects/" + s.project() + "/calibration-threshold").status()).as("a coder does not set it").isEqualTo(403);
    }

    @Test
    void a_trainee_who_fails_sees_their_misses_passes_after_recoding_and_the_history_shows_two_points() {
        Study s = Study.conversation(app, root);
        // Not blind: the trainee sees whose the reference is and the counts per code (a blind project shows the figures only).
        assertThat(root.patch("/api/projects/" + s.project(), Map.of("blindCoding", false)).status()).isEqualTo(200);
        String gold = "gold-" + s.coder();
        app.user(gold, Role.CODER);
        Fixtures.member(root, s.project(), gold, "coder");
        Http reference = app.as(gold);
        String dim = Fixtures.firstDimension(root);
        String a = Fixtures.codeFor(root, dim, "professional", 0), b = Fixtures.codeFor(root, dim, "professional", 1);
        String c = Fixtures.codeFor(root, dim, "professional", 2);
        code(reference, s.unitId(0), dim, a);
        code(reference, s.unitId(2), dim, b);
        code(reference, s.unitId(4), dim, c);
        long goldId = app.count("SELECT id FROM users WHERE name = '" + gold + "'");
        long trainee = app.count("SELECT id FROM users WHERE name = '" + s.coder() + "'");
        Http.Response marked = root.put("/api/transcripts/" + s.transcript() + "/reference", Map.of("coderId", goldId));
        assertThat(marked.status()).as(marked.body()).isEqualTo(200);
        for (int unit : new int[] {0, 2, 4}) code(s.coderHttp(), s.unitId(unit), dim, a);

        String page = "calibration.html?t=" + s.transcript() + "&coder=" + trainee;
        browser.logInAs(app, s.coder(), page);
        browser.until(d -> browser.find("#result").isDisplayed());
        assertThat(browser.text("#verdict")).isEqualTo("fail");
        assertThat(browser.text("section[data-dimension='" + dim + "'] h2 .badge")).isEqualTo("fail");
        assertThat(cell(dim, b, "missed")).isEqualTo("1");
        assertThat(cell(dim, c, "missed")).isEqualTo("1");
        assertThat(cell(dim, a, "overused")).isEqualTo("2");
        assertThat(browser.all("section[data-dimension='" + dim + "'] table.heatmap")).hasSize(1);
        assertThat(browser.text("#record-state")).startsWith("Not yet in the history");
        browser.screenshot("calibration-fail");
        browser.find("#record").click();
        browser.until(d -> browser.text("#record-state").startsWith("In the history since"));
        assertThat(browser.find("#record").isDisplayed()).isFalse();
        assertThat(app.count("SELECT COUNT(*) FROM calibrations WHERE project_id = " + s.project())).isEqualTo(1);

        code(s.coderHttp(), s.unitId(2), dim, b);
        code(s.coderHttp(), s.unitId(4), dim, c);
        browser.open(app.baseUrl + "/" + page);
        browser.waitReady();
        browser.until(d -> browser.find("#result").isDisplayed());
        assertThat(browser.text("#verdict")).isEqualTo("pass");
        assertThat(cell(dim, b, "missed")).isEqualTo("0");
        assertThat(app.count("SELECT COUNT(*) FROM calibrations WHERE project_id = " + s.project())).as("a look stores nothing").isEqualTo(1);
        browser.find("#record").click();
        browser.until(d -> browser.text("#record-state").startsWith("In the history since"));

        browser.find("#history-link").click();
        browser.waitReady();
        browser.until(d -> browser.find("#history").isDisplayed());
        assertThat(browser.all("figure[data-dimension='" + dim + "'] circle.dot")).hasSize(2);
        assertThat(browser.all("figure[data-dimension='" + dim + "'] circle.dot.fail")).hasSize(1);
        assertThat(browser.all("figure[data-dimension='" + dim + "'] circle.dot.pass")).hasSize(1);
        assertThat(browser.all("figure[data-dimension='" + dim + "'] line.threshold")).hasSize(1);
        assertThat(browser.all("#runs tr")).hasSize(2);
        browser.screenshot("calibration-history");
        new org.openqa.selenium.support.ui.Select(browser.find("#language")).selectByValue("nl");
        browser.until(d -> browser.text("#runs tr:last-child .badge").equals("voldoende"));
        assertThat(browser.all("#runs tr")).as("a new language re-renders; it computes no new calibration").hasSize(2);
        browser.js("localStorage.clear()");

        // a trainee sees only their own
        browser.logInAs(app, s.coder(), "calibration.html?t=" + s.transcript() + "&coder=" + goldId);
        browser.until(d -> browser.find("#refused").isDisplayed());
        assertThat(browser.find("#result").isDisplayed()).isFalse();

        // blind again: the figures, no reference name, no counts per code
        assertThat(root.patch("/api/projects/" + s.project(), Map.of("blindCoding", true)).status()).isEqualTo(200);
        browser.logInAs(app, s.coder(), page);
        browser.until(d -> browser.find("#result").isDisplayed());
        assertThat(browser.text("#summary")).doesNotContain(gold);
        assertThat(browser.find("#blind-note").isDisplayed()).isTrue();
        assertThat(browser.all("table.categories")).isEmpty();
        assertThat(browser.all("table.heatmap")).isEmpty();
        assertThat(browser.all("section[data-dimension='" + dim + "'] td.kappa")).hasSize(1);
        browser.screenshot("calibration-blind");
    }
}
