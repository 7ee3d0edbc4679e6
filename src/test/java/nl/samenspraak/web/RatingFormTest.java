package nl.samenspraak.web;

import nl.samenspraak.account.Role;
import nl.samenspraak.support.Browser;
import nl.samenspraak.support.BrowserExtension;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;

import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rating form's moving on after a score: said in its instructions, and switched off and on as on
 * the coding screen (a box and Ctrl+.), remembered; followed to the letter, the instructions fill
 * every item. OPTION-5 has five items scored 0 to 4.
 */
@ExtendWith(BrowserExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.parallel.ResourceLock("chromium")
class RatingFormTest {
    TestApp app;
    Browser browser;
    Http admin;

    @BeforeAll void start(TestApp app, Browser browser) {
        this.app = app;
        this.browser = browser;
        browser.driver.manage().window().setSize(new Dimension(1400, 900));
        admin = app.loggedIn("root", Role.ADMIN);
    }

    private Study open(String lang) {
        Study study = Study.conversation(app, admin);
        browser.logInAfresh(app.baseUrl, study.coder(), TestApp.PASSWORD, "rate.html?t=" + study.transcript());
        browser.js("localStorage.setItem('samenspraak.lang', arguments[0])", lang);
        browser.driver.navigate().refresh();
        browser.waitReady();
        return study;
    }

    private Map<String, Integer> serverRatings(Study study) {
        Map<String, Integer> out = new TreeMap<>();
        study.coderHttp().get("/api/transcripts/" + study.transcript() + "/ratings").json()
                .forEach(r -> out.put(r.path("item").asText(), r.path("value").asInt()));
        return out;
    }

    private void waitSaved() {
        browser.until(d -> "saved".equals(browser.find("#save-status").getDomAttribute("data-state")));
    }

    private int current() {
        return Integer.parseInt(browser.find(".item.current").getDomAttribute("data-index"));
    }

    @Test
    void the_instructions_say_that_a_score_moves_on_in_both_languages() {
        open("nl");
        assertThat(browser.text(".content > p.muted")).contains("volgende item").contains("Ctrl+.");
        assertThat(browser.text("label.toggle")).contains("Na een score door naar het volgende item");
        assertThat(browser.find("#auto-advance").isSelected()).isTrue();
        browser.js("window.scrollTo(0, 0)");
        browser.screenshot("rating-move-on-nl");
        open("en");
        assertThat(browser.text(".content > p.muted")).contains("next item").contains("Ctrl+.");
        assertThat(browser.text("label.toggle")).contains("Move on to the next item after a score");
        browser.js("window.scrollTo(0, 0)");
        browser.screenshot("rating-move-on-en");
    }

    @Test
    void moving_on_switched_off_a_score_stays_on_its_item_and_arrows_then_fill_every_item_and_the_choice_is_remembered() {
        Study study = open("en");
        browser.ctrl(".");
        assertThat(browser.find("#auto-advance").isSelected()).isFalse();
        assertThat(browser.toast()).contains("Staying on the item");
        // As the instructions say without moving on: a score, then ↓ to the next item.
        browser.keys("1", Keys.ARROW_DOWN, "2", Keys.ARROW_DOWN, "3", Keys.ARROW_DOWN, "4", Keys.ARROW_DOWN, "0");
        waitSaved();
        assertThat(serverRatings(study)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "options-exist", 1, "support", 2, "information", 3, "elicit-preferences", 4, "integrate-preferences", 0));
        assertThat(current()).isEqualTo(4);

        browser.driver.navigate().refresh();
        browser.waitReady();
        assertThat(browser.find("#auto-advance").isSelected()).isFalse();
        browser.keys(Keys.HOME, "k", "k", "k", "k", "3");
        assertThat(current()).isZero();

        // Back on, by the box this time: a score moves on again.
        browser.click("#auto-advance");
        assertThat(browser.js("return document.activeElement.id")).isEqualTo("items");
        browser.keys("2");
        assertThat(current()).isEqualTo(1);
        browser.driver.navigate().refresh();
        browser.waitReady();
        assertThat(browser.find("#auto-advance").isSelected()).isTrue();
    }
}
