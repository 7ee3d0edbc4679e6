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
 * page's sentence (errorText in i18n.js), not the server's English one.
 */
@ExtendWith(BrowserExtension.class)
@BrowserOptions(language = "nl-NL")
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
        String toast = browser.text("#toast");
        browser.screenshot("server-refusal-in-dutch");
        assertThat(toast).isEqualTo("De server weigerde een wijziging: De code ‘co-decide’ is alleen voor uitingen van de professional; "
                + "deze uiting is van de cliënt.");
        assertThat(study.serverCodes()).isEmpty();
    }
}
