package nl.samenspraak.web;

import nl.samenspraak.account.Role;
import nl.samenspraak.support.Browser;
import nl.samenspraak.support.BrowserExtension;
import nl.samenspraak.support.BrowserOptions;
import nl.samenspraak.support.Fixtures;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Backups page (backups.html), reached from the header's Backups link: a system administrator sees
 * that rolling backups are on, the folder, the last backup and the next, the backups kept and the
 * restore command, in English and Dutch; a coder is refused and has no link.
 */
@ExtendWith(BrowserExtension.class)
@BrowserOptions(backups = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.parallel.ResourceLock("chromium")
@org.junit.jupiter.api.condition.DisabledIfSystemProperty(named = "store", matches = "postgresql",
        disabledReason = "SQLite only: rolling backups copy the SQLite file")
class BackupsPageTest {
    TestApp app;
    Browser browser;

    @BeforeAll void start(TestApp app, Browser browser) throws Exception {
        this.app = app;
        this.browser = browser;
        browser.driver.manage().window().setSize(new Dimension(1400, 900));
        Http admin = app.loggedIn("beheerder-van-de-onderzoeksgroep", Role.ADMIN);
        app.user("codeur", Role.CODER);
        long project = Fixtures.project(admin, "Samen beslissen in de re-integratie, gemeente Arnhem-Zuid (2024)");
        long t = Fixtures.transcript(admin, project, "gesprek.txt");
        admin.postFile("/api/transcripts/" + t + "/media", "opname.wav", Fixtures.wav(8000), Map.of());
        long end = System.nanoTime() + 30_000_000_000L;
        while (admin.get("/api/backups").json().path("kept").isEmpty() && System.nanoTime() < end) Thread.sleep(100);
    }

    @Test
    void a_system_administrator_sees_the_backups_and_how_to_restore_one() {
        browser.logInAs(app, "beheerder-van-de-onderzoeksgroep", "projects.html");
        browser.find("#nav-backups").click();
        browser.until(d -> {
            try {
                return Boolean.TRUE.equals(browser.js("return location.pathname.endsWith('/backups.html') && document.body.dataset.ready === 'true'"));
            } catch (org.openqa.selenium.JavascriptException navigating) {
                return false;
            }
        });
        assertThat(browser.text("#state")).contains("On: every 1h, the newest 3 kept").contains("Last backup").contains("Next backup due")
                .contains("backups");
        assertThat(browser.all("#kept tr")).hasSize(1);
        assertThat(browser.text("#kept")).matches("(?s)samenspraak-.*\\.db.*MiB.*");
        assertThat(browser.text("#restore-command")).startsWith("java -jar samenspraak.jar restore \\\n  --from ").contains("samenspraak-")
                .endsWith("--db DATABASE.db");
        browser.screenshot("backups-en");
        new Select(browser.find("#language")).selectByValue("nl");
        browser.until(d -> browser.text("#state").contains("Aan: elke 1h, de nieuwste 3 worden bewaard"));
        assertThat(browser.text("h1")).isEqualTo("Back-ups");
        assertThat(browser.text("#state")).contains("Laatste back-up").contains("Volgende back-up");
        browser.screenshot("backups-nl");
        new Select(browser.find("#language")).selectByValue("en");
    }

    @Test
    void a_coder_has_no_link_and_is_refused() {
        browser.logInAs(app, "codeur", "projects.html");
        assertThat(browser.all("#nav-backups")).isEmpty();
        browser.logInAs(app, "codeur", "backups.html");
        assertThat(browser.find("#refused").isDisplayed()).isTrue();
        assertThat(browser.text("#refused")).isEqualTo("Only system administrators see the backups.");
        assertThat(browser.find("#backups-page").isDisplayed()).isFalse();
    }
}
