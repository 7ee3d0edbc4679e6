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
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The codebooks page: list, view whole, download JSON and .qdc, upload with every problem shown at its path. */
@ExtendWith(BrowserExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.parallel.ResourceLock("chromium")
class CodebooksPageTest {
    @TempDir static Path dir;
    TestApp app;
    Browser browser;

    @BeforeAll void start(TestApp app, Browser browser) {
        this.app = app;
        this.browser = browser;
        app.user("root", Role.ADMIN);
        app.user("Anna Jansen", Role.CODER);
    }

    static String small() {
        try (var in = CodebooksPageTest.class.getResourceAsStream("/codebook/small.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void upload(String fileName, String content) throws Exception {
        Path file = dir.resolve(fileName);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        browser.find("#upload-file").sendKeys(file.toAbsolutePath().toString());
        browser.find("#upload-form button[type=submit]").click();
    }

    @Test
    void an_admin_views_a_codebook_whole_and_its_downloads_are_the_codebook() {
        browser.logInAfresh(app.baseUrl, "root", TestApp.PASSWORD, "projects.html");
        browser.find("#nav-codebooks").click();
        browser.waitReady();
        assertThat(browser.all("#codebooks tr")).hasSizeGreaterThanOrEqualTo(6);
        browser.find("tr[data-key='samen-beslissen'] button").sendKeys(Keys.ENTER);
        browser.until(d -> browser.find("#view").isDisplayed());
        assertThat(browser.text("#view-title")).startsWith("Shared decision making in work and income");
        assertThat(browser.all("#view table.cb-codes kbd").stream().map(WebElement::getText)).contains("t", "o", "d");
        assertThat(browser.text("#view")).contains("Definition and examples").contains("OPTION-5").contains("Anchors");
        assertThat(browser.driver.getCurrentUrl()).contains("codebooks.html?key=samen-beslissen&version=");
        Screens.both(browser, "codebooks-view");

        Http http = app.as("root");
        String json = http.get(browser.find("#download-json").getDomAttribute("href").replace(app.baseUrl, "")).body();
        assertThat(json).startsWith("{").contains("\"key\" : \"samen-beslissen\"");
        Http.Response qdc = http.get(browser.find("#download-qdc").getDomAttribute("href"));
        assertThat(qdc.status()).isEqualTo(200);
        assertThat(qdc.body()).contains("CodeBook");
    }

    @Test
    void an_upload_with_problems_lists_each_at_its_json_path_and_a_good_one_is_stored_and_shown() throws Exception {
        browser.logInAfresh(app.baseUrl, "root", TestApp.PASSWORD, "codebooks.html");
        String broken = small().replaceFirst("\"hotkey\": \"t\"", "\"hotkey\": \"j\"").replaceFirst("\"version\": \"1.0\"", "\"version\": \"\"");
        upload("Klein codeboek – kapot.json", broken);
        browser.until(d -> browser.find("#problems").isDisplayed());
        assertThat(browser.text("#upload-status")).contains("is not a valid codebook");
        assertThat(browser.all("#problems li code").stream().map(WebElement::getText)).contains("$.version", "$.dimensions[0].codes[0].hotkey");
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 900));
        browser.screenshot("codebooks-problems-en");
        assertThat(app.count("SELECT count(*) FROM codebooks WHERE key = 'small'")).isZero();

        upload("Klein codeboek.json", small());
        browser.until(d -> browser.text("#upload-status").contains("Stored: small 1.0"));
        assertThat(browser.find("#problems").isDisplayed()).isFalse();
        assertThat(browser.text("#view-title")).isEqualTo("Small codebook (1.0)");
        assertThat(browser.all("#codebooks tr[data-key='small']")).hasSize(1);

        upload("Klein codeboek.qdc", "<CodeBook><broken");
        browser.until(d -> browser.text("#upload-status").contains("qdc"));
        assertThat(app.count("SELECT count(*) FROM codebooks WHERE key = 'small'")).isEqualTo(1);
    }

    @Test
    void a_coder_reads_codebooks_and_checks_a_draft_without_storing_but_cannot_upload() throws Exception {
        browser.logInAfresh(app.baseUrl, "Anna Jansen", TestApp.PASSWORD, "codebooks.html?key=option-5");
        browser.until(d -> browser.find("#view").isDisplayed());
        assertThat(browser.text("#view-title")).startsWith("OPTION-5");
        assertThat(browser.all("#nav-codebooks")).isEmpty();
        assertThat(browser.find("#upload-button").isDisplayed()).as("storing is for system administrators").isFalse();

        long stored = app.count("SELECT count(*) FROM codebooks");
        Path draft = dir.resolve("concept – kapot.json");
        Files.writeString(draft, small().replaceFirst("\"hotkey\": \"t\"", "\"hotkey\": \"j\""), StandardCharsets.UTF_8);
        browser.find("#upload-file").sendKeys(draft.toAbsolutePath().toString());
        browser.find("#check-button").click();
        browser.until(d -> browser.find("#problems").isDisplayed());
        assertThat(browser.text("#upload-status")).startsWith("Not a valid codebook: 1 problem(s)").contains("Nothing was stored");
        assertThat(browser.all("#problems li code").stream().map(WebElement::getText)).containsExactly("$.dimensions[0].codes[0].hotkey");

        Path good = dir.resolve("concept.json");
        Files.writeString(good, small(), StandardCharsets.UTF_8);
        browser.find("#upload-file").sendKeys(good.toAbsolutePath().toString());
        browser.find("#check-button").click();
        browser.until(d -> browser.text("#upload-status").startsWith("No problems."));
        assertThat(browser.text("#upload-status")).contains("Dimensions: ").contains("codes: ");
        assertThat(browser.find("#problems").isDisplayed()).isFalse();
        assertThat(app.count("SELECT count(*) FROM codebooks")).as("a check stores nothing").isEqualTo(stored);
    }
}
