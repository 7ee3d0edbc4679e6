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
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refused upload or rule on a page switched to Dutch reads in Dutch, problems and all: each problem of a
 * refused codebook (codebooks page), of a refused session-data file (sessions page) and the refused
 * assignment rule (assign page) is said by its code and values (problems.js, refusalText), not by the
 * server's English sentence.
 */
@ExtendWith(BrowserExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.parallel.ResourceLock("chromium")
class RefusalLanguageTest {
    @TempDir static Path files;
    TestApp app;
    Browser browser;
    Http root;

    @BeforeAll void start(TestApp app, Browser browser) {
        this.app = app;
        this.browser = browser;
        root = app.loggedIn("root", Role.ADMIN);
        app.user("anna", Role.CODER);
    }

    /** Switches the open page to Dutch with its own language choice, as a user does. */
    private void dutch() {
        browser.waitReady();
        new Select(browser.find("#language")).selectByValue("nl");
        browser.until(d -> "nl".equals(browser.js("return document.documentElement.lang")));
        browser.js("return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
    }

    private Path file(String name, String content) throws IOException {
        Path file = files.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }


    @Test
    void a_refused_codebook_lists_its_problems_in_dutch() throws IOException {
        browser.logInAs(app, "root", "codebooks.html");
        dutch();
        String broken = CodebooksPageTest.small().replaceFirst("\"hotkey\": \"t\"", "\"hotkey\": \"j\"").replaceFirst("\"version\": \"1.0\"", "\"version\": \"\"");
        browser.find("#upload-file").sendKeys(file("kapot.json", broken).toAbsolutePath().toString());
        browser.find("#upload-form button[type=submit]").click();
        browser.until(d -> browser.find("#problems").isDisplayed());
        // The first problem, quoted in the status, and every problem in the list: Dutch, with the file's values.
        assertThat(browser.text("#upload-status")).isEqualTo("kapot.json is geen geldig codeboek (aantal problemen: 2); het eerste: "
                + "$.version: Het veld ‘version’ moet een tekst zijn die niet leeg is.");
        List<String> problems = browser.all("#problems li").stream().map(WebElement::getText).toList();
        assertThat(problems).containsExactly("$.version Het veld ‘version’ moet een tekst zijn die niet leeg is.",
                "$.dimensions[0].codes[0].hotkey De sneltoets ‘j’ is gereserveerd voor het navigeren in het codeerscherm "
                        + "(gereserveerd: j k J K ? / en de spatiebalk).");
        browser.screenshot("codebooks-problems-nl");
    }

    @Test
    void a_refused_session_file_names_each_problem_in_dutch() throws IOException {
        long q = Fixtures.project(root, "Inlezen");
        Fixtures.transcript(root, q, "een.txt");
        Fixtures.transcript(root, q, "twee.txt");
        assertThat(root.put("/api/projects/" + q + "/fields", Map.of("fields", List.of(
                Map.of("key", "age", "label", Map.of("nl", "Leeftijd", "en", "Age"), "type", "number"),
                Map.of("key", "start", "label", Map.of("nl", "Begin", "en", "Start"), "type", "date")))).status()).isEqualTo(200);
        Path csv = file("sessies.csv", "transcript,age,start\neen,41,2024-02-30\ntwee,oud,1-3-2024\ndrie,40,\n");

        browser.logInAs(app, "root", "sessions.html?p=" + q);
        dutch();
        browser.find("#import-file").sendKeys(csv.toAbsolutePath().toString());
        browser.find("#import-form button[type=submit]").click();
        browser.until(d -> !browser.all("#import-result li").isEmpty());
        assertThat(browser.all("#import-result li").stream().map(WebElement::getText)).containsExactly(
                "Rij 2, kolom start (C): ‘2024-02-30’ is geen datum; schrijf hem als jjjj-mm-dd (of d-m-jjjj)",
                "Rij 3, kolom age (B): ‘oud’ is geen getal",
                "Rij 4, kolom transcript (A): dit project heeft geen transcript met de naam ‘drie’");
        browser.screenshot("sessions-import-refused-nl");

        // A file that is no table at all: the one problem, in the refusal's own sentence.
        browser.find("#import-file").sendKeys(file("leeg.csv", "\n\n").toAbsolutePath().toString());
        browser.find("#import-form button[type=submit]").click();
        browser.until(d -> browser.text("#import-result").contains("leeg.csv"));
        assertThat(browser.text("#import-result")).isEqualTo("Niet ingelezen: leeg.csv kon niet worden gelezen "
                + "(Het bestand is leeg: het heeft een kopregel nodig en een rij per sessie.).");
    }

    @Test
    void a_refused_assignment_rule_says_why_in_dutch() {
        long p = Fixtures.project(root, "Toewijzen");
        Fixtures.member(root, p, "anna", "coder");
        for (String name : List.of("een.txt", "twee.txt")) Fixtures.transcript(root, p, name);
        browser.logInAs(app, "root", "assign.html?p=" + p);
        dutch();
        // anna alone, with half of the transcripts to a second coder: refused.
        browser.find("#share").clear();
        browser.find("#share").sendKeys("50");
        browser.find("#rule-form button[type=submit]").click();
        browser.until(d -> "failed".equals(browser.find("#rule-status").getDomAttribute("data-state")));
        assertThat(browser.text("#rule-status"))
                .isEqualTo("Niet opgeslagen: De regel kan zo niet worden toegepast: Een tweede codeur kan alleen bij minstens twee codeurs.");
    }
}
