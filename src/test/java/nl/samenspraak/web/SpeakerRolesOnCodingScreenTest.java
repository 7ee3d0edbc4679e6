package nl.samenspraak.web;

import nl.samenspraak.account.Role;
import nl.samenspraak.support.Browser;
import nl.samenspraak.support.BrowserExtension;
import nl.samenspraak.support.BrowserOptions;
import nl.samenspraak.support.Fixtures;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Speaker roles on the coding screen (issue 9): a transcript whose roles are not confirmed is flagged, with a
 * link to fix it for administrators and trainers and a plain note for coders; a code refused for a speaker's
 * role says why in plain words and where the roles are set (defect 8).
 */
@ExtendWith(BrowserExtension.class)
@BrowserOptions(failedRequestsFail = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.parallel.ResourceLock("chromium")
class SpeakerRolesOnCodingScreenTest {
    static final String TEXT = """
            KM: Goedemorgen, wat fijn dat u er bent.
            John Smith: Good morning, I brought my interpreter's notes.
            KM: U mag vandaag zelf meebeslissen over de volgende stap.
            John Smith: I would like to work with people.
            """;

    TestApp app;
    Http root;
    Browser browser;
    int n;

    @BeforeAll void start(TestApp app, Browser browser) {
        this.app = app;
        this.browser = browser;
        root = app.loggedIn("root", Role.ADMIN);
        browser.driver.manage().window().setSize(new Dimension(1400, 900));
    }

    /** A project with a coder and a trainer and the transcript imported without roles: KM guessed, John Smith unknown. */
    private long[] study() {
        n++;
        long project = Fixtures.project(root, "Gesprekken Arnhem " + n);
        app.user("coder " + n, Role.CODER);
        app.user("trainer " + n, Role.TRAINER);
        Fixtures.member(root, project, "coder " + n, "coder");
        Fixtures.member(root, project, "trainer " + n, "trainer");
        Http.Response r = root.postFile("/api/projects/" + project + "/transcripts", "2026-03-14 Gesprek KM Jansen en John Smith (tolk aanwezig).txt",
                TEXT.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return new long[]{project, r.json().path("transcripts").get(0).path("id").asLong()};
    }

    private void open(String user, long transcript) {
        browser.logInAfresh(app.baseUrl, user, TestApp.PASSWORD, "code.html?t=" + transcript);
    }

    @Test
    void unconfirmed_roles_are_flagged_with_a_link_for_trainers_and_a_note_for_coders() {
        long[] s = study();
        open("trainer " + n, s[1]);
        browser.until(d -> browser.find("#roles-notice").isDisplayed());
        assertThat(browser.text("#roles-notice")).contains("not been confirmed").doesNotContain("null");
        assertThat(browser.find("#roles-notice a").getDomAttribute("href")).isEqualTo("transcripts.html?p=" + s[0] + "&roles=" + s[1]);
        browser.screenshot("coding-roles-unconfirmed-trainer-en");

        open("coder " + n, s[1]);
        browser.until(d -> browser.find("#roles-notice").isDisplayed());
        assertThat(browser.text("#roles-notice")).contains("not been confirmed").contains("administrator or trainer");
        assertThat(browser.all("#roles-notice a")).isEmpty();

        Http.Response set = root.put("/api/transcripts/" + s[1] + "/speakers", Map.of("KM", "professional", "John Smith", "client"));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        open("coder " + n, s[1]);
        browser.until(d -> !browser.all("#units .unit").isEmpty());
        assertThat(browser.all("#roles-notice").stream().noneMatch(e -> e.isDisplayed())).isTrue();
    }

    @Test
    void a_code_refused_for_the_speakers_role_says_why_in_plain_words_and_where_roles_are_set() {
        long[] s = study();
        open("coder " + n, s[1]);
        browser.until(d -> !browser.all("#units .unit").isEmpty());
        browser.keys(Keys.TAB, "j", "1");
        browser.until(d -> browser.text("#roles-notice").contains("John Smith"));
        String said = browser.text("#roles-notice");
        assertThat(said).contains("Says the client may co-decide").contains("professional").contains("other")
                .contains("administrator or trainer").doesNotContain("is the other");
        browser.screenshot("coding-role-refused-coder-en");

        open("trainer " + n, s[1]);
        browser.until(d -> !browser.all("#units .unit").isEmpty());
        browser.keys(Keys.TAB, "j", "1");
        browser.until(d -> browser.text("#roles-notice").contains("John Smith"));
        assertThat(browser.find("#roles-notice a").getDomAttribute("href")).isEqualTo("transcripts.html?p=" + s[0] + "&roles=" + s[1]);

        new org.openqa.selenium.support.ui.Select(browser.find("#language")).selectByValue("nl");
        browser.until(d -> browser.text("#roles-notice").startsWith("De rollen van de sprekers"));
        assertThat(browser.text("#roles-notice")).contains("Niet gecodeerd: ‘Benoemt meebeslissen’ is een code voor wat de professional zegt")
                .contains("John Smith, met in dit transcript de rol overig").contains("Stel de sprekersrollen van dit transcript in");
        browser.screenshot("coding-role-refused-trainer-nl");
        browser.find("#roles-notice .notice-close").click();
        browser.until(d -> !browser.text("#roles-notice").contains("John Smith"));
        browser.js("localStorage.removeItem('samenspraak.lang')");
    }
}
