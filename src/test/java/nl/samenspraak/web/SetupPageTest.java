package nl.samenspraak.web;

import nl.samenspraak.account.SetupHttpTest;
import nl.samenspraak.support.Browser;
import nl.samenspraak.support.BrowserExtension;
import nl.samenspraak.support.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A server without users: the first visit leads to the set-up page, whose code makes the first administrator. */
@ExtendWith(BrowserExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.parallel.ResourceLock("chromium")
class SetupPageTest {
    TestApp app;
    Browser browser;

    /** The extension's app has no users yet: it starts in set-up mode. */
    @BeforeAll void start(TestApp app, Browser browser) {
        this.app = app;
        this.browser = browser;
    }

    @Test
    void the_first_visit_makes_the_first_administrator_with_the_code_from_the_console_and_then_the_page_is_gone() {
        browser.open(app.baseUrl + "/");
        browser.waitReady();
        assertThat(browser.driver.getCurrentUrl()).endsWith("/setup.html");
        assertThat(browser.driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("code");
        if (java.nio.file.Files.exists(nl.samenspraak.support.Axe.SCRIPT)) {
            // AccessibilityTest runs on a server with users, where this page is gone; so it is checked here.
            assertThat(nl.samenspraak.support.Axe.serious(browser)).isEmpty();
        }
        Screens.both(browser, "setup");

        browser.find("#code").sendKeys("AAAA-BBBB-CCCC");
        browser.find("#name").sendKeys("Ans de Vries-Oosterhuis");
        browser.find("#password").sendKeys("een lang wachtwoord");
        browser.find("#repeat").sendKeys("een lang wachtwoord", Keys.ENTER);
        browser.until(d -> browser.find("#setup-error").isDisplayed());
        assertThat(browser.text("#setup-error")).contains("not the set-up code");
        browser.screenshot("setup-wrong-code");

        browser.find("#code").clear();
        browser.find("#code").sendKeys(SetupHttpTest.code(app.startupOutput), Keys.ENTER);
        browser.until(d -> d.getCurrentUrl().contains("/projects.html"));
        browser.waitReady();
        assertThat(browser.text("#user-name")).isEqualTo("Ans de Vries-Oosterhuis");
        assertThat(browser.find("#new-project").isDisplayed()).isTrue();
        assertThat(browser.find("#nav-users").isDisplayed()).isTrue();
        assertThat(browser.find("#nav-codebooks").isDisplayed()).isTrue();
        assertThat(browser.text("#projects")).contains("There are no projects yet");
        Screens.both(browser, "setup-done-projects");

        browser.open(app.baseUrl + "/setup.html");
        assertThat(browser.driver.getPageSource()).contains("set-up is done");
        assertThat(browser.scriptErrors()).isEmpty();
    }

    @Test
    void the_password_must_be_typed_the_same_twice(@TempDir Path dir) {
        // a server of its own: the class's has its administrator once the first test ran
        TestApp empty = TestApp.start(dir);
        try {
            browser.open(empty.baseUrl + "/setup.html");
            browser.waitReady();
            browser.find("#code").sendKeys(SetupHttpTest.code(empty.startupOutput));
            browser.find("#name").sendKeys("ans");
            browser.find("#password").sendKeys("een lang wachtwoord");
            browser.find("#repeat").sendKeys("een ander wachtwoord", Keys.ENTER);
            browser.until(d -> browser.find("#setup-error").isDisplayed());
            assertThat(browser.text("#setup-error")).contains("not the same");
            assertThat(empty.count("SELECT count(*) FROM users")).isZero();
        } finally {
            empty.close();
        }
    }
}
