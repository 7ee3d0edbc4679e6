package nl.samenspraak.web;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspraak.account.Role;
import nl.samenspraak.support.Browser;
import nl.samenspraak.support.BrowserExtension;
import nl.samenspraak.support.BrowserOptions;
import nl.samenspraak.support.Fixtures;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole team runs through the real pages, one browser and one server: assignment, blind coding by two
 * coders, reliability, adjudication and the consensus export; and a trainee's calibration, failed then passed.
 * Each run checks what the pages did through the API.
 */
@ExtendWith(BrowserExtension.class)
@BrowserOptions(downloads = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.parallel.ResourceLock("chromium")
class TeamFlowTest {
    TestApp app;
    Http root;
    Browser browser;
    String step;

    @BeforeAll void start(TestApp app, Browser browser) {
        this.app = app;
        this.browser = browser;
        root = app.loggedIn("root", Role.ADMIN);
        step = Fixtures.firstDimension(root);
    }

    /** Follows a link as a user would and waits for the page it leads to. */
    private void follow(String css) {
        String href = browser.find(css).getDomAttribute("href");
        browser.find(css).click();
        // A page that redraws its links when its data arrive can drop a click made just before (seen once at
        // load 74): as a person would, click again when nothing happened for 10 s.
        long[] clicked = {System.nanoTime()};
        browser.until(d -> {
            if (d.getCurrentUrl().endsWith("/" + href)) return true;
            if (System.nanoTime() - clicked[0] > 10_000_000_000L) {
                clicked[0] = System.nanoTime();
                try { browser.find(css).click(); } catch (RuntimeException e) { /* gone: the page is leaving */ }
            }
            return false;
        });
        browser.waitReady();
    }

    private void waitSaved() {
        browser.until(d -> "saved".equals(browser.find("#save-status").getDomAttribute("data-state")));
    }

    /** The transcripts a member sees in a project on My projects. */
    private List<String> seen(String project) {
        return browser.driver.findElements(By.xpath("//section[h2='" + project + "']//a[contains(@class,'transcript-link')]"))
                .stream().map(WebElement::getText).toList();
    }

    /** A coder's codes in one dimension, in unit order. */
    private List<String> codes(Http who, long transcript, List<Long> units) {
        Map<Long, String> byUnit = new TreeMap<>();
        for (JsonNode c : who.get("/api/transcripts/" + transcript + "/codes").json()) {
            if (c.path("dimension").asText().equals(step)) byUnit.put(c.path("utteranceId").asLong(), c.path("code").asText());
        }
        List<String> out = new ArrayList<>();
        for (long u : units) out.add(byUnit.get(u));
        return out;
    }

    private List<Long> units(long transcript) {
        List<Long> ids = new ArrayList<>();
        root.get("/api/transcripts/" + transcript).json().path("utterances").forEach(u -> ids.add(u.path("id").asLong()));
        return ids;
    }

    private long userId(String name) {
        return app.count("SELECT id FROM users WHERE name = '" + name + "'");
    }

    /**
     * One coder's turn: log in, find the one transcript on My projects (with a Calibration link only when
     * it has a reference coding), code its six units by keyboard.
     */
    private void codeAs(String coder, String project, String transcriptName, long transcript, boolean reference, String... keys) {
        browser.logInAs(app, coder, "projects.html");
        assertThat(seen(project)).containsExactly(transcriptName);
        assertThat(browser.all("a[href='calibration.html?t=" + transcript + "']")).hasSize(reference ? 1 : 0);
        follow("a.transcript-link[href='code.html?t=" + transcript + "']");
        browser.keys(keys);
        waitSaved();
    }

    @Test
    void two_coders_code_an_assigned_transcript_blind_the_admin_sees_alpha_adjudicates_and_the_consensus_is_exported() throws Exception {
        app.user("ans", Role.CODER);
        app.user("bas", Role.CODER);
        long p = Fixtures.project(root, "Teamwerk");
        assertThat(root.get("/api/projects/" + p).json().path("blindCoding").asBoolean()).as("blind coding is the default").isTrue();
        Fixtures.member(root, p, "ans", "coder");
        Fixtures.member(root, p, "bas", "coder");
        long given = Fixtures.transcript(root, p, "gegeven.txt");
        Fixtures.transcript(root, p, "niet-gegeven.txt");
        List<Long> units = units(given);

        // The admin gives one transcript to both coders on the grid.
        browser.logInAs(app, "root", "projects.html");
        follow("a[href='assign.html?p=" + p + "']");
        List<String> rows = browser.all("#grid tbody th").stream().map(WebElement::getText).toList();
        List<String> coders = browser.all("#grid thead th.cell-head").stream().map(WebElement::getText).toList();
        String name = root.get("/api/transcripts/" + given).json().path("transcript").path("name").asText();
        int r = rows.indexOf(name);
        assertThat(r).as(rows + " holds " + name).isNotNegative();
        for (String coder : List.of("ans", "bas")) {
            browser.find("#grid input[data-r='" + r + "'][data-c='" + coders.indexOf(coder) + "']").click();
            browser.until(d -> browser.text("#grid-status").contains("Saved: " + name + " is given to " + coder));
        }

        // They disagree on the second unit (team / option) and the last (decision / team).
        codeAs("ans", "Teamwerk", name, given, false, "t", "t", "o", "o", "d", "d");
        codeAs("bas", "Teamwerk", name, given, false, "t", "o", "o", "o", "d", "t");
        assertThat(codes(app.as("ans"), given, units)).containsExactly("team-talk", "team-talk", "option-talk", "option-talk", "decision-talk", "decision-talk");
        assertThat(codes(app.as("bas"), given, units)).containsExactly("team-talk", "option-talk", "option-talk", "option-talk", "decision-talk", "team-talk");

        // Blind: bas cannot read ans's codes, neither through the API nor on the reliability page.
        assertThat(app.as("bas").get("/api/projects/" + p + "/reliability").status()).isEqualTo(403);
        browser.open(app.baseUrl + "/reliability.html?p=" + p);
        browser.until(d -> browser.find("#refused").isDisplayed());
        assertThat(browser.text("#refused")).contains("blind");
        assertThat(browser.all(".dimension")).isEmpty();

        // The admin sees alpha as the API computes it.
        browser.logInAs(app, "root", "projects.html");
        follow("a[href^='reliability.html?p=" + p + "']");
        String alphaCss = ".dimension[data-dimension='" + step + "'] .alpha-value";
        browser.until(d -> !browser.all(alphaCss).isEmpty());
        JsonNode result = ReliabilityPageTest.find(root.get("/api/projects/" + p + "/reliability").json().path("dimensions"), "dimension", step).path("result");
        double alpha = ReliabilityPageTest.find(result.path("coefficients"), "key", "krippendorff_alpha").path("value").asDouble();
        assertThat(browser.text(alphaCss)).isEqualTo(ReliabilityPageTest.three(alpha));
        assertThat(alpha).isLessThan(1.0);

        // The admin adjudicates: the disagreements only, the second unit from bas, the last from ans.
        browser.open(app.baseUrl + "/projects.html");
        browser.waitReady();
        follow("a[href='adjudicate.html?t=" + given + "']");
        browser.until(d -> !browser.all("#rows tr").isEmpty());
        browser.find("#only").click();
        browser.until(d -> browser.all("#rows tr").size() == 2);
        String head = browser.text("#head");
        String ansKey = head.contains("1 · ans") ? "1" : "2", basKey = ansKey.equals("1") ? "2" : "1";
        assertThat(head).contains(ansKey + " · ans", basKey + " · bas");
        browser.find("#grid").click();
        browser.keys(basKey);
        // The consensus cell shows the code's label, its key in the tooltip.
        browser.until(d -> "option-talk".equals(browser.find("#rows tr[data-index='0'] td.consensus").getDomAttribute("title")));
        browser.keys("j", ansKey);
        browser.until(d -> "decision-talk".equals(browser.find("#rows tr[data-index='1'] td.consensus").getDomAttribute("title")));
        browser.until(d -> browser.text("#status").startsWith("Saved"));

        JsonNode view = root.get("/api/transcripts/" + given + "/adjudication?only=disagreements").json().path("units");
        assertThat(view).hasSize(2);
        assertThat(view.get(0).path("dimensions").path(step).path("consensus").asText()).isEqualTo("option-talk");
        assertThat(view.get(0).path("dimensions").path(step).path("fromCoder").asLong()).isEqualTo(userId("bas"));
        assertThat(view.get(1).path("dimensions").path(step).path("consensus").asText()).isEqualTo("decision-talk");
        assertThat(view.get(1).path("dimensions").path(step).path("fromCoder").asLong()).isEqualTo(userId("ans"));

        // The consensus workbook from the export page: its Units sheet holds the adjudicated codes.
        browser.open(app.baseUrl + "/projects.html");
        browser.waitReady();
        follow("a[href='export.html?p=" + p + "']");
        browser.find("#consensus").click();
        WebElement card = browser.find(".export-card[data-format='xlsx']");
        card.findElement(By.tagName("button")).click();
        browser.until(d -> "done".equals(card.findElement(By.className("job")).getDomAttribute("data-state")));
        Map<Integer, String> consensus = unitsSheet(Files.readAllBytes(downloaded(".xlsx")), name);
        assertThat(consensus).containsEntry(2, "option-talk").containsEntry(6, "decision-talk");
        // The direct download says the same.
        assertThat(unitsSheet(download("root", "/api/projects/" + p + "/export.xlsx?dataset=consensus&bootstrap=0"), name))
                .isEqualTo(consensus);
    }

    /** The Units sheet's codes in the first dimension, as unit number -> code. */
    private Map<Integer, String> unitsSheet(byte[] xlsx, String name) throws java.io.IOException {
        Map<Integer, String> consensus = new TreeMap<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheet("Units");
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                Row row = sheet.getRow(i);
                if (!row.getCell(header.indexOf("dimension")).getStringCellValue().equals(step)) continue;
                assertThat(row.getCell(header.indexOf("transcript")).getStringCellValue()).isEqualTo(name);
                consensus.put(Integer.parseInt(text(row, header.indexOf("unit"))), row.getCell(header.indexOf("code")).getStringCellValue());
            }
        }
        return consensus;
    }

    @Test
    void a_trainee_fails_calibration_sees_the_misses_recodes_on_the_coding_screen_and_passes() {
        app.user("tom", Role.CODER);
        app.user("gerda", Role.TRAINER);
        long p = Fixtures.project(root, "Oefenen");
        Fixtures.member(root, p, "tom", "coder");
        Fixtures.member(root, p, "gerda", "trainer");
        long t = Fixtures.transcript(root, p, "oefening.txt");
        String name = root.get("/api/transcripts/" + t).json().path("transcript").path("name").asText();
        List<Long> units = units(t);
        Http gerda = app.as("gerda");
        String[] reference = {"team-talk", "team-talk", "option-talk", "option-talk", "decision-talk", "decision-talk"};
        for (int i = 0; i < reference.length; i++) {
            Http.Response coded = gerda.put("/api/utterances/" + units.get(i) + "/codes/" + step, Map.of("code", reference[i]));
            assertThat(coded.status()).as(coded.body()).isEqualTo(200);
        }
        Http.Response marked = gerda.put("/api/transcripts/" + t + "/reference", Map.of("coderId", userId("gerda")));
        assertThat(marked.status()).as(marked.body()).isEqualTo(200);

        // Tom hears no option talk: the third and fourth units get team talk.
        codeAs("tom", "Oefenen", name, t, true, "t", "t", "t", "t", "d", "d");
        browser.open(app.baseUrl + "/projects.html");
        browser.waitReady();
        follow("a[href='calibration.html?t=" + t + "']");
        browser.until(d -> browser.find("#result").isDisplayed());
        assertThat(browser.text("#verdict")).isEqualTo("fail");
        String table = "section[data-dimension='" + step + "'] ";
        assertThat(browser.text(table + "tr[data-code='option-talk'] td.missed")).isEqualTo("2");
        assertThat(browser.text(table + "tr[data-code='team-talk'] td.overused")).isEqualTo("2");
        browser.find("#record").click();
        browser.until(d -> browser.text("#record-state").startsWith("In the history"));

        // Back to the coding screen: the third unit, option talk twice.
        browser.open(app.baseUrl + "/code.html?t=" + t);
        browser.waitReady();
        browser.keys(Keys.HOME, "j", "j", "o", "o");
        waitSaved();
        assertThat(codes(app.as("tom"), t, units)).containsExactly(reference);

        browser.open(app.baseUrl + "/projects.html");
        browser.waitReady();
        follow("a[href='calibration.html?t=" + t + "']");
        browser.until(d -> browser.find("#result").isDisplayed());
        assertThat(browser.text("#verdict")).isEqualTo("pass");
        assertThat(browser.text(table + "tr[data-code='option-talk'] td.missed")).isEqualTo("0");
        browser.find("#record").click();
        browser.until(d -> browser.text("#record-state").startsWith("In the history"));

        follow("#history-link");
        browser.until(d -> browser.find("#history").isDisplayed());
        assertThat(browser.all("figure[data-dimension='" + step + "'] circle.dot")).hasSize(2);
        assertThat(browser.all("figure[data-dimension='" + step + "'] circle.dot.fail")).hasSize(1);
        assertThat(browser.all("figure[data-dimension='" + step + "'] circle.dot.pass")).hasSize(1);
        JsonNode runs = app.as("tom").get("/api/projects/" + p + "/calibrations").json();
        assertThat(runs.toString()).contains("\"passed\":false").contains("\"passed\":true");
    }

    /** The finished download whose name ends so (Chromium writes a .crdownload first). */
    private Path downloaded(String ending) {
        return browser.until(d -> {
            try (Stream<Path> files = Files.list(browser.downloads())) {
                return files.filter(x -> x.getFileName().toString().endsWith(ending) && x.toFile().length() > 0).findFirst().orElse(null);
            } catch (java.io.IOException e) {
                return null;
            }
        });
    }

    private static String text(Row row, int column) {
        var cell = row.getCell(column);
        return cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                ? String.valueOf((long) cell.getNumericCellValue()) : cell.getStringCellValue();
    }

    /** A file download as bytes (Http reads bodies as text). */
    private byte[] download(String user, String path) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String login = "{\"name\":\"" + user + "\",\"password\":\"" + TestApp.PASSWORD + "\"}";
        HttpResponse<Void> in = client.send(HttpRequest.newBuilder(URI.create(app.baseUrl + "/api/login")).header("Content-Type", "application/json").header("Origin", app.baseUrl)
                .POST(HttpRequest.BodyPublishers.ofString(login)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(in.statusCode()).isEqualTo(200);
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(app.baseUrl + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return r.body();
    }
}
