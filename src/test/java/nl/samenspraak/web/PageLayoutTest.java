package nl.samenspraak.web;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspraak.account.Role;
import nl.samenspraak.report.CodedProject;
import nl.samenspraak.support.Browser;
import nl.samenspraak.support.BrowserExtension;
import nl.samenspraak.support.Fixtures;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Dimension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages around the coding screen at 1400x900, with long real names, in both languages: a clean
 * console (log-in page included), the transcripts table inside its card on My projects, and the
 * reliability charts' threshold labels apart.
 */
@ExtendWith(BrowserExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.parallel.ResourceLock("chromium")
class PageLayoutTest {
    static final String FILE = "2026-03-14 Gesprek KM Jansen en klant 0412 – tweede gesprek na intake (transcriptie definitief v3).txt";

    TestApp app;
    CodedProject coded;
    Browser browser;
    long transcript, disagreeing;

    @BeforeAll void start(TestApp app, Browser browser) {
        this.app = app;
        this.browser = browser;
        browser.driver.manage().window().setSize(new Dimension(1400, 900));
        coded = new CodedProject(app);
        long project = Fixtures.project(coded.admin, "Samen Beslissen in Werk en Inkomen – gemeente Arnhem, tweede meting na de training (2026)");
        transcript = Fixtures.transcript(coded.admin, project, FILE);
        disagreeing = disagreeingProject();
    }

    /**
     * Two coders who take turns at opposite codes: alpha and the per-category figures below zero, so the
     * charts run from -1 and the 0.667 and 0.800 marks come close together.
     */
    private long disagreeingProject() {
        long project = Fixtures.project(coded.admin, "Oneens");
        long t = Fixtures.transcript(coded.admin, project, "oneens.txt");
        JsonNode units = coded.admin.get("/api/transcripts/" + t).json().path("utterances");
        String[][] codes = {{"team-talk", "option-talk"}, {"option-talk", "team-talk"}};
        for (int c = 0; c < 2; c++) {
            String name = "oneens" + c;
            Http coder = app.loggedIn(name, Role.CODER);
            Fixtures.member(coded.admin, project, name, "coder");
            for (int i = 0; i < units.size(); i++) {
                Http.Response r = coder.put("/api/utterances/" + units.get(i).path("id").asLong() + "/codes/step", Map.of("code", codes[c][i % 2]));
                assertThat(r.status()).as(r.body()).isEqualTo(200);
            }
        }
        return project;
    }

    private void logInAsAdmin(String lang, String page) {
        browser.logInAfresh(app.baseUrl, "root", TestApp.PASSWORD, page);
        browser.js("localStorage.setItem('samenspraak.lang', arguments[0])", lang);
        browser.driver.navigate().refresh();
        browser.waitReady();
    }

    @Test
    void the_log_in_page_leaves_the_console_clean_and_every_page_has_an_icon() throws Exception {
        browser.open(app.baseUrl + "/api/health");
        browser.driver.manage().deleteAllCookies();
        browser.js("localStorage.clear()");
        browser.consoleErrors(); // what earlier pages said
        browser.open(app.baseUrl + "/index.html");
        browser.until(d -> "Log in".equals(browser.text("#login-button")));
        // The page's log-in check has been answered, and the browser has had time to ask for an icon.
        browser.until(d -> (Boolean) browser.js("return performance.getEntriesByType('resource').some((e) => e.name.includes('/api/') && e.responseEnd > 0)"));
        List<String> errors = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            errors.addAll(browser.consoleErrors());
            browser.js("return new Promise((r) => setTimeout(r, 200))");
        }
        assertThat(errors).isEmpty();
        String icon = browser.find("link[rel=icon]").getDomAttribute("href");
        Http.Response served = app.anonymous().get("/" + icon);
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
        // Headless Chromium asks no page for an icon, so every page is read for its link (without one a browser asks for /favicon.ico: a 404).
        try (var pages = Files.list(Path.of("web"))) {
            List<Path> html = pages.filter(f -> f.toString().endsWith(".html")).toList();
            assertThat(html).isNotEmpty().allSatisfy(f -> assertThat(Files.readString(f)).as(f.toString()).contains("<link rel=\"icon\" href=\"" + icon + "\""));
        }
    }

    @Test
    void every_page_an_administrator_opens_leaves_the_console_clean() {
        long p = coded.project, t = coded.transcripts.get(0);
        logInAsAdmin("en", "projects.html");
        for (String page : List.of("projects.html", "code.html?t=" + t, "rate.html?t=" + t, "reliability.html?p=" + p, "export.html?p=" + p,
                "assign.html?p=" + p, "history.html?p=" + p, "sessions.html?p=" + p, "compare.html?p=" + p, "adjudicate.html?t=" + t,
                "review.html?t=" + t, "review.html", "transcripts.html?p=" + p, "members.html?p=" + p, "settings.html?p=" + p,
                "users.html", "codebooks.html", "account.html", "project-new.html")) {
            browser.consoleErrors();
            browser.open(app.baseUrl + "/" + page);
            browser.waitReady();
            assertThat(browser.consoleErrors()).as(page).isEmpty();
        }
    }

    @Test
    void my_projects_keeps_each_transcripts_table_inside_its_card_in_both_languages() {
        for (String lang : List.of("en", "nl")) {
            logInAsAdmin(lang, "projects.html");
            @SuppressWarnings("unchecked")
            List<String> out = (List<String>) browser.js("""
                    const out = [];
                    if (document.documentElement.scrollWidth > window.innerWidth) out.push('page wider than the window');
                    for (const card of document.querySelectorAll('section.project')) {
                      const c = card.getBoundingClientRect();
                      for (const el of card.querySelectorAll('table, tr > *, .button'))
                        if (el.getBoundingClientRect().right > c.right - 1) out.push(card.querySelector('h2').textContent + ': ' + el.tagName + ' "' + el.textContent.slice(0, 40) + '" runs out of the card');
                    }
                    return out;""");
            browser.js("[...document.querySelectorAll('section.project')].pop().scrollIntoView()");
            browser.screenshot("projects-long-names-" + lang);
            assertThat(out).as(lang).isEmpty();
        }
    }

    @Test
    void the_reliability_charts_threshold_labels_stand_apart_in_both_languages() {
        for (String lang : List.of("en", "nl")) {
            logInAsAdmin(lang, "reliability.html?p=" + disagreeing);
            assertThat(browser.text(".alpha-value")).startsWith("-");
            @SuppressWarnings("unchecked")
            List<String> out = (List<String>) browser.js("""
                    const out = [];
                    for (const svg of document.querySelectorAll('svg.bars, svg.gauge')) {
                      const boxes = [...svg.querySelectorAll('.threshold text, text.tick')].map((t) => [t.textContent, t.getBoundingClientRect()]);
                      for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
                        const [a, p] = boxes[i], [b, q] = boxes[j];
                        if (p.left < q.right + 2 && q.left < p.right + 2 && p.top < q.bottom && q.top < p.bottom) out.push(a + ' overlaps ' + b);
                      }
                    }
                    return out;""");
            browser.js("document.querySelector('.charts').scrollIntoView()");
            browser.screenshot("reliability-bars-" + lang);
            assertThat(browser.all("svg.bars .threshold text")).isNotEmpty();
            assertThat(out).as(lang).isEmpty();
            browser.js("document.querySelector('.headline').scrollIntoView()");
            browser.screenshot("reliability-thresholds-" + lang);
        }
    }
}
