package nl.samenspraak.web;

import nl.samenspraak.account.Role;
import nl.samenspraak.support.Browser;
import nl.samenspraak.support.BrowserExtension;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;
import nl.samenspraak.support.Tools;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The printed feedback sheet (issue 9, defect 5): a trainee's session printed to A4 PDF by Chromium fits one or
 * two pages, the charts span at least half the page width with labels at a readable size, and the feedback
 * starts on the first or second page. The PDF is measured with poppler's pdftotext (word boxes in points) and
 * rendered to PNG with pdftoppm ({@link Browser#screenshots}) to be looked at.
 */
@ExtendWith(BrowserExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.parallel.ResourceLock("chromium")
class FeedbackSheetPrintTest {
    /** A4 in points; 1 pt = 1/72 inch. */
    static final double PAGE_WIDTH_PT = 595;
    /** The smallest chart label a reader holding the sheet reads without effort (8 pt; body text is 10 pt). */
    static final double READABLE_PT = 7.5;

    TestApp app;
    Browser browser;

    @BeforeAll void start(TestApp app, Browser browser) {
        Tools.require(new File("/usr/bin/pdftotext").canExecute() && new File("/usr/bin/pdftoppm").canExecute(),
                "poppler-utils is not installed (apt-get install poppler-utils; .ci/run installs it)");
        this.app = app;
        this.browser = browser;
        browser.driver.manage().window().setSize(new Dimension(1400, 900));
    }

    @Test
    void a_trainees_session_prints_on_one_or_two_a4_pages_with_wide_readable_charts_and_the_feedback() throws Exception {
        Http root = app.loggedIn("root", Role.ADMIN);
        ConsensusStudy s = new ConsensusStudy(app, root);
        long professional = app.user("Marieke Jansen", Role.CODER).id();
        // The session printed is the professional's second; the first is shown beside it as "earlier".
        List<Long> units = s.laterSession("2026-04-02 Gesprek KM Jansen en klant 0412 – derde gesprek, plan van aanpak (transcriptie definitief v1).txt");
        long session = s.app.count("SELECT transcript_id FROM utterances WHERE id = " + units.get(0));
        for (long t : List.of(s.transcript, session)) {
            assertThat(s.tom.put("/api/transcripts/" + t + "/professional", Map.of("userId", professional)).status()).isEqualTo(200);
            for (String item : List.of("options-exist", "support", "information", "elicit-preferences", "integrate-preferences")) {
                assertThat(s.a.put("/api/transcripts/" + t + "/ratings/option-5/" + item, Map.of("value", 3)).status()).isEqualTo(200);
            }
        }
        feedback(s, session, null, "Een helder gesprek: u legt de routes uit en laat de keuze bij de klant. Let op het tempo aan het eind.");
        for (int unit : List.of(3, 7, 19, 33)) {
            feedback(s, session, units.get(unit - 1), "Hier vraagt u goed door naar wat de klant belangrijk vindt; u had nog kunnen checken of het duidelijk was.");
        }
        browser.logInAfresh(app.baseUrl, s.trainer, TestApp.PASSWORD, "review.html?t=" + session);
        browser.until(d -> !browser.all("#charts svg.profile-chart").isEmpty());

        PrintOptions options = new PrintOptions();
        options.setPageSize(new PageSize(29.7, 21.0));
        options.setBackground(true);
        byte[] pdf = Base64.getDecoder().decode(browser.driver.print(options).getContent());
        Path out = Browser.screenshots();
        Path file = out.resolve("feedback-sheet.pdf");
        Files.write(file, pdf);
        run("pdftoppm", "-png", "-r", "60", file.toString(), out.resolve("feedback-sheet").toString());

        List<Word> words = words(file);
        int pages = words.stream().mapToInt(Word::page).max().orElse(0);
        assertThat(pages).as("pages of the printed sheet").isBetween(1, 2);

        List<Word> ticks = words.stream().filter(w -> w.text().matches("\\d+") && w.page() == 1).toList();
        // The smallest "Option" (of "Option talk") on page 1: a chart label, or the table's when it is the same size.
        Word label = words.stream().filter(w -> w.text().equals("Option") && w.page() == 1).min(java.util.Comparator.comparingDouble(Word::height))
                .orElseThrow(() -> new AssertionError("no chart label on page 1"));
        assertThat(label.height()).as("height of a chart label (pt)").isGreaterThanOrEqualTo(READABLE_PT);
        double chartSpan = chartWidth(ticks);
        assertThat(chartSpan).as("width of a chart's axis (pt) of an A4 page of " + PAGE_WIDTH_PT).isGreaterThanOrEqualTo(PAGE_WIDTH_PT / 2);
        Word feedback = words.stream().filter(w -> w.text().equals("checken")).findFirst()
                .orElseThrow(() -> new AssertionError("the feedback is not in the PDF"));
        assertThat(feedback.page()).isLessThanOrEqualTo(2);
    }

    private void feedback(ConsensusStudy s, long session, Long unit, String text) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("text", text);
        if (unit != null) body.put("utteranceId", unit);
        Http.Response r = s.tom.post("/api/transcripts/" + session + "/feedback", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    record Word(int page, String text, double xMin, double yMin, double xMax, double yMax) {
        double height() { return yMax - yMin; }
    }

    /** The widest run of axis numbers on one line (the ticks 0 … max under a chart), in points. */
    private static double chartWidth(List<Word> numbers) {
        double widest = 0;
        for (Word w : numbers) {
            List<Word> line = numbers.stream().filter(o -> Math.abs(o.yMin() - w.yMin()) < 1).toList();
            if (line.size() < 3) continue;
            widest = Math.max(widest, line.stream().mapToDouble(Word::xMax).max().orElse(0) - line.stream().mapToDouble(Word::xMin).min().orElse(0));
        }
        return widest;
    }

    private static final Pattern PAGE = Pattern.compile("<page ");
    private static final Pattern WORD = Pattern.compile("<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"([\\d.]+)\" yMax=\"([\\d.]+)\">([^<]*)</word>");

    /** Every word of the PDF with its page and box, from pdftotext -bbox. */
    private static List<Word> words(Path pdf) throws IOException, InterruptedException {
        Path html = pdf.resolveSibling("feedback-sheet-words.html");
        run("pdftotext", "-bbox", pdf.toString(), html.toString());
        List<Word> words = new ArrayList<>();
        int page = 0;
        for (String line : Files.readAllLines(html, StandardCharsets.UTF_8)) {
            if (PAGE.matcher(line).find()) page++;
            Matcher m = WORD.matcher(line);
            if (m.find()) words.add(new Word(page, m.group(5), Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                    Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4))));
        }
        return words;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
    }
}
