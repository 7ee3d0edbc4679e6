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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coding screen at 1400x900 with the long names of real work (a transcript's file name, a
 * project, a coder), in both languages: nothing pushed out of the window, the definition panel
 * clean, and a reload that returns the coder to their place.
 */
@ExtendWith(BrowserExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.parallel.ResourceLock("chromium")
class CodingScreenLayoutTest {
    static final String FILE = "2026-03-14 Gesprek KM Jansen en klant 0412 – tweede gesprek na intake (transcriptie definitief v3).txt";
    static final String PROJECT = "Samen Beslissen in Werk en Inkomen – gemeente Arnhem, tweede meting na de training (2026)";
    static final String CODER = "Maria van den Berg-Oosterhuis";

    TestApp app;
    Browser browser;
    Http admin;
    Study study;

    @BeforeAll void start(TestApp app, Browser browser) {
        this.app = app;
        this.browser = browser;
        browser.driver.manage().window().setSize(new Dimension(1400, 900));
        admin = app.loggedIn("root", Role.ADMIN);
        study = Study.create(app, admin, PROJECT, CODER, FILE, Fixtures.CONVERSATION, "KM=professional,Klant=client");
    }

    private void open(String lang) {
        browser.logInAfresh(app.baseUrl, CODER, TestApp.PASSWORD, study.codePage());
        browser.js("localStorage.setItem('samenspraak.lang', arguments[0])", lang);
        browser.driver.navigate().refresh();
        browser.waitReady();
    }

    /** What sticks out of the window or is cut off: each as "what: why". */
    @SuppressWarnings("unchecked")
    private List<String> outOfWindow() {
        return (List<String>) browser.js("""
                const out = [], w = window.innerWidth;
                const right = (el) => el.getBoundingClientRect().right;
                if (document.documentElement.scrollWidth > w) out.push('page: ' + document.documentElement.scrollWidth + 'px wide in a ' + w + 'px window');
                for (const sel of ['#logout', '#language', '#user-name', '#help-button', '.codebar', '.codebar .tab', '#codes .label', '#auto-advance'])
                  for (const el of document.querySelectorAll(sel)) {
                    if (el.offsetParent === null) continue;
                    if (right(el) > w + 0.5) out.push(sel + ' "' + el.textContent + '": ends at ' + Math.round(right(el)) + 'px');
                    if (el.scrollWidth > el.clientWidth + 1 && sel !== '.codebar') out.push(sel + ' "' + el.textContent + '": cut off');
                  }
                const bar = document.querySelector('.codebar').getBoundingClientRect();
                for (const el of document.querySelectorAll('.codebar .tab, #codes .label'))
                  if (el.getBoundingClientRect().right > bar.right + 0.5) out.push('"' + el.textContent + '" runs out of the codebook panel');
                return out;""");
    }

    @Test
    void a_long_transcript_name_keeps_the_codebook_and_log_out_inside_the_window_in_both_languages() {
        for (String lang : List.of("en", "nl")) {
            open(lang);
            assertThat(browser.text("#transcript-name")).startsWith("2026-03-14 Gesprek KM Jansen");
            assertThat(outOfWindow()).as(lang).isEmpty();
            browser.keys(Keys.TAB);
            assertThat(outOfWindow()).as(lang + ", second dimension").isEmpty();
            browser.screenshot("coding-long-names-" + lang);
            // The whole name stays readable: the crumb's tooltip and the page title carry it.
            assertThat(browser.find("#transcript-name").getDomAttribute("title"))
                    .isEqualTo(study.coderHttp().get("/api/transcripts/" + study.transcript()).json().path("transcript").path("name").asText())
                    .contains("(transcriptie definitief v3)");
        }
    }

    @Test
    void the_rating_form_with_the_same_long_names_keeps_its_header_inside_the_window_in_both_languages() {
        for (String lang : List.of("en", "nl")) {
            open(lang);
            browser.open(app.baseUrl + "/rate.html?t=" + study.transcript());
            browser.waitReady();
            @SuppressWarnings("unchecked")
            List<String> out = (List<String>) browser.js("""
                    const out = [], w = window.innerWidth;
                    if (document.documentElement.scrollWidth > w) out.push('page: ' + document.documentElement.scrollWidth + 'px wide in a ' + w + 'px window');
                    for (const sel of ['#logout', '#language', '#user-name', '#help-button', '#auto-advance'])
                      for (const el of document.querySelectorAll(sel))
                        if (el.getBoundingClientRect().right > w + 0.5) out.push(sel + ' ends at ' + Math.round(el.getBoundingClientRect().right) + 'px');
                    return out;""");
            browser.js("window.scrollTo(0, 0)");
            browser.screenshot("rating-long-names-" + lang);
            assertThat(out).as(lang).isEmpty();
            assertThat(browser.find("#transcript-name").getDomAttribute("title")).contains("(transcriptie definitief v3)");
        }
    }

    @Test
    void the_definition_panel_ends_with_the_code_not_with_null_in_both_languages() {
        for (String lang : List.of("en", "nl")) {
            open(lang);
            browser.keys(Keys.HOME, "t", "k");
            browser.until(d -> definition().contains(lang.equals("en") ? "Team talk" : "Teamgesprek"));
            assertThat(definition()).as(lang).doesNotContain("null");
            new Actions(browser.driver).moveToElement(browser.find("#codes .code[data-key='option-talk']")).perform();
            browser.until(d -> definition().contains(lang.equals("en") ? "Option talk" : "Optiegesprek"));
            assertThat(definition()).as(lang).doesNotContain("null");
            browser.screenshot("coding-definition-" + lang);
        }
    }

    @Test
    void after_a_reload_the_screen_returns_to_the_coders_unit_and_dimension_and_another_coder_keeps_their_own() {
        open("en");
        browser.keys(Keys.HOME, "j", "j", "j", Keys.TAB);
        assertThat(currentUnit()).isEqualTo("3");
        browser.driver.navigate().refresh();
        browser.waitReady();
        assertThat(currentUnit()).isEqualTo("3");
        assertThat(browser.text(".codebar .tab[aria-selected=true]")).isEqualTo("Behaviour");
        assertThat(browser.text("#progress-text")).contains("Behaviour");

        // The address holds the place too: opened in a browser that remembers nothing, it returns there.
        String address = browser.driver.getCurrentUrl();
        assertThat(address).contains("#");
        browser.js("localStorage.clear()");
        browser.open("about:blank");
        browser.open(address);
        browser.waitReady();
        assertThat(currentUnit()).isEqualTo("3");
        assertThat(browser.text(".codebar .tab[aria-selected=true]")).isEqualTo("Behaviour");

        // A link to a place within the page is followed.
        browser.js("location.hash = 'u=' + arguments[0] + '&d=step'", study.unitId(5));
        browser.until(d -> currentUnit().equals("5"));
        assertThat(browser.text(".codebar .tab[aria-selected=true]")).isEqualTo("Step (three-talk model)");

        // A colleague logging in on this browser starts at their own place, not at Maria's.
        String other = "Johannes Petrus de Vries-van Lingen";
        app.user(other, Role.CODER);
        Fixtures.member(admin, study.project(), other, "coder");
        browser.driver.manage().deleteAllCookies();
        browser.logIn(app.baseUrl, other, TestApp.PASSWORD, study.codePage());
        assertThat(currentUnit()).isEqualTo("0");
        assertThat(browser.text(".codebar .tab[aria-selected=true]")).isEqualTo("Step (three-talk model)");
    }

    /** The panel's text as the DOM holds it (what a screen reader reads too). */
    private String definition() {
        return (String) browser.js("return document.querySelector('#definition').textContent");
    }

    private String currentUnit() {
        return browser.find(".unit.current").getDomAttribute("data-index");
    }
}
