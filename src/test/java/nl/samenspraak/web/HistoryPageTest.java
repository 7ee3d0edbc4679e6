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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The history page: after a few saves by two people the admin reads them oldest first, with names, page by page. */
@ExtendWith(BrowserExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.parallel.ResourceLock("chromium")
class HistoryPageTest {
    TestApp app;
    Http root;
    Browser browser;

    @BeforeAll void start(TestApp app, Browser browser) {
        this.app = app;
        this.browser = browser;
        root = app.loggedIn("root", Role.ADMIN);
    }

    private List<String> column(int index) {
        return browser.all("#entries tr").stream().map(r -> r.findElements(By.tagName("td")).get(index).getText()).toList();
    }

    @Test
    void after_a_few_saves_the_admin_sees_them_in_order_with_names_and_pages_on_with_more() {
        Study s = Study.conversation(app, root);
        String dim = Fixtures.firstDimension(root);
        String a = Fixtures.codeFor(root, dim, "professional", 0), b = Fixtures.codeFor(root, dim, "professional", 1);
        String unit = "/api/utterances/" + s.unitId(0) + "/codes/" + dim;
        assertThat(s.coderHttp().put(unit, Map.of("code", a)).status()).isEqualTo(200);
        assertThat(s.coderHttp().put(unit, Map.of("code", b)).status()).isEqualTo(200);
        assertThat(root.put(unit, Map.of("code", a)).status()).isEqualTo(200);

        browser.logInAs(app, "root", "history.html?p=" + s.project() + "&limit=2");
        browser.until(d -> browser.all("#entries tr").size() == 2);
        assertThat(browser.find("#more").isDisplayed()).isTrue();
        browser.find("#more").click();
        browser.until(d -> browser.all("#entries tr").size() == 3);
        assertThat(browser.find("#more").isDisplayed()).isFalse();
        assertThat(browser.text("#count")).isEqualTo("All 3 changes shown.");

        assertThat(column(1)).containsExactly(s.coder(), s.coder(), "root");
        assertThat(column(3)).containsExactly(s.coder(), s.coder(), "root");
        assertThat(column(2)).allSatisfy(w -> assertThat(w).endsWith(", unit 1"));
        assertThat(column(4)).allSatisfy(f -> assertThat(f).isEqualTo("code: " + dim));
        assertThat(column(5)).containsExactly("(empty) → " + a, a + " → " + b, "(empty) → " + a);
        assertThat(browser.find("#csv").getDomAttribute("href")).isEqualTo("/api/projects/" + s.project() + "/history.csv");
        browser.screenshot("history");

        // one coder only: the server filters, the link follows
        long coderId = app.count("SELECT id FROM users WHERE name = '" + s.coder() + "'");
        new Select(browser.find("#coder")).selectByVisibleText("root");
        browser.until(d -> browser.all("#entries tr").size() == 1);
        assertThat(browser.find("#csv").getDomAttribute("href")).contains("coder=");
        assertThat(browser.driver.getCurrentUrl()).contains("coder=").doesNotContain("coder=" + coderId);
        String csv = root.get(browser.find("#csv").getDomAttribute("href")).body();
        assertThat(csv.lines().count()).isEqualTo(2);
    }

    @Test
    void a_coder_is_told_the_history_is_for_administrators() {
        Study s = Study.conversation(app, root);
        browser.logInAs(app, s.coder(), "history.html?p=" + s.project());
        assertThat(browser.text("#refused")).contains("Only administrators");
        assertThat(browser.find("#history").isDisplayed()).isFalse();
    }
}
