package nl.samenspraak.web;

import nl.samenspraak.account.SetupHttpTest;
import nl.samenspraak.support.Browser;
import nl.samenspraak.support.BrowserExtension;
import nl.samenspraak.support.BrowserOptions;
import nl.samenspraak.support.TestApp;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole study from an empty database, as people do it in the browser (issue 9): the set-up code
 * from the server's console makes the first administrator; the administrator adds two coders, makes a
 * project, adds them as members, imports two transcripts on the import page (roles confirmed there),
 * uploads a recording on the transcripts page; both coders code one transcript by keyboard; the
 * administrator reads Krippendorff's alpha on the reliability page and downloads the workbook from the
 * export page. After the server starts there is no API call and no command: only pages. The checks
 * afterwards read the database file and the downloaded workbook.
 *
 * <p>The expected alpha is worked by hand (Krippendorff 2011, "Computing Krippendorff's alpha-reliability",
 * nominal data, no missing values): 8 units, 2 coders, disagreements on 2 units, so D_o = 4/16; the
 * values t 5, o 5, d 5, n 1 give D_e = (16² − 76)/(16·15) = 0.75; alpha = 1 − 0.25/0.75 = 0.667.
 */
@ExtendWith(BrowserExtension.class)
@BrowserOptions(downloads = true)
@org.junit.jupiter.api.parallel.ResourceLock("chromium")
class WholeStudyInTheBrowserTest {
    static final String ADMIN = "Ans de Vries-Oosterhuis (projectleider)";
    static final String ANNA = "Anna Jansen-de Groot", BRAM = "Bram Oosterhuis";
    static final String PASSWORD = "een lang wachtwoord voor de studie";
    static final String PROJECT = "Samen Beslissen in re-integratiegesprekken – gemeente Arnhem, tweede meting 2026";
    static final String GESPREK = "2026-03-21 Gesprek klantmanager Jansen en mevrouw De Boer – tweede gesprek (transcriptie v2)";
    static final String WHISPER = "2026-03-28 opname gesprek 14 (whisperx, gediariseerd)";
    static final String TEXT = """
            Klantmanager: Goedemorgen mevrouw De Boer, fijn dat u er bent. Zullen we samen kijken naar de volgende stap?
            Mevrouw De Boer: Goedemorgen. Ja, graag, ik wil weer aan het werk.
            Klantmanager: Er zijn een paar mogelijkheden: een opleiding in de zorg, een proefplaatsing, of eerst vrijwilligerswerk.
            Mevrouw De Boer: Wat houdt die proefplaatsing precies in?
            Klantmanager: U werkt twee maanden mee bij een werkgever, met behoud van uitkering.
            Mevrouw De Boer: Dan kies ik voor de proefplaatsing, denk ik.
            Klantmanager: Goed, dan spreken we dat samen af en ik bel de werkgever deze week.
            Mevrouw De Boer: Fijn, dank u wel.
            """;
    static final String[] ANNA_KEYS = {"t", "t", "o", "o", "o", "d", "d", "d"};
    static final String[] BRAM_KEYS = {"t", "t", "o", "t", "o", "d", "d", "n"};

    @Test
    void a_study_runs_from_the_set_up_code_to_the_downloaded_workbook_through_pages_only(TestApp app, Browser browser) throws Exception {
        browser.driver.manage().window().setSize(new Dimension(1400, 900));
        assertThat(app.count("SELECT COUNT(*) FROM users")).as("an empty database").isZero();

        // First start: any page leads to set-up; the code is the one the server printed.
        browser.open(app.baseUrl + "/");
        browser.waitReady();
        assertThat(browser.driver.getCurrentUrl()).endsWith("/setup.html");
        browser.find("#code").sendKeys(SetupHttpTest.code(app.startupOutput));
        browser.find("#name").sendKeys(ADMIN);
        browser.find("#password").sendKeys(PASSWORD);
        browser.find("#repeat").sendKeys(PASSWORD, Keys.ENTER);
        browser.until(d -> d.getCurrentUrl().contains("/projects.html"));
        browser.waitReady();

        // Two coders on the users page, each with a typed first password.
        follow(browser, "#nav-users");
        for (String name : List.of(ANNA, BRAM)) {
            browser.find("#new-name").sendKeys(name);
            new Select(browser.find("#new-role")).selectByValue("coder");
            browser.find("input[name=new-mode][value=type]").click();
            browser.find("#new-password").sendKeys(PASSWORD, Keys.ENTER);
            browser.until(d -> browser.text("#new-status").contains("Added " + name));
        }

        // A project, then its members.
        browser.open(app.baseUrl + "/projects.html");
        browser.waitReady();
        follow(browser, "#new-project");
        new Select(browser.find("#codebook")).selectByValue("samen-beslissen");
        browser.until(d -> !browser.all("#preview table.cb-codes kbd").isEmpty());
        browser.find("#name").sendKeys(PROJECT, Keys.ENTER);
        browser.until(d -> d.getCurrentUrl().contains("members.html"));
        browser.waitReady();
        long project = Long.parseLong(browser.driver.getCurrentUrl().replaceAll(".*[?&]p=(\\d+).*", "$1"));
        for (String name : List.of(ANNA, BRAM)) {
            browser.until(d -> !browser.all("#add-user option").isEmpty());
            new Select(browser.find("#add-user")).selectByVisibleText(name);
            new Select(browser.find("#add-role")).selectByValue("coder");
            browser.find("#add-form button[type=submit]").click();
            browser.until(d -> browser.text("#add-status").contains(name + " is now coder"));
        }

        // Import: the transcripts page leads to the import page; two files dropped, roles confirmed, imported.
        browser.open(app.baseUrl + "/projects.html");
        browser.waitReady();
        follow(browser, "a[href='transcripts.html?p=" + project + "']");
        follow(browser, "#import-link");
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(GESPREK + ".txt", TEXT.getBytes(StandardCharsets.UTF_8));
        files.put(WHISPER + ".srt", resource("/transcripts/tools/whisperx-diarised.srt"));
        drop(browser, files);
        browser.until(d -> browser.all("section.preview").size() == 2);
        settled(browser);
        role(browser, GESPREK, "Klantmanager", "professional");
        role(browser, GESPREK, "Mevrouw De Boer", "client");
        role(browser, WHISPER, "SPEAKER_00", "professional");
        role(browser, WHISPER, "SPEAKER_01", "client");
        for (String name : List.of(GESPREK, WHISPER)) preview(browser, name).findElement(By.cssSelector("input.confirm-roles")).click();
        browser.find("#import-button").click();
        browser.until(d -> browser.all("#imported li").size() == 2);
        long gesprek = Long.parseLong(browser.all("#imported li").stream().filter(li -> li.getText().contains(GESPREK)).findFirst()
                .orElseThrow().getDomAttribute("data-transcript"));
        assertThat(app.count("SELECT COUNT(*) FROM utterances WHERE transcript_id = " + gesprek)).isEqualTo(8);
        assertThat(app.count("SELECT COUNT(*) FROM transcripts WHERE project_id = " + project + " AND roles_confirmed = 1")).isEqualTo(2);

        // A recording for the first transcript, on the transcripts page.
        browser.open(app.baseUrl + "/transcripts.html?p=" + project);
        browser.waitReady();
        Path wav = Files.write(browser.downloads().getParent().resolve("opname " + GESPREK + ".wav"), Sounds.tone(4));
        browser.find("#transcript-" + gesprek + " input.recording-input").sendKeys(wav.toString());
        browser.until(d -> browser.text("#status").contains("is now the recording of"));
        assertThat(app.count("SELECT COUNT(*) FROM media WHERE transcript_id = " + gesprek)).isEqualTo(1);

        // Both coders code the step of every unit by keyboard, from My projects.
        codeAs(browser, app, ANNA, gesprek, ANNA_KEYS);
        codeAs(browser, app, BRAM, gesprek, BRAM_KEYS);

        // The administrator reads alpha on the reliability page.
        browser.logInAfresh(app.baseUrl, ADMIN, PASSWORD, "projects.html");
        follow(browser, "a[href^='reliability.html?p=" + project + "']");
        String alpha = ".dimension[data-dimension='step'] .alpha-value";
        browser.until(d -> !browser.all(alpha).isEmpty());
        assertThat(browser.text(alpha)).isEqualTo("0.667");

        // ... and downloads the workbook from the export page.
        browser.open(app.baseUrl + "/projects.html");
        browser.waitReady();
        follow(browser, "a[href='export.html?p=" + project + "']");
        WebElement card = browser.find(".export-card[data-format='xlsx']");
        card.findElement(By.tagName("button")).click();
        browser.until(d -> "done".equals(card.findElement(By.className("job")).getDomAttribute("data-state")));
        byte[] xlsx = Files.readAllBytes(downloaded(browser, ".xlsx"));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(codes(book.getSheet("Units"), GESPREK, ANNA)).containsExactlyElementsOf(keys(ANNA_KEYS));
            assertThat(codes(book.getSheet("Units"), GESPREK, BRAM)).containsExactlyElementsOf(keys(BRAM_KEYS));
            assertThat(alphaIn(book.getSheet("Reliability"))).isCloseTo(2.0 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    /** Follows a link or button that leads to another page, and waits for that page. */
    private static void follow(Browser browser, String css) {
        String before = browser.driver.getCurrentUrl();
        browser.find(css).click();
        browser.until(d -> !d.getCurrentUrl().equals(before));
        browser.waitReady();
    }

    private static void codeAs(Browser browser, TestApp app, String coder, long transcript, String[] keys) {
        browser.logInAfresh(app.baseUrl, coder, PASSWORD, "projects.html");
        follow(browser, "a.transcript-link[href='code.html?t=" + transcript + "']");
        browser.keys(keys);
        browser.until(d -> "saved".equals(browser.find("#save-status").getDomAttribute("data-state")));
        browser.until(d -> app.count("SELECT COUNT(*) FROM codes c JOIN users u ON u.id = c.coder_id JOIN utterances t ON t.id = c.utterance_id"
                + " WHERE t.transcript_id = " + transcript + " AND u.name = '" + coder.replace("'", "''") + "'") == keys.length);
    }

    private static List<String> keys(String[] hotkeys) {
        Map<String, String> byKey = Map.of("t", "team-talk", "o", "option-talk", "d", "decision-talk", "n", "no-step");
        return Stream.of(hotkeys).map(byKey::get).toList();
    }

    /** One coder's step codes of one transcript, in unit order, from the Units sheet. */
    private static List<String> codes(Sheet sheet, String transcript, String coder) {
        List<String> header = new ArrayList<>();
        sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
        Map<Integer, String> byUnit = new TreeMap<>();
        for (int i = 1; i <= sheet.getLastRowNum(); i++) {
            Row row = sheet.getRow(i);
            if (!text(row, header.indexOf("transcript")).equals(transcript) || !text(row, header.indexOf("coder")).equals(coder)
                    || !text(row, header.indexOf("dimension")).equals("step")) continue;
            byUnit.put(Integer.parseInt(text(row, header.indexOf("unit"))), text(row, header.indexOf("code")));
        }
        return new ArrayList<>(byUnit.values());
    }

    /** Krippendorff's alpha of the step codes over all transcripts, from the Reliability sheet. */
    private static double alphaIn(Sheet sheet) {
        List<String> header = new ArrayList<>();
        sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
        for (int i = 1; i <= sheet.getLastRowNum(); i++) {
            Row row = sheet.getRow(i);
            if (text(row, header.indexOf("analysis")).equals("codes") && text(row, header.indexOf("target")).equals("step")
                    && text(row, header.indexOf("transcript")).isEmpty() && text(row, header.indexOf("coefficient")).equals("krippendorff_alpha"))
                return row.getCell(header.indexOf("value")).getNumericCellValue();
        }
        throw new AssertionError("no alpha of step in the Reliability sheet");
    }

    private static String text(Row row, int column) {
        var cell = row.getCell(column);
        if (cell == null) return "";
        return cell.getCellType() == CellType.NUMERIC ? String.valueOf((long) cell.getNumericCellValue()) : cell.getStringCellValue();
    }

    /** Drops files on the import page's drop zone as a browser does: a drop event whose DataTransfer holds them. */
    private static void drop(Browser browser, Map<String, byte[]> files) {
        List<List<String>> encoded = new ArrayList<>();
        files.forEach((name, bytes) -> encoded.add(List.of(name, Base64.getEncoder().encodeToString(bytes))));
        browser.js("""
                const dt = new DataTransfer();
                for (const [name, b64] of arguments[0]) {
                  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
                  dt.items.add(new File([bytes], name));
                }
                document.querySelector('#drop').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
                """, encoded);
    }

    private static WebElement preview(Browser browser, String name) {
        return browser.find("section.preview[data-name='" + name + "']");
    }

    private static void settled(Browser browser) {
        browser.until(d -> browser.find("body").getDomAttribute("data-busy") == null);
    }

    private static void role(Browser browser, String transcript, String speaker, String role) {
        new Select(preview(browser, transcript).findElement(By.cssSelector("tr[data-speaker='" + speaker + "'] select.role"))).selectByValue(role);
        settled(browser);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = WholeStudyInTheBrowserTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    private static Path downloaded(Browser browser, String ending) {
        return browser.until(d -> {
            try (Stream<Path> files = Files.list(browser.downloads())) {
                return files.filter(x -> x.getFileName().toString().endsWith(ending) && x.toFile().length() > 0).findFirst().orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
    }
}
