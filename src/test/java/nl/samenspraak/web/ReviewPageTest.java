package nl.samenspraak.web;

import nl.samenspraak.review.ReviewedProject;
import nl.samenspraak.support.Browser;
import nl.samenspraak.support.BrowserExtension;
import nl.samenspraak.support.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The review page: trainer tom opens piet's session, sees the profile, adds feedback on a unit and prints; piet reads it. */
@ExtendWith(BrowserExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.parallel.ResourceLock("chromium")
class ReviewPageTest {
    static final String FEEDBACK = "<i>Goed</i>: u noemt drie routes.";

    TestApp app;
    ReviewedProject p;
    Browser browser;

    @BeforeAll void start(TestApp app, Browser browser) {
        this.app = app;
        this.browser = browser;
        p = new ReviewedProject(app);
    }

    @Test
    void a_trainer_adds_feedback_on_a_unit_and_the_professional_reads_it() {
        long session = p.sessions.get(1);
        browser.logInAs(app, "tom", "projects.html");
        browser.find("a.review-link[href='review.html?t=" + session + "']").click();
        browser.waitReady();
        assertThat(browser.all("#charts svg.profile-chart")).hasSize(2);
        assertThat(browser.text("tr[data-code='option-talk'] td.where")).isEqualTo("3, 5");
        assertThat(browser.text("tr[data-code='option-talk'] td.num")).isEqualTo("2");
        assertThat(browser.text(".rating-total[data-scale='option-5']")).contains("50").contains("earlier");

        new Select(browser.find("#reference")).selectByValue(String.valueOf(p.sessions.get(2)));
        browser.find("#apply-reference").click();
        browser.until(d -> d.findElements(By.cssSelector("#legend .key.ref")).size() == 1);

        new Select(browser.find("#feedback-unit")).selectByValue(String.valueOf(p.units.get(1).get(2)));
        browser.find("#feedback-text").sendKeys(FEEDBACK);
        browser.find("#feedback-add").click();
        browser.until(d -> d.findElements(By.cssSelector("li[data-unit='3'] .feedback-text")).size() == 1);
        assertThat(browser.text("li[data-unit='3'] .feedback-text")).isEqualTo(FEEDBACK);
        assertThat(browser.all("li[data-unit='3'] i")).isEmpty();

        browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertThat(browser.find("header.bar").isDisplayed()).isFalse();
            assertThat(browser.find("#feedback-form").isDisplayed()).isFalse();
            assertThat(browser.find("#charts svg.profile-chart").isDisplayed()).isTrue();
            assertThat(browser.find("li[data-unit='3']").isDisplayed()).isTrue();
        } finally {
            browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }

        browser.logInAs(app, "piet", "projects.html");
        browser.find("#my-sessions").click();
        browser.waitReady();
        browser.find("#mine-list li[data-transcript='" + session + "'] a").click();
        browser.waitReady();
        assertThat(browser.text("li[data-unit='3'] .feedback-text")).isEqualTo(FEEDBACK);
        assertThat(browser.text("li[data-unit='3'] .feedback-by")).startsWith("tom");
        assertThat(browser.find("#feedback-form").isDisplayed()).isFalse();
        assertThat(browser.find("#reference-tools").isDisplayed()).isFalse();
        assertThat(browser.all("#charts svg.profile-chart")).hasSize(2);
    }
}
