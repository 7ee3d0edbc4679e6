package nl.samenspraak.web;

import nl.samenspraak.report.CodedProject;
import nl.samenspraak.support.Browser;
import nl.samenspraak.support.BrowserExtension;
import nl.samenspraak.support.BrowserOptions;
import nl.samenspraak.support.TestApp;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The export page in a real browser whose downloads land in a temp folder: a job, its progress bar, the file. */
@ExtendWith(BrowserExtension.class)
@BrowserOptions(downloads = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.parallel.ResourceLock("chromium")
class ExportPageTest {
    TestApp app;
    CodedProject p;
    Browser browser;

    @BeforeAll void start(TestApp app, Browser browser) {
        this.app = app;
        this.browser = browser;
        p = new CodedProject(app);
    }

    /** The finished download whose name ends so (Chromium writes a .crdownload first). */
    private Path downloaded(String ending) {
        return browser.until(d -> {
            try (Stream<Path> files = Files.list(browser.downloads())) {
                Optional<Path> f = files.filter(x -> x.getFileName().toString().endsWith(ending)).findFirst();
                return f.filter(x -> x.toFile().length() > 0).orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
    }

    @Test
    void the_analyst_downloads_the_workbook_poi_opens_it_and_the_progress_bar_reaches_100_percent() throws IOException {
        browser.logInAs(app, "ria", "export.html?p=" + p.project);
        WebElement card = browser.find(".export-card[data-format='xlsx']");
        card.findElement(org.openqa.selenium.By.tagName("button")).click();
        browser.until(d -> "done".equals(card.findElement(org.openqa.selenium.By.className("job")).getDomAttribute("data-state")));
        WebElement bar = card.findElement(org.openqa.selenium.By.cssSelector("[role=progressbar]"));
        assertThat(bar.getDomAttribute("aria-valuenow")).isEqualTo("100");
        assertThat(bar.findElement(org.openqa.selenium.By.className("progress-fill")).getAttribute("style")).contains("width: 100%");
        assertThat(card.getText()).contains("Done: Arnhem-").contains(".xlsx");
        browser.screenshot("export-en");

        Path file = downloaded(".xlsx");
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook book = new XSSFWorkbook(in)) {
            List<String> sheets = new ArrayList<>();
            for (Sheet s : book) sheets.add(s.getSheetName());
            assertThat(sheets).contains("Units", "Reliability", "Confusion matrices");
            // 53 codes by three coders (cees left one unit uncoded): a header and one row each.
            assertThat(book.getSheet("Units").getLastRowNum()).isEqualTo(53);
        }
    }

    @Test
    void the_units_csv_follows_the_selection_from_the_reliability_page() throws IOException {
        long anna = app.count("SELECT id FROM users WHERE name = 'anna'");
        browser.logInAs(app, "ria", "export.html?p=" + p.project + "&coders=" + anna);
        assertThat(browser.text("#selection-text")).contains("coders 1 chosen, transcripts all");
        browser.find(".export-card[data-format='units.csv'] button").click();
        Path file = downloaded("-units.csv");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(1 + 18);
        assertThat(lines.subList(1, lines.size())).allSatisfy(l -> assertThat(l).contains(",anna,"));
    }

    @Test
    void the_spss_and_r_links_carry_the_choices_and_download_the_scripts() throws IOException {
        long anna = app.count("SELECT id FROM users WHERE name = 'anna'");
        browser.logInAs(app, "ria", "export.html?p=" + p.project + "&coders=" + anna);
        assertThat(browser.text("#sps-link")).isEqualTo("SPSS syntax");
        assertThat(browser.text("#r-link")).isEqualTo("R script");
        new org.openqa.selenium.support.ui.Select(browser.find("#dialect")).selectByValue("excel-nl");
        for (String id : List.of("#sps-link", "#r-link")) {
            assertThat(browser.find(id).getDomAttribute("href")).contains("dialect=excel-nl").contains("coders=" + anna).contains("lang=en");
        }
        browser.click("#sps-link");
        assertThat(Files.readString(downloaded(".sps"), StandardCharsets.UTF_8)).contains("GET DATA", "/DELIMITERS=\";\"", "VALUE LABELS");
        browser.click("#r-link");
        assertThat(Files.readString(downloaded(".R"), StandardCharsets.UTF_8)).contains("read_export(units_file", "sep = \";\"");
    }

    @Test
    void the_refi_qda_link_downloads_the_project_as_a_qdpx() throws IOException {
        browser.logInAs(app, "ria", "export.html?p=" + p.project);
        assertThat(browser.text("#qdpx-link")).isEqualTo("REFI-QDA project");
        assertThat(browser.find("#qdpx-link").getDomAttribute("href")).isEqualTo("/api/projects/" + p.project + "/export.qdpx?lang=en");
        browser.click("#qdpx-link");
        try (var zip = new java.util.zip.ZipFile(downloaded(".qdpx").toFile())) {
            assertThat(zip.getEntry("project.qde")).isNotNull();
        }
    }

    @Test
    void a_coder_in_a_blind_project_is_told_why_there_is_nothing_to_download() {
        browser.logInAs(app, "anna", "export.html?p=" + p.project);
        assertThat(browser.find("#refused").isDisplayed()).isTrue();
        assertThat(browser.text("#refused")).contains("cannot export").contains("blind");
        assertThat(browser.all(".export-card button").stream().filter(WebElement::isDisplayed)).isEmpty();
    }
}
