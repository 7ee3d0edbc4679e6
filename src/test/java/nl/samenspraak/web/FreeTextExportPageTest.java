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
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The export page's "without free text" tick: the units CSV it downloads has the codes and not a word of the conversation. */
@ExtendWith(BrowserExtension.class)
@BrowserOptions(downloads = true, language = "nl-NL")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.parallel.ResourceLock("chromium")
class FreeTextExportPageTest {
    TestApp app;
    Browser browser;
    long project;

    @BeforeAll void start(TestApp app, Browser browser) {
        this.app = app;
        this.browser = browser;
        browser.driver.manage().window().setSize(new Dimension(1400, 900));
        Http admin = app.loggedIn("onderzoeker", Role.ADMIN);
        project = Fixtures.project(admin, "Gesprekken met werkzoekenden in Nijmegen-Oost, voorjaar 2024");
        long t = Fixtures.transcript(admin, project, "gesprek.txt");
        long unit = admin.get("/api/transcripts/" + t).json().path("utterances").get(0).path("id").asLong();
        assertThat(admin.put("/api/utterances/" + unit + "/codes/step", Map.of("code", "team-talk")).status()).isEqualTo(200);
    }

    @Test
    void ticked_without_free_text_the_csv_holds_codes_and_no_words() throws IOException {
        browser.logInAs(app, "onderzoeker", "export.html?p=" + project);
        browser.find("#no-free-text").click();
        browser.screenshot("export-free-text-nl");
        WebElement card = browser.find(".export-card[data-format='units.csv']");
        card.findElement(By.tagName("button")).click();
        browser.until(d -> "done".equals(card.findElement(By.className("job")).getDomAttribute("data-state")));
        Path file = browser.until(d -> {
            try (Stream<Path> files = Files.list(browser.downloads())) {
                Optional<Path> f = files.filter(x -> x.getFileName().toString().endsWith("-units.csv")).findFirst();
                return f.filter(x -> x.toFile().length() > 0).orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
        String csv = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(csv).contains("team-talk").doesNotContain("Goedemorgen").doesNotContain("zenuwachtig");
        assertThat(browser.scriptErrors()).isEmpty();
    }
}
