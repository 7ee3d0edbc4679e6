package nl.samenspraak.web;

import nl.samenspraak.account.Role;
import nl.samenspraak.support.Browser;
import nl.samenspraak.support.BrowserExtension;
import nl.samenspraak.support.InLanguage;
import nl.samenspraak.support.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, the REFI-QDA import page: an administrator chooses NVivo's published export on My projects, reads the
 * preview (a new codebook, two transcripts, the coder with a new deactivated account, conflicts, nothing stored yet),
 * imports it and finds the project; in Dutch a refused file names the problem in Dutch, and nothing is stored.
 */
@ExtendWith(BrowserExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.parallel.ResourceLock("chromium")
class QdpxImportPageTest {
    @TempDir static Path dir;
    TestApp app;
    Browser en;
    Browser nl;

    @BeforeAll void start(TestApp app, Browser en, @InLanguage("nl") Browser nl) {
        this.app = app;
        this.en = en;
        this.nl = nl;
        app.user("root", Role.ADMIN);
    }

    @Test
    void an_administrator_previews_nvivos_project_then_imports_it_as_a_new_project() throws Exception {
        en.logInAfresh(app.baseUrl, "root", TestApp.PASSWORD, "projects.html");
        en.click("#new-from-qdpx");
        en.waitReady();
        Path file = Path.of("src/test/resources/refi-qda/samples/nvivo12-windows-oltas.qdpx").toAbsolutePath();
        en.find("#qdpx-file").sendKeys(file.toString());
        en.until(d -> en.find("#report").isDisplayed());
        assertThat(en.text("#preview-status")).contains("NVivo for Windows 12.6").contains("nothing is stored yet");
        assertThat(en.text("#codebook-line")).startsWith("A new codebook");
        assertThat(en.all("#transcripts tr")).hasSize(2);
        assertThat(en.text("#coders")).contains("Gergo").contains("new account, deactivated");
        assertThat(en.all("#conflicts li")).isNotEmpty();
        assertThat(en.find("#project-name").getDomProperty("value")).isEqualTo("Untitled");
        assertThat(app.count("SELECT COUNT(*) FROM projects")).isZero();
        en.find("#project-name").clear();
        en.find("#project-name").sendKeys("Vaccinatiehouding op YouTube – NVivo-codering, tweede ronde");
        Screens.both(en, "qdpx-preview");
        en.click("#import-button");
        en.until(d -> "done".equals(en.find("#import-status").getDomAttribute("data-state")));
        assertThat(en.text("#import-status")).contains("Imported into Vaccinatiehouding op YouTube").contains("2 transcripts");
        assertThat(app.count("SELECT COUNT(*) FROM transcripts t JOIN projects p ON p.id = t.project_id"
                + " WHERE p.name LIKE 'Vaccinatiehouding%' AND t.deleted_at IS NULL")).isEqualTo(2);
        en.click("#import-status a");
        en.waitReady();
        assertThat(en.driver.getCurrentUrl()).contains("transcripts.html?p=");
    }

    @Test
    void in_dutch_a_file_that_is_not_a_project_is_refused_in_dutch_and_nothing_is_stored() throws Exception {
        long before = app.count("SELECT COUNT(*) FROM projects");
        Path file = dir.resolve("codeboek.qde");
        Files.writeString(file, "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"/>");
        nl.logInAfresh(app.baseUrl, "root", TestApp.PASSWORD, "qdpx.html");
        assertThat(nl.text("h1")).isEqualTo("Een REFI-QDA-project importeren");
        nl.find("#qdpx-file").sendKeys(file.toString());
        nl.until(d -> "failed".equals(nl.find("#preview-status").getDomAttribute("data-state")));
        assertThat(nl.text("#preview-status")).contains("codeboek.qde").contains("het hoofdelement is <CodeBook>");
        assertThat(nl.find("#report").isDisplayed()).isFalse();
        assertThat(app.count("SELECT COUNT(*) FROM projects")).isEqualTo(before);
    }
}
