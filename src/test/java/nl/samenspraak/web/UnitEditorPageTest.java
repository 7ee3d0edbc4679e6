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

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The unit editor: split at the cursor, merge with the next, a new speaker; a coded unit is locked with the reason. */
@ExtendWith(BrowserExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.parallel.ResourceLock("chromium")
class UnitEditorPageTest {
    static final String KM = "Annemarie van Schaik-Bouwmeester", CLIENT = "Mohammed el Idrissi-Bakker";
    TestApp app;
    Http root;
    Browser browser;

    @BeforeAll void start(TestApp app, Browser browser) {
        this.app = app;
        this.browser = browser;
        root = app.loggedIn("root", Role.ADMIN);
        browser.driver.manage().window().setSize(new Dimension(1400, 900));
    }

    private WebElement row(int seq) {
        return browser.find("#units tr[data-seq='" + seq + "']");
    }

    private List<String> texts() {
        return browser.all("#units textarea.unit-text").stream().map(e -> e.getDomProperty("value")).toList();
    }

    @Test
    void an_admin_splits_merges_and_gives_a_new_speaker_and_a_coded_unit_is_locked() {
        long project = Fixtures.project(root, "Re-integratiegesprekken gemeente Rotterdam-Rijnmond 2026, cohort B (klantmanagers en cliënten)");
        String csv = "spreker,tekst,begin,eind\n" + KM + ",Goedemorgen. Gaat u zitten.,00:00:00,00:00:10\n" + KM + ",Ik heb koffie.,00:00:10,00:00:14\n"
                + CLIENT + ",Dank u.,00:00:14,00:00:20\n" + CLIENT + ",Hij zegt dank u.,00:00:20,00:00:23\n";
        Http.Response r = root.postFile("/api/projects/" + project + "/transcripts", "intakegesprek-werkfit-traject-week-12-Feijenoord.csv", csv.getBytes(StandardCharsets.UTF_8),
                Map.of("roles", KM + "=professional," + CLIENT + "=client"));
        long transcript = r.json().path("transcripts").get(0).path("id").asLong();
        browser.logInAs(app, "root", "units.html?t=" + transcript);
        assertThat(browser.text("#transcript-link")).isEqualTo("intakegesprek-werkfit-traject-week-12-Feijenoord");
        assertThat(browser.find("#transcripts-crumb").getDomAttribute("href")).isEqualTo("transcripts.html?p=" + project);

        browser.js("const t = arguments[0]; t.focus(); t.setSelectionRange(13, 13);", row(1).findElement(By.cssSelector("textarea")));
        row(1).findElement(By.cssSelector("button.split")).click();
        browser.until(d -> texts().size() == 5);
        assertThat(texts()).containsExactly("Goedemorgen.", "Gaat u zitten.", "Ik heb koffie.", "Dank u.", "Hij zegt dank u.");
        assertThat(browser.text("#units-status")).isEqualTo("Unit 1 was split.");

        row(2).findElement(By.cssSelector("button.merge")).click();
        browser.until(d -> texts().size() == 4);
        assertThat(texts().get(1)).isEqualTo("Gaat u zitten. Ik heb koffie.");
        assertThat(row(2).findElement(By.cssSelector("button.merge")).isEnabled()).as("the next unit has another speaker").isFalse();

        new Select(row(4).findElement(By.cssSelector("select.speaker"))).selectByVisibleText("a new speaker…");
        row(4).findElement(By.cssSelector("input.new-name")).sendKeys("Tolk");
        new Select(row(4).findElement(By.cssSelector("select.new-role"))).selectByValue("other");
        row(4).findElement(By.cssSelector(".new-speaker button")).click();
        browser.until(d -> browser.text("#units-status").equals("Unit 4 now has speaker Tolk."));
        assertThat(row(4).getDomAttribute("class")).isEqualTo("role-other");

        String dimension = Fixtures.firstDimension(root);
        long third = root.get("/api/transcripts/" + transcript + "/units").json().path("units").get(2).path("id").asLong();
        root.put("/api/utterances/" + third + "/codes/" + dimension, Map.of("code", Fixtures.codeFor(root, dimension, "client", 0)));
        browser.driver.navigate().refresh();
        browser.waitReady();
        assertThat(row(3).findElement(By.cssSelector(".coded")).getText())
                .isEqualTo("Cannot be corrected: this unit has 1 code(s) by 1 coder(s); units are corrected before coding starts.");
        assertThat(row(3).findElement(By.cssSelector("button.split")).isEnabled()).isFalse();
        browser.screenshot("units-en");
        if (java.nio.file.Files.isReadable(nl.samenspraak.support.Axe.SCRIPT))
            assertThat(nl.samenspraak.support.Axe.serious(browser)).as("axe-core on the unit editor").isEmpty();
        assertThat(app.count("SELECT COUNT(*) FROM change_log WHERE transcript_id = " + transcript + " AND field LIKE 'unit:%'")).isEqualTo(3);

        browser.js("localStorage.setItem('samenspraak.lang', 'nl')");
        browser.driver.navigate().refresh();
        browser.waitReady();
        assertThat(row(3).findElement(By.cssSelector(".coded")).getText()).startsWith("Kan niet worden gecorrigeerd: deze uiting heeft 1 code(s)");
        browser.screenshot("units-nl");
        browser.js("localStorage.removeItem('samenspraak.lang')");
    }

    @Test
    void a_trainer_is_told_only_administrators_correct_units() {
        long project = Fixtures.project(root, "Alleen beheerders");
        long transcript = Fixtures.transcript(root, project, "gesprek.txt");
        app.user("trainer", Role.TRAINER);
        Fixtures.member(root, project, "trainer", "trainer");

        browser.logInAs(app, "trainer", "units.html?t=" + transcript);

        assertThat(browser.text("#refused")).isEqualTo("Only administrators of this project can correct units.");
    }
}
