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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The assignments page: an admin gives transcripts by hand (keyboard) and by rule; a coder then sees only theirs. */
@ExtendWith(BrowserExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.parallel.ResourceLock("chromium")
class AssignPageTest {
    TestApp app;
    Http root;
    Browser browser;
    int projects;

    @BeforeAll void start(TestApp app, Browser browser) {
        this.app = app;
        this.browser = browser;
        root = app.loggedIn("root", Role.ADMIN);
        app.user("anna", Role.CODER);
        app.user("bert", Role.CODER);
    }

    /** A project with anna and bert as coders and three transcripts. */
    private long project() {
        long p = Fixtures.project(root, "Toewijzing " + (++projects));
        Fixtures.member(root, p, "anna", "coder");
        Fixtures.member(root, p, "bert", "coder");
        for (String name : List.of("een.txt", "twee.txt", "drie.txt")) Fixtures.transcript(root, p, name);
        return p;
    }

    /** The grid on the server as "transcript -> coder names". */
    private Map<String, List<String>> serverGrid(long p) {
        JsonNode grid = root.get("/api/projects/" + p + "/assignments").json();
        Map<Long, String> names = new TreeMap<>();
        grid.path("coders").forEach(c -> names.put(c.path("userId").asLong(), c.path("name").asText()));
        Map<String, List<String>> out = new TreeMap<>();
        for (JsonNode row : grid.path("transcripts")) {
            List<String> who = new ArrayList<>();
            row.path("userIds").forEach(id -> who.add(names.get(id.asLong())));
            out.put(row.path("name").asText(), who);
        }
        return out;
    }

    private void waitStatus(String css, String text) {
        browser.until(d -> browser.text(css).contains(text));
    }

    /** The grid's save is done: its status says so and the box it disabled meanwhile has the focus again. */
    private void waitSaved(String text) {
        waitStatus("#grid-status", text);
        browser.until(d -> browser.all("#grid input:disabled").isEmpty());
    }

    @Test
    void the_admin_assigns_by_hand_with_the_keyboard_and_the_coder_sees_only_that_transcript() {
        long p = project();
        browser.logInAs(app, "root", "assign.html?p=" + p);
        assertThat(browser.text("#grid-state")).contains("every coder sees and codes every transcript");
        List<String> rows = browser.all("#grid tbody th").stream().map(WebElement::getText).toList();
        List<String> coders = browser.all("#grid thead th.cell-head").stream().map(WebElement::getText).toList();
        assertThat(coders).containsExactly("anna", "bert");
        assertThat(browser.all("#grid input[tabindex='0']")).hasSize(1);

        browser.find("#grid input[data-r='0'][data-c='0']").click();
        waitSaved("Saved: " + rows.get(0) + " is given to anna");
        browser.keys(Keys.ARROW_DOWN, Keys.ARROW_RIGHT);
        WebElement focused = browser.driver.switchTo().activeElement();
        assertThat(focused.getDomAttribute("data-r")).isEqualTo("1");
        assertThat(focused.getDomAttribute("data-c")).isEqualTo("1");
        browser.keys(Keys.SPACE);
        waitSaved("Saved: " + rows.get(1) + " is given to bert");
        assertThat(browser.text("#grid-state")).contains("only the transcripts given to them");
        assertThat(serverGrid(p)).containsEntry(rows.get(0), List.of("anna")).containsEntry(rows.get(1), List.of("bert"))
                .containsEntry(rows.get(2), List.of());
        // everyone's progress lists the two pairs as assigned
        browser.until(d -> browser.all("#progress tbody tr").size() == 2);
        assertThat(browser.text("#progress")).contains("anna").contains("bert").contains("0 of 5");
        browser.screenshot("assign-by-hand");

        browser.logInAs(app, "anna", "projects.html");
        String name = root.get("/api/projects/" + p).json().path("name").asText();
        List<String> seen = browser.driver.findElements(org.openqa.selenium.By.xpath(
                "//section[h2='" + name + "']//a[contains(@class,'transcript-link')]")).stream().map(WebElement::getText).toList();
        assertThat(seen).containsExactly(rows.get(0));
        assertThat(browser.all("a[href^='assign.html']")).isEmpty();
    }

    @Test
    void the_admin_assigns_by_rule_after_a_confirm_and_the_grid_is_replaced() {
        long p = project();
        long anna = app.count("SELECT id FROM users WHERE name = 'anna'");
        long first = root.get("/api/projects/" + p + "/assignments").json().path("transcripts").get(0).path("transcriptId").asLong();
        root.put("/api/projects/" + p + "/assignments", Map.of("assignments", List.of(Map.of("transcriptId", first, "userId", anna))));
        browser.logInAs(app, "root", "projects.html");
        browser.find("a[href='assign.html?p=" + p + "']").click();
        browser.waitReady();

        assertThat(browser.find("#share").getDomProperty("value")).isEqualTo("20");
        browser.find("#share").clear();
        browser.find("#share").sendKeys("50");
        browser.find("#rule-form button[type=submit]").click();
        assertThat(browser.acceptConfirm()).contains("replaces every assignment");
        waitStatus("#rule-status", "Done: 3 transcripts assigned");

        Map<String, List<String>> grid = serverGrid(p);
        int pairs = grid.values().stream().mapToInt(List::size).sum();
        assertThat(grid.values()).allSatisfy(who -> assertThat(who).isNotEmpty());
        assertThat(browser.all("#grid input").stream().filter(WebElement::isSelected)).hasSize(pairs);
        browser.until(d -> browser.all("#progress tbody tr").size() == pairs);
        browser.screenshot("assign-by-rule");
        browser.js("document.querySelector('#progress').scrollIntoView()");
        browser.screenshot("assign-progress");
    }
}
