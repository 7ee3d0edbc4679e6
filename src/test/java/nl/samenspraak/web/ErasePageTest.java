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
import org.openqa.selenium.support.ui.Select;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The erase page (erase.html?t=): it names what goes, asks the reason and the transcript's name, and
 * only then erases; afterwards it shows the tombstone, in English and Dutch. Coders are refused.
 * The log-in page says when failed log-ins have closed a name for a while.
 */
@ExtendWith(BrowserExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.parallel.ResourceLock("chromium")
class ErasePageTest {
    static final String NAME = "gesprek-mevrouw-van-der-Heijden-Oosterhout-2024-03-12";
    TestApp app;
    Browser browser;
    Http admin;
    long project, transcript;

    @BeforeAll void start(TestApp app, Browser browser) {
        this.app = app;
        this.browser = browser;
        browser.driver.manage().window().setSize(new Dimension(1400, 900));
        admin = app.loggedIn("beheerder", Role.ADMIN);
        app.user("codeur", Role.CODER);
        project = Fixtures.project(admin, "Samen beslissen in de re-integratie, gemeente Arnhem-Zuid (2024)");
        Fixtures.member(admin, project, "codeur", "coder");
        Http.Response r = admin.postFile("/api/projects/" + project + "/transcripts", NAME + ".txt",
                Fixtures.CONVERSATION.getBytes(StandardCharsets.UTF_8), Map.of("roles", "KM=professional,Klant=client"));
        transcript = r.json().path("transcripts").get(0).path("id").asLong();
        Http coder = app.as("codeur");
        long unit = coder.get("/api/transcripts/" + transcript).json().path("utterances").get(0).path("id").asLong();
        coder.put("/api/utterances/" + unit + "/codes/step", Map.of("code", "team-talk"));
        admin.postFile("/api/transcripts/" + transcript + "/media", "opname-van-der-Heijden.wav", Fixtures.wav(8000), Map.of());
    }

    @Test
    void an_administrator_names_the_reason_and_the_transcript_then_it_is_erased() {
        browser.logInAs(app, "codeur", "erase.html?t=" + transcript);
        assertThat(browser.find("#refused").isDisplayed()).isTrue();
        assertThat(browser.find("#erase").isDisplayed()).isFalse();

        browser.logInAs(app, "beheerder", "erase.html?t=" + transcript);
        assertThat(browser.text("#transcript-name")).isEqualTo(NAME);
        assertThat(browser.all("#removed li")).hasSize(8);
        assertThat(browser.text("#removed")).contains("speakers: 6").contains("Codes: 1 (coders: 1)").contains("opname-van-der-Heijden.wav");
        assertThat(browser.find("#submit").isEnabled()).isFalse();
        browser.find("#reason").sendKeys("Verzoek van de cliënt om verwijdering (AVG art. 17), zaak 2024-118");
        browser.find("#confirm").sendKeys("gesprek-mevrouw");
        assertThat(browser.find("#submit").isEnabled()).as("not the whole name").isFalse();
        browser.find("#confirm").sendKeys(NAME.substring("gesprek-mevrouw".length()));
        assertThat(browser.find("#submit").isEnabled()).isTrue();
        browser.screenshot("erase-en");
        new Select(browser.find("#language")).selectByValue("nl");
        browser.until(d -> browser.text("#removed").contains("Uitingen"));
        browser.screenshot("erase-nl");
        new Select(browser.find("#language")).selectByValue("en");
        browser.until(d -> browser.text("#removed").contains("Units"));

        browser.find("#submit").click();
        browser.until(d -> browser.find("#done").isDisplayed());
        assertThat(browser.text("#tombstone")).contains("Transcript " + transcript + " was erased").contains("beheerder").contains("zaak 2024-118");
        assertThat(app.count("SELECT COUNT(*) FROM utterances WHERE transcript_id = " + transcript)).isZero();
        browser.screenshot("erase-done-en");
        new Select(browser.find("#language")).selectByValue("nl");
        browser.until(d -> browser.text("#tombstone").contains("is gewist"));
        browser.screenshot("erase-done-nl");
        browser.js("localStorage.clear()");
        assertThat(browser.scriptErrors()).isEmpty();
    }

    @Test
    void the_log_in_page_says_when_a_name_is_closed_for_a_while() {
        app.user("vergeetachtig", Role.CODER);
        browser.driver.manage().deleteAllCookies();
        browser.open(app.baseUrl + "/index.html");
        browser.waitReady();
        browser.find("#name").sendKeys("vergeetachtig");
        browser.find("#password").sendKeys(TestApp.PASSWORD);
        // Fail until the name is closed for at least 8 s (1 s, 2 s, 4 s, 8 s after the free failures), right before the
        // log-in is sent from the page already loaded, so that a slow machine cannot outlast the wait. The app's clock is
        // moved on through the shorter waits instead of sleeping through them.
        for (int i = 0; i < 30; i++) {
            Http.Response r = app.anonymous().post("/api/login", Map.of("name", "vergeetachtig", "password", "fout " + i));
            if (r.status() != 429) continue;
            int wait = Integer.parseInt(r.headers().firstValue("Retry-After").orElse("1"));
            if (wait >= 8) break;
            app.clock.pass(java.time.Duration.ofSeconds(wait));
        }
        browser.find("#password").sendKeys(org.openqa.selenium.Keys.ENTER);
        browser.until(d -> browser.find("#login-error").isDisplayed());
        assertThat(browser.text("#login-error")).startsWith("Too many failed log-ins for this name or from this address; try again in");
        browser.screenshot("login-throttled-en");
    }
}
