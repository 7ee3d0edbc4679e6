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
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import page: four files of different formats dropped at once, a CSV column and an ELAN tier
 * choice adjusted in the preview, roles confirmed, one import, and the coding screen of each.
 */
@ExtendWith(BrowserExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.parallel.ResourceLock("chromium")
class ImportPageTest {
    TestApp app;
    Http root;
    Browser browser;

    /** A sheet whose notes column is longer than the utterances, so the guess takes the wrong text column. */
    static final String NOTES_CSV = """
            Tijd,Persoon,Opmerking van de transcribent,Uitspraak
            00:00:02,KM,"Spreekt zacht, opname begint midden in de zin, achtergrondgeluid van de gang",Goedemorgen.
            00:00:05,Klant,"Lacht, verschuift de stoel, kijkt naar de klantmanager en dan naar het raam",Hallo.
            00:00:09,KM,"Bladert in het dossier, pakt een pen en legt het formulier op tafel neer",Zullen we beginnen?
            00:00:14,Klant,"Knikt, zegt daarna een tijdje niets, de telefoon van de klantmanager gaat",Ja.
            """;

    @BeforeAll void start(TestApp app, Browser browser) {
        this.app = app;
        this.browser = browser;
        root = app.loggedIn("root", Role.ADMIN);
        browser.driver.manage().window().setSize(new Dimension(1400, 900));
    }

    static byte[] tool(String name) {
        try (InputStream in = ImportPageTest.class.getResourceAsStream("/transcripts/tools/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Drops files on the drop zone as a browser does: a drop event whose DataTransfer holds them. */
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

    private String firstUnitText(String name) {
        return preview(name).findElement(By.cssSelector("table.units-preview tbody tr td.unit-text")).getText();
    }

    /** Waits until the page shows the preview of the last change. */
    private void settled() {
        browser.until(d -> browser.find("body").getDomAttribute("data-busy") == null);
    }

    private void role(String transcript, String speaker, String role) {
        new Select(preview(transcript).findElement(By.cssSelector("tr[data-speaker='" + speaker + "'] select.role"))).selectByValue(role);
        settled();
    }

    @Test
    void four_files_are_dropped_adjusted_confirmed_imported_and_coded() {
        long project = Fixtures.project(root, "Re-integratiegesprekken gemeente Rotterdam-Rijnmond 2026, cohort B (klantmanagers en cliënten)");
        browser.logInAs(app, "root", "import.html?p=" + project);
        assertThat(browser.find("#transcripts-crumb").getDomAttribute("href")).isEqualTo("transcripts.html?p=" + project);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("notities.csv", NOTES_CSV.getBytes(StandardCharsets.UTF_8));
        files.put("tweetalig-gesprek.eaf", tool("tweetalig-gesprek.eaf"));
        files.put("otter-interview.txt", tool("otter-interview.txt"));
        files.put("whisperx-diarised.srt", tool("whisperx-diarised.srt"));
        drop(files);
        browser.until(d -> browser.all("section.preview").size() == 4);
        settled();
        assertThat(browser.all("#file-list li")).hasSize(4);
        assertThat(preview("otter-interview").findElement(By.cssSelector(".why")).getDomProperty("textContent"))
                .contains("read as text: lines of text; a line 'Name  0:03' above each turn");
        assertThat(firstUnitText("notities")).startsWith("Spreekt zacht");
        browser.screenshot("import-dropped");
        browser.find("input[name=segment][value=sentence]").click();
        settled();
        assertThat(firstUnitText("otter-interview")).isEqualTo("So thanks for coming in today.");
        browser.find("input[name=segment][value=turn]").click();
        settled();
        assertThat(firstUnitText("otter-interview")).startsWith("So thanks for coming in today. Before we start");

        new Select(preview("notities").findElement(By.cssSelector("select.column[data-role='text']"))).selectByValue("4");
        settled();
        assertThat(firstUnitText("notities")).isEqualTo("Goedemorgen.");
        WebElement km = preview("tweetalig-gesprek").findElement(By.cssSelector("tr[data-tier='KM-nl'] input.include"));
        km.click();
        settled();
        preview("tweetalig-gesprek").findElement(By.cssSelector("tr[data-tier='KM-en'] input.include")).click();
        settled();
        assertThat(firstUnitText("tweetalig-gesprek")).isEqualTo("Good morning, please sit down.");
        assertThat(preview("tweetalig-gesprek").findElements(By.cssSelector("tr[data-tier='Klant-gebaren'].left-out"))).hasSize(1);
        browser.js("arguments[0].scrollIntoView()", preview("tweetalig-gesprek"));
        browser.screenshot("import-elan-tiers");

        role("otter-interview", "Speaker 1", "professional");
        role("otter-interview", "Speaker 2", "client");
        role("whisperx-diarised", "SPEAKER_00", "professional");
        role("whisperx-diarised", "SPEAKER_01", "client");
        assertThat(browser.find("#import-button").isEnabled()).isFalse();
        assertThat(browser.text("#import-hint")).isEqualTo("Confirm the speakers' roles of 4 transcript(s) first.");
        for (String name : List.of("notities", "tweetalig-gesprek", "otter-interview", "whisperx-diarised"))
            preview(name).findElement(By.cssSelector("input.confirm-roles")).click();
        browser.screenshot("import-adjusted");
        if (java.nio.file.Files.isReadable(nl.samenspraak.support.Axe.SCRIPT))
            assertThat(nl.samenspraak.support.Axe.serious(browser)).as("axe-core on the previews").isEmpty();
        browser.find("#import-button").click();
        browser.until(d -> browser.all("#imported li").size() == 4);
        browser.screenshot("import-done");

        assertThat(app.count("SELECT COUNT(*) FROM transcripts WHERE project_id = " + project + " AND roles_confirmed = 1")).isEqualTo(4);
        Map<String, String> firstText = Map.of("notities", "Goedemorgen.", "tweetalig-gesprek", "Good morning, please sit down.",
                "otter-interview", "So thanks for coming in today.", "whisperx-diarised", "Goedemorgen, fijn dat u er bent.");
        List<String> links = browser.all("#imported a.code-link").stream().map(a -> a.getDomProperty("href")).toList();
        List<String> names = browser.all("#imported li strong").stream().map(WebElement::getText).toList();
        for (int i = 0; i < links.size(); i++) {
            browser.open(links.get(i));
            browser.waitReady();
            String name = names.get(i);
            browser.until(d -> !browser.all(".unit .text").isEmpty());
            assertThat(browser.all(".unit .text").get(0).getText()).as(name).startsWith(firstText.get(name));
        }
        assertThat(app.count("SELECT COUNT(*) FROM utterances u JOIN transcripts t ON t.id = u.transcript_id WHERE t.name = 'otter-interview' "
                + "AND u.speaker_role = 'professional'")).isEqualTo(3);
        // roles left as the preview guessed them are imported as shown (the user confirmed them)
        assertThat(app.count("SELECT COUNT(*) FROM utterances u JOIN transcripts t ON t.id = u.transcript_id WHERE t.name = 'notities' "
                + "AND u.speaker_label = 'Klant' AND u.speaker_role = 'client'")).isEqualTo(2);
    }

    @Test
    void the_dutch_page_shows_a_guessed_encoding_and_a_refusal_and_imports_nothing_until_fixed() {
        long project = Fixtures.project(root, "Tekenset");
        browser.logInAs(app, "root", "import.html?p=" + project);
        browser.js("localStorage.setItem('samenspraak.lang', 'nl')");
        browser.driver.navigate().refresh();
        browser.waitReady();
        drop(Map.of("oud.txt", "KM: Hoe gaat het met de cliënt?\nKlant: Goed.\n".getBytes(java.nio.charset.Charset.forName("windows-1252")),
                "kapot.srt", "1\n00:00:05,000 --> 00:00:01,000\nKM: Hoi.\n".getBytes(StandardCharsets.UTF_8)));
        browser.until(d -> browser.all("section.preview").size() == 2);
        settled();
        assertThat(firstUnitText("oud")).isEqualTo("Hoe gaat het met de cliënt?");
        assertThat(new Select(preview("oud").findElement(By.cssSelector("select.encoding"))).getFirstSelectedOption().getText()).isEqualTo("windows-1252");
        assertThat(preview("kapot").findElement(By.cssSelector(".refusal")).getText()).contains("kapot.srt, ondertitel 1 (regel 2)");
        assertThat(browser.text("#import-hint")).startsWith("1 bestand(en) kunnen nog niet gelezen worden");
        browser.js("arguments[0].scrollIntoView()", preview("oud"));
        browser.screenshot("import-nl-refused");
        browser.find("#file-list li[data-file='kapot.srt'] button").click();
        settled();
        assertThat(browser.all("section.preview")).hasSize(1);
        new Select(browser.find("#pseudonymise")).selectByValue("nl");
        settled();
        browser.until(d -> preview("oud").getText().contains("Klant1"));
        assertThat(preview("oud").findElements(By.cssSelector("table.speakers tbody td:nth-child(2)")).stream().map(WebElement::getText))
                .containsExactly("KM1", "Klant1");
        preview("oud").findElement(By.cssSelector("input.confirm-roles")).click();
        browser.js("arguments[0].scrollIntoView()", preview("oud"));
        browser.screenshot("import-nl-pseudonyms");
        browser.find("#import-button").click();
        browser.until(d -> browser.all("#imported li").size() == 1);
        assertThat(browser.text("#import-status")).isEqualTo("1 transcript(en) geïmporteerd.");
        assertThat(app.count("SELECT COUNT(*) FROM utterances u JOIN transcripts t ON t.id = u.transcript_id WHERE t.name = 'oud' "
                + "AND u.speaker_label IN ('KM1', 'Klant1')")).as("pseudonyms stored, names not").isEqualTo(2);
        browser.js("localStorage.removeItem('samenspraak.lang')");
    }
}
