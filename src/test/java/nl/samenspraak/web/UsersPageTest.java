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
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The users page (add, reset, deactivate, reactivate) and My account (own password), in the browser. */
@ExtendWith(BrowserExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.parallel.ResourceLock("chromium")
class UsersPageTest {
    static final String LONG = "Marieke van den Berg-Oudshoorn (onderzoeksassistent Radboud)";
    TestApp app;
    Browser browser;

    @BeforeAll void start(TestApp app, Browser browser) {
        this.app = app;
        this.browser = browser;
        app.user("root", Role.ADMIN);
        app.user("Anna Jansen", Role.CODER);
        app.user("Bram de Wit", Role.TRAINER);
    }

    @Test
    void an_admin_adds_a_user_with_a_generated_password_resets_one_and_deactivates_from_the_keyboard() {
        browser.logInAfresh(app.baseUrl, "root", TestApp.PASSWORD, "projects.html");
        browser.find("#nav-users").click();
        browser.waitReady();
        assertThat(browser.driver.getCurrentUrl()).endsWith("/users.html");

        browser.find("#new-name").sendKeys(LONG);
        new Select(browser.find("#new-role")).selectByValue("trainer");
        browser.find("#new-name").sendKeys(Keys.ENTER);
        browser.until(d -> browser.find("#secret").isDisplayed());
        String password = browser.text("#secret code.password");
        assertThat(browser.text("#secret")).contains(LONG).contains("Shown only now");
        app.anonymous().login(LONG, password);
        assertThat(browser.text("#users")).contains(LONG).contains("trainer");
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 900));
        browser.screenshot("users-generated-en");

        // typed password for a second user
        browser.find("#new-name").sendKeys("Cor Bakker");
        browser.find("input[name=new-mode][value=type]").click();
        assertThat(browser.driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("new-password");
        browser.keys("kort", Keys.ENTER);
        browser.until(d -> browser.text("#new-status").contains("at least 10"));
        browser.find("#new-password").clear();
        browser.find("#new-password").sendKeys("een lang wachtwoord", Keys.ENTER);
        browser.until(d -> browser.text("#new-status").contains("Added Cor Bakker"));
        app.anonymous().login("Cor Bakker", "een lang wachtwoord");

        // reset Anna's password with a generated one: her session ends
        Http anna = app.as("Anna Jansen");
        browser.find("tr[data-user='Anna Jansen'] button").click();
        assertThat(browser.text("#reset-title")).isEqualTo("New password for Anna Jansen");
        browser.keys(Keys.ENTER);
        browser.until(d -> browser.text("#row-status").contains("New password set for Anna Jansen"));
        assertThat(anna.get("/api/me").status()).isEqualTo(401);
        app.anonymous().login("Anna Jansen", browser.text("#secret code.password"));

        // deactivate Bram with the keyboard: focus his button, Enter, confirm
        Http bram = app.as("Bram de Wit");
        browser.js("document.querySelector(\"tr[data-user='Bram de Wit'] td.actions button:last-child\").focus()");
        browser.keys(Keys.ENTER);
        assertThat(browser.acceptConfirm()).contains("Deactivate Bram de Wit?");
        browser.until(d -> browser.text("#row-status").contains("Bram de Wit is deactivated"));
        browser.until(d -> browser.text("tr[data-user='Bram de Wit']").contains("deactivated"));
        assertThat(bram.get("/api/me").status()).isEqualTo(401);
        assertThat(browser.driver.switchTo().activeElement().getText()).isEqualTo("Reactivate");
        Screens.both(browser, "users");
        browser.find("tr[data-user='Bram de Wit'] td.actions button:last-child").click();
        browser.until(d -> browser.text("#row-status").contains("Bram de Wit can log in again"));
        app.anonymous().login("Bram de Wit", TestApp.PASSWORD);
    }

    @Test
    void a_coder_is_told_the_users_page_is_not_for_them_and_sees_no_admin_links() {
        app.user("Dirk Coder", Role.CODER);
        browser.logInAfresh(app.baseUrl, "Dirk Coder", TestApp.PASSWORD, "users.html");
        assertThat(browser.text("#refused")).contains("Only system administrators manage users");
        assertThat(browser.all("#nav-users")).isEmpty();
        assertThat(browser.find("#users-page").isDisplayed()).isFalse();
    }

    @Test
    void every_user_changes_their_own_password_on_my_account_and_their_other_sessions_end() {
        app.user("Eva Smit", Role.ANALYST);
        Http elsewhere = app.as("Eva Smit");
        browser.logInAfresh(app.baseUrl, "Eva Smit", TestApp.PASSWORD, "projects.html");
        browser.find("#user-name").click();
        browser.waitReady();
        assertThat(browser.text("#who")).contains("Eva Smit").contains("analyst");
        browser.find("#current").sendKeys("niet mijn wachtwoord");
        browser.find("#password").sendKeys("mijn nieuwe lange zin");
        browser.find("#repeat").sendKeys("mijn nieuwe lange zin", Keys.ENTER);
        browser.until(d -> browser.text("#password-status").contains("not your current password"));
        browser.find("#current").clear();
        browser.find("#current").sendKeys(TestApp.PASSWORD, Keys.ENTER);
        browser.until(d -> browser.text("#password-status").contains("Your password is changed"));
        assertThat(elsewhere.get("/api/me").status()).isEqualTo(401);
        assertThat(browser.js("return fetch('/api/me').then(r => r.status)")).isEqualTo(200L);
        app.anonymous().login("Eva Smit", "mijn nieuwe lange zin");
        Screens.both(browser, "account");
        assertThat(app.anonymous().post("/api/login", Map.of("name", "Eva Smit", "password", TestApp.PASSWORD)).status()).isEqualTo(401);
    }
}
