package nl.samenspraak.web;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** New project (with the codebook preview), its members page and its settings page, as an administrator would use them. */
@ExtendWith(BrowserExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.parallel.ResourceLock("chromium")
class ProjectSetupPageTest {
    static final String NAME = "Gemeente Arnhem – Samen Beslissen onderzoek 2026 (re-integratiegesprekken, tweede meting)";
    TestApp app;
    Http root;
    Browser browser;

    @BeforeAll void start(TestApp app, Browser browser) {
        this.app = app;
        this.browser = browser;
        root = app.loggedIn("root", Role.ADMIN);
        app.user("Anna Jansen-de Groot", Role.CODER);
        app.user("Bram Oosterhuis", Role.CODER);
        app.user("Cora Willemsen", Role.CODER);
    }

    @Test
    void an_admin_makes_a_project_after_previewing_codebooks_then_adds_changes_and_removes_members() {
        browser.logInAfresh(app.baseUrl, "root", TestApp.PASSWORD, "projects.html");
        browser.find("#new-project").click();
        browser.waitReady();
        browser.until(d -> browser.text("#preview").contains("Shared decision making in work and income"));
        // the preview shows dimensions, codes and their hotkeys
        assertThat(browser.all("#preview table.cb-codes kbd")).isNotEmpty();
        new Select(browser.find("#codebook")).selectByValue("option-5");
        browser.until(d -> browser.text("#preview").contains("OPTION"));
        assertThat(browser.all("#preview table.cb-items tbody tr")).hasSize(5);
        new Select(browser.find("#codebook")).selectByValue("samen-beslissen");
        browser.until(d -> !browser.all("#preview table.cb-codes kbd").isEmpty());
        browser.find("#name").sendKeys(NAME);
        browser.find("#threshold").clear();
        browser.find("#threshold").sendKeys("0.75");
        Screens.both(browser, "project-new");
        browser.find("#blind").click();
        browser.find("#name").sendKeys(Keys.ENTER);

        browser.until(d -> d.getCurrentUrl().contains("members.html"));
        browser.waitReady();
        long p = Long.parseLong(browser.driver.getCurrentUrl().replaceAll(".*[?&]p=(\\d+).*", "$1"));
        JsonNode s = root.get("/api/projects/" + p + "/settings").json();
        assertThat(s.path("name").asText()).isEqualTo(NAME);
        assertThat(s.path("blindCoding").asBoolean()).isFalse();
        assertThat(s.path("calibrationThreshold").asDouble()).isEqualTo(0.75);
        assertThat(browser.text("#created")).contains("The project is made");

        // add two coders from the keyboard
        new Select(browser.find("#add-user")).selectByVisibleText("Anna Jansen-de Groot");
        browser.find("#add-user").sendKeys(Keys.TAB);
        assertThat(browser.driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("add-role");
        browser.keys(Keys.TAB, Keys.ENTER);
        browser.until(d -> browser.text("#add-status").contains("Anna Jansen-de Groot is now coder"));
        new Select(browser.find("#add-user")).selectByVisibleText("Bram Oosterhuis");
        new Select(browser.find("#add-role")).selectByValue("trainer");
        browser.find("#add-form button[type=submit]").click();
        browser.until(d -> browser.text("#add-status").contains("Bram Oosterhuis is now trainer"));
        assertThat(browser.text("#members")).contains("Anna Jansen-de Groot").contains("Bram Oosterhuis").contains("root");

        // change Bram's role, then remove him; the last administrator cannot be demoted
        new Select(browser.find("tr[data-user='Bram Oosterhuis'] select")).selectByValue("analyst");
        browser.until(d -> browser.text("#row-status").contains("Bram Oosterhuis is now analyst"));
        new Select(browser.find("tr[data-user='root'] select")).selectByValue("coder");
        browser.until(d -> browser.text("#row-status").contains("last administrator"));
        assertThat(new Select(browser.find("tr[data-user='root'] select")).getFirstSelectedOption().getDomAttribute("value")).isEqualTo("admin");
        Screens.both(browser, "members");
        browser.find("tr[data-user='Bram Oosterhuis'] button").click();
        assertThat(browser.acceptConfirm()).contains("Remove Bram Oosterhuis");
        browser.until(d -> browser.text("#row-status").contains("Bram Oosterhuis is no longer a member"));
        assertThat(root.get("/api/projects/" + p + "/members").body()).doesNotContain("Bram").contains("Anna");
    }

    @Test
    void settings_say_what_a_codebook_change_does_to_existing_codes_and_save_every_field() {
        long p = Fixtures.project(root, NAME + " (instellingen)");
        Fixtures.member(root, p, "Cora Willemsen", "coder");
        long t = Fixtures.transcript(root, p, "Gesprek 12 – mevrouw K. – trajectbegeleiding.txt");
        Http cora = app.as("Cora Willemsen");
        long unit = cora.get("/api/transcripts/" + t).json().path("utterances").get(0).path("id").asLong();
        String dim = Fixtures.firstDimension(cora);
        cora.put("/api/utterances/" + unit + "/codes/" + dim, Map.of("code", Fixtures.codeFor(cora, dim, "professional", 0)));

        browser.logInAfresh(app.baseUrl, "root", TestApp.PASSWORD, "projects.html");
        assertThat(browser.all("a[href='members.html?p=" + p + "']")).hasSize(1);
        Screens.both(browser, "projects-admin");
        browser.find("a[href='settings.html?p=" + p + "']").click();
        browser.waitReady();
        assertThat(browser.find("#name").getDomProperty("value")).isEqualTo(NAME + " (instellingen)");
        assertThat(browser.find("#threshold").getDomProperty("value")).isEqualTo("0.70");
        assertThat(browser.text("#codebook-effect")).contains("So far: samen-beslissen 1.0 (codes: 1, ratings: 0)");
        new Select(browser.find("#codebook")).selectByValue("rias-werk-inkomen");
        browser.until(d -> browser.text("#codebook-effect").contains("keep the codebook version they were made with"));
        Screens.both(browser, "settings");
        browser.find("#threshold").clear();
        browser.find("#threshold").sendKeys("0.8", Keys.ENTER);
        browser.until(d -> browser.text("#save-state").contains("Settings saved"));
        JsonNode s = root.get("/api/projects/" + p + "/settings").json();
        assertThat(s.path("codebookKey").asText()).isEqualTo("rias-werk-inkomen");
        assertThat(s.path("calibrationThreshold").asDouble()).isEqualTo(0.8);
        assertThat(app.count("SELECT count(*) FROM codes c JOIN codebooks b ON b.id = c.codebook_id WHERE b.key = 'samen-beslissen'")).isEqualTo(1);
    }

    @Test
    void a_coder_is_told_members_and_settings_are_not_for_them_and_my_projects_has_no_such_links() {
        long p = Fixtures.project(root, NAME + " (coder)");
        Fixtures.member(root, p, "Cora Willemsen", "coder");
        browser.logInAfresh(app.baseUrl, "Cora Willemsen", TestApp.PASSWORD, "members.html?p=" + p);
        assertThat(browser.text("#refused")).contains("Coders do not manage members");
        assertThat(browser.find("#members-page").isDisplayed()).isFalse();
        browser.open(app.baseUrl + "/settings.html?p=" + p);
        browser.waitReady();
        assertThat(browser.text("#refused")).contains("Only the project's administrators");
        browser.open(app.baseUrl + "/projects.html");
        browser.waitReady();
        assertThat(browser.all("a[href^='members.html'], a[href^='settings.html'], #new-project")
                .stream().filter(WebElement::isDisplayed)).isEmpty();
    }
}
