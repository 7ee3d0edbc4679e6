package nl.samenspraak.web;

import nl.samenspraak.account.Role;
import nl.samenspraak.support.Browser;
import nl.samenspraak.support.BrowserExtension;
import nl.samenspraak.support.BrowserOptions;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server refusal on a Dutch page reads in Dutch: the error's code and parameters are turned into the
 * page's sentence (errorText in i18n.js), not the server's English one: on the coding screen, on My account
 * and on the users page.
 */
@ExtendWith(BrowserExtension.class)
@BrowserOptions(language = "nl-NL")
@org.junit.jupiter.api.parallel.ResourceLock("chromium")
class ServerErrorLanguageTest {
    @Test
    void a_code_the_server_refuses_for_the_speakers_role_is_explained_in_dutch(TestApp app, Browser browser) {
        Http admin = app.loggedIn("root", Role.ADMIN);
        Study study = Study.conversation(app, admin);
        browser.logInAs(app, study.coder(), study.codePage());
        // While the coder works, an administrator corrects the roles: the first speaker (KM) is now the client.
        Http.Response roles = admin.put("/api/transcripts/" + study.transcript() + "/speakers", Map.of("KM", "client", "Klant", "professional"));
        assertThat(roles.status()).as(roles.body()).isEqualTo(200);
        // The page still has KM as the professional, so it sends 'co-decide' (professional only) for the first unit.
        browser.keys(Keys.TAB, Keys.HOME, "1");
        browser.until(d -> !browser.find("#toast").getText().isBlank());
        String toast = browser.toast();
        browser.screenshot("server-refusal-in-dutch");
        // The code's label (a codebook text) and both roles in Dutch; the speaker's label as the transcript has it.
        assertThat(toast).isEqualTo("De server weigerde een wijziging: ‘co-decide’ (Benoemt meebeslissen) is een code voor wat de professional zegt; "
                + "deze eenheid wordt uitgesproken door ‘KM’, met in dit transcript de rol cliënt. Klopt die rol niet, dan stelt een beheerder "
                + "of trainer van het project de sprekersrollen in op de transcriptenpagina.");
        assertThat(study.serverCodes()).isEmpty();
    }

    @Test
    void my_account_says_in_dutch_that_the_current_password_is_wrong(TestApp app, Browser browser) {
        String name = app.unique("Wilhelmina Hoogeveen-van der Plas (onderzoeker)");
        app.user(name, Role.CODER);
        browser.logInAs(app, name, "account.html");
        browser.find("#current").sendKeys("niet mijn wachtwoord");
        browser.find("#password").sendKeys("een heel nieuw wachtwoord");
        browser.find("#repeat").sendKeys("een heel nieuw wachtwoord", Keys.ENTER);
        browser.until(d -> !browser.text("#password-status").isBlank());
        assertThat(browser.text("#password-status")).isEqualTo("Veld ‘huidig wachtwoord’: dat is niet uw huidige wachtwoord.");
        app.anonymous().login(name, TestApp.PASSWORD);
    }

    @Test
    void the_users_page_says_in_dutch_that_a_typed_password_is_too_short(TestApp app, Browser browser) {
        String admin = app.unique("Beheerder Gerrit-Jan Oosterhuis");
        app.user(admin, Role.ADMIN);
        browser.logInAs(app, admin, "users.html");
        browser.find("#new-name").sendKeys("Cor Bakker");
        browser.find("input[name=new-mode][value=type]").click();
        browser.find("#new-password").sendKeys("kort", Keys.ENTER);
        browser.until(d -> !browser.text("#new-status").isBlank());
        browser.screenshot("users-refusal-in-dutch");
        assertThat(browser.text("#new-status")).contains("Veld ‘wachtwoord’: het wachtwoord moet minstens 10 tekens lang zijn.");
    }
}
