package nl.samenspraak.web;

import nl.samenspraak.account.Role;
import nl.samenspraak.support.Browser;
import nl.samenspraak.support.BrowserExtension;
import nl.samenspraak.support.BrowserOptions;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The coding screen in a real browser: one app and one Chromium for the class, a fresh study per test. */
@ExtendWith(BrowserExtension.class)
@BrowserOptions(expectedConsoleErrors = "ERR_CONNECTION_REFUSED") // the tests that stop the server
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.parallel.ResourceLock("chromium")
class CodingScreenTest {
    TestApp app;
    Browser browser;
    Http admin;
    Study study;

    @BeforeAll void start(TestApp app, Browser browser) {
        this.app = app;
        this.browser = browser;
        admin = app.loggedIn("root", Role.ADMIN);
    }

    @BeforeEach void freshStudy() {
        study = Study.conversation(app, admin);
        browser.logInAs(app, study.coder(), study.codePage());
    }

    private void waitSaved() {
        browser.until(d -> "saved".equals(browser.find("#save-status").getDomAttribute("data-state")));
    }

    private List<String> pills(int dimension) {
        return browser.all(".unit .pill[data-dim='" + dimension + "']").stream().map(WebElement::getText).toList();
    }

    @Test
    void coder_codes_a_whole_transcript_by_keyboard_only() {
        // Step: team, team, option, option, decision, decision; then behaviour by role.
        browser.keys("t", "t", "o", "o", "d", "d");
        browser.keys(Keys.TAB, Keys.HOME);
        browser.keys("1", "p", "2", "g", "5", "p");
        waitSaved();
        browser.screenshot("coding-whole-transcript");

        Map<String, String> codes = study.serverCodes();
        assertThat(codes).hasSize(12);
        assertThat(codes.get(study.unitId(0) + "/step")).isEqualTo("team-talk");
        assertThat(codes.get(study.unitId(4) + "/step")).isEqualTo("decision-talk");
        assertThat(codes.get(study.unitId(0) + "/behaviour")).isEqualTo("co-decide");
        assertThat(codes.get(study.unitId(5) + "/behaviour")).isEqualTo("states-preference");

        browser.driver.navigate().refresh();
        browser.waitReady();
        assertThat(pills(0)).containsExactly("Team talk", "Team talk", "Option talk", "Option talk", "Decision talk", "Decision talk");
        assertThat(pills(1)).doesNotContain("·").hasSize(6);
        assertThat(browser.text("#progress-text")).contains("6 of 6");
    }

    @Test
    void undo_restores_the_previous_code_on_the_server() {
        browser.keys("t", "k", "o");
        waitSaved();
        assertThat(study.serverCodes().get(study.unitId(0) + "/step")).isEqualTo("option-talk");

        browser.ctrl("z");
        waitSaved();
        assertThat(study.serverCodes().get(study.unitId(0) + "/step")).isEqualTo("team-talk");
        browser.ctrl("z");
        waitSaved();
        assertThat(study.serverCodes()).doesNotContainKey(study.unitId(0) + "/step");
        browser.ctrlShift("z");
        waitSaved();
        assertThat(study.serverCodes().get(study.unitId(0) + "/step")).isEqualTo("team-talk");
        assertThat(browser.toast()).contains("unit 1");
    }

    @Test
    void a_code_that_does_not_apply_to_the_speaker_is_refused_with_a_hint() {
        browser.keys(Keys.TAB, "p");
        // Said in the roles notice above the transcript (js/rolesbanner.js), which stays until closed.
        browser.until(d -> !browser.all("#roles-notice").isEmpty() && browser.find("#roles-notice").isDisplayed());
        assertThat(browser.text("#roles-notice")).contains("client").contains("KM").contains("professional");
        browser.screenshot("coding-refused-role");
        waitSaved();
        assertThat(study.serverCodes()).isEmpty();
        assertThat(browser.find(".unit.current").getDomAttribute("data-index")).isEqualTo("0");
    }

    @Test
    void coder_finds_a_code_by_typing_part_of_its_label_and_jumps_to_the_next_uncoded_unit() {
        browser.keys("/");
        browser.keys("decis", Keys.ENTER);
        browser.keys("j", "t", Keys.HOME, Keys.ENTER);
        assertThat(browser.find(".unit.current").getDomAttribute("data-index")).isEqualTo("1");
        waitSaved();
        assertThat(study.serverCodes()).containsEntry(study.unitId(0) + "/step", "decision-talk")
                .containsEntry(study.unitId(2) + "/step", "team-talk").hasSize(2);
    }

    @Test
    void codes_made_while_the_server_is_down_are_queued_and_arrive_each_once() {
        browser.keys("t");
        waitSaved();
        app.stopServer();
        browser.keys("o", "d", "k", Keys.BACK_SPACE, "n");
        browser.until(d -> "offline".equals(browser.find("#save-status").getDomAttribute("data-state")));
        browser.screenshot("coding-offline");
        assertThat(browser.js("return JSON.parse(localStorage.getItem('samenspraak.queue.' + arguments[0])).length", userId())).isEqualTo(4L);
        assertThat(browser.text("#save-status")).contains("4 waiting");
        // The tab goes away with the queue in localStorage; the server comes back; the page is opened again.
        browser.open("about:blank");
        app.restart();
        browser.open(app.baseUrl + "/" + study.codePage());
        browser.waitReady();
        waitSaved();

        Map<String, String> codes = study.serverCodes();
        assertThat(codes).containsEntry(study.unitId(0) + "/step", "team-talk")
                .containsEntry(study.unitId(1) + "/step", "option-talk")
                .containsEntry(study.unitId(2) + "/step", "no-step");
        // t, o, d, clear, n: five changes, each logged once with its own opId.
        assertThat(app.count("SELECT COUNT(*) FROM change_log WHERE entity = 'code' AND coder_id = " + userId())).isEqualTo(5);
        assertThat(app.count("SELECT COUNT(DISTINCT op_id) FROM change_log WHERE entity = 'code' AND coder_id = " + userId())).isEqualTo(5);
    }

    @Test
    void a_change_sent_again_is_recognised_and_not_applied_twice() {
        browser.keys("t");
        waitSaved();
        String opId = app.jdbi.withHandle(h -> h.createQuery("SELECT op_id FROM change_log WHERE coder_id = " + userId())
                .mapTo(String.class).one());
        // As if the answer had been lost: the same operation is in the queue again when the page opens.
        browser.js("localStorage.setItem('samenspraak.queue.' + arguments[0], JSON.stringify([{kind:'code', transcriptId: arguments[1],"
                + " utteranceId: arguments[2], dimension: 'step', code: 'team-talk', opId: arguments[3]}]))",
                userId(), study.transcript(), study.unitId(0), opId);
        browser.driver.navigate().refresh();
        browser.waitReady();
        waitSaved();
        assertThat(app.count("SELECT COUNT(*) FROM change_log WHERE coder_id = " + userId())).isEqualTo(1);
        assertThat(browser.js("return localStorage.getItem('samenspraak.queue.' + arguments[0])", userId())).isEqualTo("[]");
    }

    @Test
    void the_other_tab_is_told_when_a_code_changes() {
        String first = browser.driver.getWindowHandle();
        browser.driver.switchTo().newWindow(WindowType.TAB);
        browser.open(app.baseUrl + "/" + study.codePage());
        browser.waitReady();
        String second = browser.driver.getWindowHandle();
        browser.driver.switchTo().window(first);
        browser.keys("d");
        waitSaved();
        browser.driver.switchTo().window(second);
        browser.until(d -> browser.find("#toast").isDisplayed());
        assertThat(browser.toast()).contains("Another tab").contains("Decision talk");
        assertThat(pills(0).get(0)).isEqualTo("Decision talk");
        browser.screenshot("coding-other-tab");
        browser.driver.close();
        browser.driver.switchTo().window(first);
    }

    @Test
    void question_mark_lists_every_key_and_the_codes_of_the_dimension() {
        browser.keys("?");
        WebElement help = browser.find("#help");
        browser.until(d -> help.isDisplayed());
        assertThat(help.getText()).contains("next uncoded unit").contains("undo my last change").contains("Team talk");
        assertThat(browser.all("#help-body kbd").stream().map(WebElement::getText).toList()).contains("Enter", "Ctrl+Z", "/", "t", "o", "d", "n");
        browser.screenshot("coding-help");
        browser.keys(Keys.ESCAPE);
        browser.until(d -> !help.isDisplayed());
        browser.keys("t");
        waitSaved();
        assertThat(study.serverCodes()).hasSize(1);
    }

    @Test
    void f6_takes_a_keyboard_user_to_the_header_links_and_escape_brings_them_back_to_the_transcript() {
        browser.keys(Keys.TAB);
        assertThat(browser.text(".codebar .tab[aria-selected=true]")).isEqualTo("Behaviour");
        browser.keys(Keys.F6);
        browser.until(d -> "Projects".equals(browser.js("return document.activeElement.textContent")));
        browser.keys(Keys.TAB);
        assertThat(browser.js("return document.activeElement.id")).isEqualTo("rating-link");
        assertThat(browser.text(".codebar .tab[aria-selected=true]")).isEqualTo("Behaviour");
        browser.screenshot("coding-header-focus");
        browser.keys(Keys.ESCAPE);
        browser.until(d -> "units".equals(browser.js("return document.activeElement.id")));
        browser.keys(Keys.F6, Keys.F6);
        browser.until(d -> "units".equals(browser.js("return document.activeElement.id")));
        browser.keys("?");
        browser.until(d -> browser.find("#help").isDisplayed());
        assertThat(browser.all("#help-body kbd").stream().map(WebElement::getText).toList()).contains("F6");
        assertThat(browser.text("#help-body")).contains("to the header");
        browser.keys(Keys.ESCAPE);
    }

    private long userId() {
        return app.count("SELECT id FROM users WHERE name = '" + study.coder() + "'");
    }
}
