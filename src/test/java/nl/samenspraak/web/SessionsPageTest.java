package nl.samenspraak.web;

import nl.samenspraak.report.CodedProject;
import nl.samenspraak.support.Browser;
import nl.samenspraak.support.BrowserExtension;
import nl.samenspraak.support.Fixtures;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Session data and group comparison: define a field, fill it in, compare two groups; an import with a bad row stores nothing. */
@ExtendWith(BrowserExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.parallel.ResourceLock("chromium")
class SessionsPageTest {
    @TempDir static Path files;
    TestApp app;
    CodedProject p;
    Browser browser;

    @BeforeAll void start(TestApp app, Browser browser) {
        this.app = app;
        this.browser = browser;
        p = new CodedProject(app);
        // a fourth session, coded by anna, so both groups have two
        long d = Fixtures.transcript(p.admin, p.project, "d-gesprek.txt");
        var units = p.admin.get("/api/transcripts/" + d).json().path("utterances");
        for (int i = 0; i < units.size(); i++) {
            Http.Response r = p.coders.get("anna").put("/api/utterances/" + units.get(i).path("id").asLong() + "/codes/" + CodedProject.DIMENSION,
                    Map.of("code", CodedProject.STEPS.get(i % 2)));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
    }

    private void choose(String transcript, String value) {
        new Select(browser.find("#values tr[data-transcript='" + transcript + "'] select[data-field='condition']")).selectByVisibleText(value);
        browser.until(d -> browser.text("#values-status").contains("Saved: Condition of " + transcript));
        browser.js("document.querySelector('#values-status').textContent = ''");
    }

    @Test
    void the_admin_defines_a_field_fills_it_in_and_compares_two_groups_with_t_and_d() {
        browser.logInAs(app, "root", "projects.html");
        browser.find("a[href='sessions.html?p=" + p.project + "']").click();
        browser.waitReady();
        browser.find("#add-field").click();
        browser.find("#fields input[data-prop='key']").sendKeys("condition");
        browser.find("#fields input[data-prop='nl']").sendKeys("Conditie");
        browser.find("#fields input[data-prop='en']").sendKeys("Condition");
        new Select(browser.find("#fields select[data-prop='type']")).selectByValue("category");
        browser.find("#fields input[data-prop='allowed']").sendKeys("trained, untrained");
        browser.find("#save-fields").click();
        browser.until(d -> browser.text("#fields-status").contains("Fields saved (1)."));

        choose("a-gesprek", "trained");
        choose("b-gesprek", "trained");
        choose("c-gesprek", "untrained");
        choose("d-gesprek", "untrained");
        assertThat(p.admin.get("/api/transcripts/" + p.transcripts.get(2) + "/fields").json().path("values").path("condition").asText()).isEqualTo("untrained");
        browser.screenshot("sessions");

        browser.find("#compare-link").click();
        browser.waitReady();
        assertThat(new Select(browser.find("#a")).getFirstSelectedOption().getText()).isEqualTo("trained");
        assertThat(new Select(browser.find("#b")).getFirstSelectedOption().getText()).isEqualTo("untrained");
        browser.find("#compare-form button[type=submit]").click();
        browser.until(d -> !browser.all("#result tr.measure").isEmpty());
        assertThat(browser.text("#result .meta")).contains("A = trained (2 sessions), B = untrained (2 sessions)");
        // some measure has Welch's t (column 5) and Cohen's d (column 8) as numbers
        List<WebElement> withT = browser.all("#result tr.measure").stream().filter(r -> {
            List<WebElement> cells = r.findElements(By.tagName("td"));
            return cells.get(3).getText().matches("-?\\d+\\.\\d\\d") && cells.get(6).getText().matches("-?\\d+\\.\\d\\d");
        }).toList();
        assertThat(withT).isNotEmpty();
        assertThat(browser.text("#result")).doesNotContain("NaN").doesNotContain("null");
        browser.screenshot("compare");
    }

    @Test
    void an_import_with_a_bad_row_names_the_row_and_stores_nothing() throws IOException {
        long q = Fixtures.project(p.admin, "Import");
        long a = Fixtures.transcript(p.admin, q, "een.txt");
        Fixtures.transcript(p.admin, q, "twee.txt");
        assertThat(p.admin.put("/api/projects/" + q + "/fields", Map.of("fields", List.of(Map.of("key", "age", "label", Map.of("nl", "Leeftijd", "en", "Age"), "type", "number")))).status()).isEqualTo(200);
        assertThat(p.admin.put("/api/transcripts/" + a + "/fields", Map.of("values", Map.of("age", "40"))).status()).isEqualTo(200);
        Path csv = files.resolve("sessies.csv");
        Files.writeString(csv, "transcript,age\neen,41\ntwee,oud\n", StandardCharsets.UTF_8);

        browser.logInAs(app, "root", "sessions.html?p=" + q);
        browser.find("#import-file").sendKeys(csv.toAbsolutePath().toString());
        browser.find("#import-form button[type=submit]").click();
        browser.until(d -> !browser.all("#import-result li").isEmpty());
        assertThat(browser.text("#import-result")).contains("nothing was stored");
        assertThat(browser.all("#import-result li")).hasSize(1);
        assertThat(browser.find("#import-result li").getDomAttribute("data-row")).isEqualTo("3");
        assertThat(browser.text("#import-result li")).startsWith("Row 3, column age (B): ").contains("oud");
        assertThat(p.admin.get("/api/transcripts/" + a + "/fields").json().path("values").path("age").asText()).isEqualTo("40");
        assertThat(browser.find("#values tr[data-transcript='een'] input").getDomProperty("value")).isEqualTo("40");
        browser.screenshot("sessions-import-refused");
    }

    @Test
    void the_admin_attaches_the_client_card_and_enters_an_answer_from_the_page() {
        long q = Fixtures.project(p.admin, "Vragenlijst");
        long a = Fixtures.transcript(p.admin, q, "kaart.txt");
        browser.logInAs(app, "root", "sessions.html?p=" + q);
        browser.until(d -> browser.text("#questionnaire-current").contains("no questionnaire"));
        new Select(browser.find("#questionnaire-key")).selectByValue("client-card-arnhem");
        // Another language redraws the sentence and keeps the choice not saved yet.
        new Select(browser.find("#language")).selectByValue("nl");
        browser.until(d -> browser.text("#questionnaire-current").equals("Dit project heeft nog geen vragenlijst."));
        assertThat(new Select(browser.find("#questionnaire-key")).getFirstSelectedOption().getDomAttribute("value")).isEqualTo("client-card-arnhem");
        new Select(browser.find("#language")).selectByValue("en");
        browser.until(d -> browser.text("#questionnaire-current").contains("no questionnaire"));
        browser.find("#questionnaire-save").click();
        browser.until(d -> browser.text("#questionnaire-current").contains("client-card-arnhem"));
        String item = p.admin.get("/api/projects/" + q + "/questionnaire").json().path("scales").get(0).path("items").get(0).path("key").asText();
        Select answer = new Select(browser.find("#values tr[data-transcript='kaart'] select[data-item='" + item + "']"));
        answer.selectByValue("4");
        browser.until(d -> browser.text("#values-status").startsWith("Saved"));
        assertThat(p.admin.get("/api/transcripts/" + a + "/fields").json().path("responses").path(item).asDouble()).isEqualTo(4.0);
        browser.screenshot("sessions-questionnaire");
    }
}
