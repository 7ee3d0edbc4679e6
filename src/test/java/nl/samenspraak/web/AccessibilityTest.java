package nl.samenspraak.web;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspraak.support.Axe;
import nl.samenspraak.support.Browser;
import nl.samenspraak.support.BrowserExtension;
import nl.samenspraak.support.BrowserOptions;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core on every page of web/ (found in the folder, so a page added later is checked at once), as
 * the admin of the demo project, with the demo's project and transcript in the query: no serious or
 * critical violation. The log-in page is checked logged out.
 */
@ExtendWith(BrowserExtension.class)
@BrowserOptions(demo = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.parallel.ResourceLock("chromium")
class AccessibilityTest {
    static final String ADMIN = "demo-admin";
    /** Query parameters beyond p (project) and t (transcript) that a page needs to show its content. */
    final Map<String, String> extra = new java.util.HashMap<>();

    TestApp app;
    Browser browser;
    String password;
    long project, transcript, recording;
    boolean loggedIn;

    static Stream<String> pages() throws IOException, URISyntaxException {
        Path web = Path.of(AccessibilityTest.class.getClassLoader().getResource("web").toURI());
        try (Stream<Path> files = Files.list(web)) {
            List<String> pages = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".html")).sorted().toList();
            assertThat(pages).as("pages in web/").contains("index.html", "code.html");
            return pages.stream();
        }
    }

    @BeforeAll void start(TestApp app, Browser browser) {
        Axe.assumeInstalled();
        this.app = app;
        this.browser = browser;
        password = app.demoPassword(ADMIN);
        Http admin = app.anonymous();
        admin.login(ADMIN, password);
        JsonNode projects = admin.get("/api/projects").json();
        project = projects.get(0).path("id").asLong();
        transcript = admin.get("/api/projects/" + project + "/transcripts").json().get(0).path("id").asLong();
        // So that the pages show their content rather than "nothing here yet": anna's coding is the
        // calibration reference for bram, and the project has a session field and a questionnaire.
        long anna = app.count("SELECT id FROM users WHERE name = 'anna'"), bram = app.count("SELECT id FROM users WHERE name = 'bram'");
        ok(admin.put("/api/transcripts/" + transcript + "/reference", Map.of("coderId", anna)));
        extra.put("calibration.html", "&coder=" + bram);
        ok(admin.put("/api/projects/" + project + "/fields", Map.of("fields", List.of(Map.of("key", "condition",
                "label", Map.of("nl", "Conditie", "en", "Condition"), "type", "category", "allowed", List.of("trained", "untrained"))))));
        ok(admin.put("/api/projects/" + project + "/questionnaire", Map.of("codebookKey", "client-card-arnhem")));
        // The recording screen opens a transcript made from a recording, with a unit made on it.
        Http.Response made = admin.postFile("/api/projects/" + project + "/recordings", "opname.wav", Sounds.tone(4), Map.of());
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        recording = made.json().path("transcript").path("id").asLong();
        assertThat(admin.post("/api/transcripts/" + recording + "/units", Map.of("startMs", 0, "endMs", 1500, "role", "professional")).status()).isEqualTo(201);
    }

    private static void ok(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void axe_finds_no_serious_or_critical_violation_on(String page) {
        // It exists only on a server without users (this one has the demo's); SetupPageTest runs axe on it.
        org.junit.jupiter.api.Assumptions.assumeFalse(page.equals("setup.html"), "setup.html is checked by SetupPageTest");
        String url = page + "?p=" + project + "&t=" + (page.equals("record.html") ? recording : transcript) + extra.getOrDefault(page, "");
        if (page.equals("index.html")) {
            browser.driver.manage().deleteAllCookies();
            browser.open(app.baseUrl + "/" + page);
            loggedIn = false;
        } else if (!loggedIn) {
            browser.logInAfresh(app.baseUrl, ADMIN, password, url);
            loggedIn = true;
        } else {
            browser.open(app.baseUrl + "/" + url);
        }
        browser.waitReady();
        browser.screenshot("a11y-" + page.replace(".html", ""));
        List<Axe.Violation> violations = Axe.serious(browser);
        assertThat(violations).as("axe-core on " + url + ":\n    " + String.join("\n    ", violations.stream().map(Object::toString).toList()))
                .isEmpty();
    }
}
