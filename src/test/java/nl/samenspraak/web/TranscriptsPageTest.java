package nl.samenspraak.web;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspraak.account.Role;
import nl.samenspraak.support.Browser;
import nl.samenspraak.support.BrowserExtension;
import nl.samenspraak.support.BrowserOptions;
import nl.samenspraak.support.Fixtures;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.InLanguage;
import nl.samenspraak.support.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The transcripts page of a project (issue 9): every transcript with its units, speakers and roles, recording and
 * coders; roles confirmed by keyboard; a recording uploaded with progress (and a refusal in the server's words);
 * a soft delete that names what is kept; links to import and erase. At 1400x900, long real names, both languages.
 */
@ExtendWith(BrowserExtension.class)
@BrowserOptions(failedRequestsFail = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.parallel.ResourceLock("chromium")
class TranscriptsPageTest {
    static final String INTERPRETED = "2026-03-21 Gesprek KM Jansen en John Smith – derde gesprek met tolk, klant spreekt Engels (transcriptie concept v2).txt";

    @TempDir static Path dir;
    TestApp app;
    Http root;
    Browser en, nl;

    @BeforeAll void start(TestApp app, Browser en, @InLanguage("nl") Browser nl) {
        this.app = app;
        this.en = en;
        this.nl = nl;
        root = app.loggedIn("root", Role.ADMIN);
        for (Browser b : List.of(en, nl)) b.driver.manage().window().setSize(new Dimension(1400, 900));
    }

    /** The consensus study (roles given at import) and a second transcript imported without roles: KM guessed, John Smith unknown. */
    private record Project(ConsensusStudy study, long interpreted) {}

    private Project project() {
        ConsensusStudy s = new ConsensusStudy(app, root);
        Http.Response r = root.postFile("/api/projects/" + s.project + "/transcripts", INTERPRETED, ("""
                KM: Goedemorgen, fijn dat u er bent met uw tolk.
                John Smith: Good morning. I am happy to be here.
                KM: U mag vandaag zelf meebeslissen over de volgende stap.
                John Smith: I would like to work with people, close to home.
                """).getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return new Project(s, r.json().path("transcripts").get(0).path("id").asLong());
    }

    private void open(Browser b, String user, String page) {
        b.logInAfresh(app.baseUrl, user, TestApp.PASSWORD, page);
    }

    private WebElement card(Browser b, long transcript) {
        return b.find("#transcript-" + transcript);
    }

    @Test
    void an_administrator_sees_units_speakers_roles_recording_and_coders_and_confirms_roles_by_keyboard() {
        Project p = project();
        long projectId = p.study().project;
        open(en, "root", "projects.html");
        en.until(d -> !en.all("a[href='transcripts.html?p=" + projectId + "']").isEmpty());
        assertThat(en.all("a[href='import.html?p=" + projectId + "']")).as("My projects links the import page").hasSize(1);
        en.find("a[href='transcripts.html?p=" + projectId + "']").click();
        en.waitReady();
        assertThat(en.all(".transcript-card")).hasSize(2);
        assertThat(en.find("#import-link").getDomAttribute("href")).isEqualTo("import.html?p=" + projectId);
        assertThat(en.text("#summary")).isEqualTo("Transcripts: 2; speaker roles still to confirm: 1.");

        WebElement studied = card(en, p.study().transcript);
        assertThat(studied.getText()).contains(ConsensusStudy.NAME).contains("40 units").contains(ConsensusStudy.KM).contains("professional")
                .contains("confirmed").contains(p.study().coderA).contains("Step (three-talk model) 40/40");
        assertThat(studied.findElements(org.openqa.selenium.By.cssSelector(".roles-flag"))).isEmpty();
        assertThat(studied.findElement(org.openqa.selenium.By.cssSelector(".erase-link")).getDomAttribute("href")).isEqualTo("erase.html?t=" + p.study().transcript);
        assertThat(studied.findElement(org.openqa.selenium.By.cssSelector(".units-link")).getDomAttribute("href")).isEqualTo("units.html?t=" + p.study().transcript);
        WebElement elan = studied.findElement(org.openqa.selenium.By.cssSelector(".elan-link"));
        assertThat(elan.getDomAttribute("href")).isEqualTo("/api/transcripts/" + p.study().transcript + "/export.eaf?lang=en");
        assertThat(elan.getText()).isEqualTo("Export to ELAN (.eaf)");
        WebElement interpreted = card(en, p.interpreted());
        assertThat(interpreted.getText()).contains("Roles not confirmed").contains("guessed from the label").contains("unknown").contains("No recording yet");
        en.screenshot("transcripts-en");

        WebElement rolesButton = interpreted.findElement(org.openqa.selenium.By.cssSelector(".roles-button"));
        en.js("arguments[0].focus()", rolesButton);
        en.keys(Keys.ENTER);
        en.until(d -> en.find("#roles-dialog").isDisplayed());
        en.screenshot("transcripts-roles-en");
        // John Smith (the first label) becomes the client; KM stays the professional; Tab to Confirm, Enter.
        en.keys("c", Keys.TAB, Keys.TAB, Keys.ENTER);
        en.until(d -> !en.find("#roles-dialog").isDisplayed());
        en.until(d -> card(en, p.interpreted()).findElements(org.openqa.selenium.By.cssSelector(".roles-flag")).isEmpty());
        assertThat(en.text("#status")).contains("are confirmed");
        JsonNode speakers = root.get("/api/transcripts/" + p.interpreted()).json().path("speakers");
        assertThat(speakers.toString()).contains("\"label\":\"John Smith\",\"role\":\"client\",\"source\":\"given\"")
                .contains("\"label\":\"KM\",\"role\":\"professional\",\"source\":\"given\"");
        assertThat(root.get("/api/transcripts/" + p.interpreted()).json().path("transcript").path("rolesConfirmed").asBoolean()).isTrue();

        // The coding screen's link opens the roles of that transcript at once.
        en.open(app.baseUrl + "/transcripts.html?p=" + projectId + "&roles=" + p.study().transcript);
        en.waitReady();
        en.until(d -> en.find("#roles-dialog").isDisplayed());
        assertThat(en.text("#roles-title")).contains(ConsensusStudy.NAME);
        en.keys(Keys.ESCAPE);
        en.until(d -> !en.find("#roles-dialog").isDisplayed());
    }

    @Test
    void a_recording_uploads_with_a_progress_bar_and_a_refused_file_shows_the_servers_sentence() throws Exception {
        Project p = project();
        Path wav = Files.write(dir.resolve("2026-03-21 opname gesprek KM Jansen en John Smith.wav"), Sounds.tone(4));
        Path fake = Files.write(dir.resolve("notities bij het gesprek.mp3"), "Dit is geen opname.".getBytes(StandardCharsets.UTF_8));
        open(en, "root", "transcripts.html?p=" + p.study().project);
        en.until(d -> !en.all(".transcript-card").isEmpty());

        card(en, p.interpreted()).findElement(org.openqa.selenium.By.cssSelector("input.recording-input")).sendKeys(fake.toString());
        en.until(d -> card(en, p.interpreted()).findElement(org.openqa.selenium.By.cssSelector(".upload-state")).getText().startsWith("Not uploaded"));
        assertThat(card(en, p.interpreted()).findElement(org.openqa.selenium.By.cssSelector(".upload-state")).getText())
                .contains("notities bij het gesprek.mp3: the content is not mp3 audio or video");
        // The refused request is the one failed load the browser logs, by design.
        assertThat(en.pageErrors()).singleElement().asString().contains("/media").contains("400");

        card(en, p.interpreted()).findElement(org.openqa.selenium.By.cssSelector("input.recording-input")).sendKeys(wav.toString());
        en.until(d -> en.text("#status").contains("is now the recording of"));
        en.until(d -> card(en, p.interpreted()).findElement(org.openqa.selenium.By.cssSelector(".recording-now")).getText().contains(wav.getFileName().toString()));
        JsonNode info = root.get("/api/transcripts/" + p.interpreted() + "/media/info").json();
        assertThat(info.path("fileName").asText()).isEqualTo(wav.getFileName().toString());
        assertThat(info.path("sizeBytes").asLong()).isEqualTo(Files.size(wav));
        // The progress events: the bar went to 100% before the list was read again.
        assertThat(en.js("return window.samenspraakUploads || []").toString()).contains("100");
        en.screenshot("transcripts-recording-en");
    }

    @Test
    void delete_asks_first_names_what_is_kept_and_the_transcript_leaves_the_lists_while_its_rows_stay() {
        Project p = project();
        long t = p.study().transcript;
        long codes = app.count("SELECT COUNT(*) FROM codes c JOIN utterances u ON u.id = c.utterance_id WHERE u.transcript_id = " + t);
        open(en, "root", "transcripts.html?p=" + p.study().project);
        en.until(d -> !en.all(".transcript-card").isEmpty());
        card(en, t).findElement(org.openqa.selenium.By.cssSelector(".delete-button")).click();
        en.until(d -> en.find("#delete-dialog").isDisplayed());
        assertThat(en.text("#delete-title")).contains(ConsensusStudy.NAME);
        assertThat(en.text("#delete-dialog")).contains("disappears from every list").contains("Kept: its units, every code and rating")
                .contains("change log").contains("Erase…");
        en.screenshot("transcripts-delete-en");
        assertThat(en.driver.switchTo().activeElement().getDomAttribute("id")).as("Cancel has the focus").isEqualTo("delete-cancel");
        en.keys(Keys.ESCAPE);
        en.until(d -> !en.find("#delete-dialog").isDisplayed());
        assertThat(root.get("/api/projects/" + p.study().project + "/transcripts").json()).hasSize(2);

        card(en, t).findElement(org.openqa.selenium.By.cssSelector(".delete-button")).click();
        en.until(d -> en.find("#delete-dialog").isDisplayed());
        en.find("#delete-confirm").click();
        en.until(d -> en.all("#transcript-" + t).isEmpty());
        assertThat(en.text("#status")).contains("is deleted");
        assertThat(root.get("/api/projects/" + p.study().project + "/transcripts").json()).hasSize(1);
        assertThat(app.count("SELECT COUNT(*) FROM transcripts WHERE id = " + t + " AND deleted_at IS NOT NULL")).isEqualTo(1);
        assertThat(app.count("SELECT COUNT(*) FROM codes c JOIN utterances u ON u.id = c.utterance_id WHERE u.transcript_id = " + t)).isEqualTo(codes);
        assertThat(app.count("SELECT COUNT(*) FROM change_log WHERE transcript_id = " + t + " AND field = 'deleted'")).isEqualTo(1);
    }

    @Test
    void a_trainer_manages_roles_and_recordings_without_delete_or_erase_and_a_coder_is_refused_in_dutch() {
        Project p = project();
        open(nl, p.study().trainer, "transcripts.html?p=" + p.study().project);
        nl.until(d -> !nl.all(".transcript-card").isEmpty());
        assertThat(nl.text("h1")).isEqualTo("Transcripten");
        assertThat(card(nl, p.interpreted()).getText()).contains("Rollen niet bevestigd").contains("geraden uit het label").contains("onbekend");
        assertThat(nl.all(".roles-button")).hasSize(2);
        assertThat(nl.all(".upload-button")).hasSize(2);
        assertThat(nl.all(".delete-button")).isEmpty();
        assertThat(nl.all(".erase-link")).isEmpty();
        assertThat(nl.all(".units-link")).as("correcting units is for administrators").isEmpty();
        assertThat(nl.all(".elan-link")).as("a trainer exports ELAN files too").hasSize(2);
        assertThat(nl.find(".elan-link").getText()).isEqualTo("Exporteren naar ELAN (.eaf)");
        assertThat(nl.find("#import-link").getDomAttribute("href")).isEqualTo("import.html?p=" + p.study().project);
        nl.screenshot("transcripts-trainer-nl");
        card(nl, p.interpreted()).findElement(org.openqa.selenium.By.cssSelector(".roles-button")).click();
        nl.until(d -> nl.find("#roles-dialog").isDisplayed());
        nl.screenshot("transcripts-roles-nl");
        nl.keys(Keys.ESCAPE);

        open(nl, p.study().coderA, "projects.html");
        assertThat(nl.all("a[href='transcripts.html?p=" + p.study().project + "']")).isEmpty();
        open(nl, p.study().coderA, "transcripts.html?p=" + p.study().project);
        nl.until(d -> nl.find("#refused").isDisplayed());
        assertThat(nl.text("#refused")).contains("Alleen beheerders en trainers");
        assertThat(nl.find("#list").isDisplayed()).isFalse();
    }
}
