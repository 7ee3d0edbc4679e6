package nl.samenspraak.web;

import nl.samenspraak.account.Role;
import nl.samenspraak.support.Browser;
import nl.samenspraak.support.BrowserExtension;
import nl.samenspraak.support.Fixtures;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import page in Dutch says what the readers say in Dutch: why a format was recognised, why a tier was
 * left out, each warning and its place, and a refused file's problem and place (docs/errors.md, "Reader texts").
 */
@ExtendWith(BrowserExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.parallel.ResourceLock("chromium")
class ImportPageDutchTest {
    TestApp app;
    Http root;
    Browser browser;

    @BeforeAll void start(TestApp app, Browser browser) {
        this.app = app;
        this.browser = browser;
        root = app.loggedIn("root", Role.ADMIN);
        browser.driver.manage().window().setSize(new Dimension(1400, 900));
    }

    @AfterEach void english_again() {
        browser.js("localStorage.removeItem('samenspraak.lang')");
    }

    /** Drops files on the drop zone as a browser does (as ImportPageTest does). */
    private void drop(Map<String, byte[]> files) {
        List<List<String>> encoded = new ArrayList<>();
        files.forEach((name, bytes) -> encoded.add(List.of(name, Base64.getEncoder().encodeToString(bytes))));
        browser.js("""
                const dt = new DataTransfer();
                for (const [name, b64] of arguments[0]) {
                  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
                  dt.items.add(new File([bytes], name));
                }
                document.querySelector('#drop').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
                """, encoded);
    }

    private WebElement preview(String name) {
        return browser.find("section.preview[data-name='" + name + "']");
    }

    private void settled() {
        browser.until(d -> browser.find("body").getDomAttribute("data-busy") == null);
    }

    private List<String> warnings(String name) {
        return preview(name).findElements(By.cssSelector("ul.warnings li")).stream().map(li -> li.getDomProperty("textContent")).toList();
    }

    @Test
    void warnings_reasons_places_and_a_refusal_are_said_in_dutch() {
        long project = Fixtures.project(root, "Leesmeldingen");
        browser.logInAs(app, "root", "import.html?p=" + project);
        browser.js("localStorage.setItem('samenspraak.lang', 'nl')");
        browser.driver.navigate().refresh();
        browser.waitReady();
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("voorwoord.txt", "Goedemorgen allemaal\nKM: Hoe gaat het?\nKlant: Goed.\n".getBytes(StandardCharsets.UTF_8));
        files.put("tweetalig-gesprek.eaf", ImportPageTest.tool("tweetalig-gesprek.eaf"));
        files.put("kapot.vtt", "WEBVTT\n\nKM: geen tijdregel\n".getBytes(StandardCharsets.UTF_8));
        drop(files);
        browser.until(d -> browser.all("section.preview").size() == 3);
        settled();

        assertThat(preview("voorwoord").findElement(By.cssSelector(".why")).getDomProperty("textContent"))
                .isEqualTo("voorwoord.txt · gelezen als tekst: tekstregels; regels die beginnen met een sprekerlabel zoals ‘KM: ’ (2 van de eerste 3 regels)");
        assertThat(warnings("voorwoord")).containsExactly(
                "Geen spreker · regel 1: geen spreker, en vóór de eerste beurt; weggelaten: ‘Goedemorgen allemaal’.");

        WebElement elan = preview("tweetalig-gesprek");
        assertThat(elan.findElement(By.cssSelector("tr[data-tier='KM-en'] td.small")).getDomProperty("textContent"))
                .isEqualTo("een tweede laag van spreker KM (taal eng) naast KM-nl, zoals een vertaling");
        assertThat(elan.findElement(By.cssSelector("tr[data-tier='Klant-gloss'] td.small")).getDomProperty("textContent"))
                .isEqualTo("een afhankelijke laag van Klant-nl");
        assertThat(warnings("tweetalig-gesprek"))
                .contains("Laag weggelaten · laag KM-en: weggelaten: een tweede laag van spreker KM (taal eng) naast KM-nl, zoals een vertaling.")
                .anySatisfy(w -> assertThat(w).startsWith("Tijden geïnterpoleerd · ").contains("annotaties liggen op niet-uitgelijnde tijdpunten"));

        assertThat(preview("kapot").findElement(By.cssSelector(".refusal")).getText()).isEqualTo("kapot.vtt, regel 3: dit bestand kan niet "
                + "worden ingelezen: verwacht werd een ondertitel met een tijdregel zoals ‘00:00:01.000 --> 00:00:04.000’; gevonden: ‘KM: geen tijdregel’.");
        browser.js("arguments[0].scrollIntoView()", elan);
        browser.screenshot("import-nl-reader-texts");

        // The same page in English shows the readers' own sentences.
        browser.js("localStorage.setItem('samenspraak.lang', 'en')");
        browser.driver.navigate().refresh();
        browser.waitReady();
        drop(Map.of("kapot.vtt", "WEBVTT\n\nKM: geen tijdregel\n".getBytes(StandardCharsets.UTF_8)));
        browser.until(d -> browser.all("section.preview").size() == 1);
        settled();
        assertThat(preview("kapot").findElement(By.cssSelector(".refusal")).getText()).isEqualTo("kapot.vtt, line 3: expected a cue with a "
                + "timing line such as '00:00:01.000 --> 00:00:04.000', found 'KM: geen tijdregel'.");
    }
}
