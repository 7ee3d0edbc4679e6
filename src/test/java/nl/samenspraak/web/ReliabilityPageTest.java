package nl.samenspraak.web;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspraak.report.CodedProject;
import nl.samenspraak.support.Browser;
import nl.samenspraak.support.BrowserExtension;
import nl.samenspraak.support.Fixtures;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reliability page in a real browser, over the small project of {@link CodedProject} (three coders,
 * three transcripts, the dimension 'step') plus a fourth transcript that only anna coded. Every number
 * on the page is compared with the API's answer for the same selection.
 */
@ExtendWith(BrowserExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.parallel.ResourceLock("chromium")
class ReliabilityPageTest {
    TestApp app;
    CodedProject p;
    Browser browser;
    long onlyAnna;

    @BeforeAll void start(TestApp app, Browser browser) {
        this.app = app;
        this.browser = browser;
        p = new CodedProject(app);
        onlyAnna = Fixtures.transcript(p.admin, p.project, "d-alleen-anna.txt");
        JsonNode units = p.admin.get("/api/transcripts/" + onlyAnna).json().path("utterances");
        Http.Response coded = p.coders.get("anna").put("/api/utterances/" + units.get(0).path("id").asLong() + "/codes/step", Map.of("code", "team-talk"));
        assertThat(coded.status()).as(coded.body()).isEqualTo(200);
    }

    private void open(String user) {
        browser.logInAs(app, user, "reliability.html?p=" + p.project);
    }

    private JsonNode api(String query) {
        Http.Response r = p.analyst.get(p.url("/reliability?" + query));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static JsonNode find(JsonNode list, String field, String value) {
        for (JsonNode n : list) if (n.path(field).asText().equals(value)) return n;
        throw new AssertionError("no " + field + "=" + value + " in " + list);
    }

    static String three(double v) {
        return String.format(Locale.ENGLISH, "%.3f", v);
    }

    private String step(String css) {
        return ".dimension[data-dimension=step] " + css;
    }

    @Test
    void an_analyst_sees_alpha_its_interpretation_the_bars_and_the_confusion_matrix_as_the_api_computes_them() {
        open("ria");
        JsonNode result = find(api("bootstrap=1000&seed=1").path("dimensions"), "dimension", "step").path("result");
        JsonNode alpha = find(result.path("coefficients"), "key", "krippendorff_alpha");

        assertThat(browser.text(step(".alpha-value"))).isEqualTo(three(alpha.path("value").asDouble()));
        assertThat(browser.text(step(".alpha-line"))).isEqualTo(alpha.path("interpretation").path("en").asText())
                .contains("by Krippendorff's 0.667/0.800 rule");
        assertThat(browser.text(step("tr[data-key=fleiss_kappa] td.value")))
                .isEqualTo(three(find(result.path("coefficients"), "key", "fleiss_kappa").path("value").asDouble()));
        // Cohen's kappa is for two coders: a dash with a note saying why, never NaN.
        assertThat(browser.text(step("tr[data-key=cohen_kappa] td.line"))).contains("is not defined").contains("two coders");
        assertThat(browser.text(step(".coefficients"))).doesNotContain("NaN");

        List<WebElement> charts = browser.all(step("svg.bars"));
        assertThat(charts).hasSize(2);
        List<String> alphaBars = new ArrayList<>(), expected = new ArrayList<>();
        for (WebElement title : charts.get(0).findElements(org.openqa.selenium.By.cssSelector("g.row > title"))) alphaBars.add(title.getAttribute("textContent"));
        for (JsonNode c : result.path("categories")) expected.add(c.path("label").path("en").asText() + ": " + three(c.path("alpha").asDouble()));
        assertThat(alphaBars).containsExactlyElementsOf(expected);
        assertThat(charts.get(0).findElements(org.openqa.selenium.By.cssSelector("rect.bar"))).hasSize(expected.size());
        assertThat(texts(step("svg.bars:first-of-type .threshold text"), charts.get(0))).containsExactly("0.667", "0.800");
        assertThat(texts(null, charts.get(1).findElements(org.openqa.selenium.By.cssSelector(".threshold text")))).containsExactly("0.40", "0.60", "0.80");

        JsonNode pair = result.path("confusion").get(0);
        WebElement matrix = browser.all(step("table.heatmap")).get(0);
        assertThat(matrix.findElement(org.openqa.selenium.By.tagName("caption")).getText()).isEqualTo("anna (rows) and bram (columns)");
        List<WebElement> rows = matrix.findElements(org.openqa.selenium.By.cssSelector("tbody tr"));
        for (int c = 0; c < pair.path("counts").size(); c++) {
            List<String> cells = texts(null, rows.get(c).findElements(org.openqa.selenium.By.cssSelector("td.cell")));
            List<String> want = new ArrayList<>();
            pair.path("counts").get(c).forEach(n -> want.add(n.asText()));
            assertThat(cells).as("row " + c).containsExactlyElementsOf(want);
            assertThat(rows.get(c).findElements(org.openqa.selenium.By.cssSelector("td.cell")).get(c).getAttribute("class")).contains("diagonal");
        }
        assertThat(browser.all(step("table.heatmap"))).hasSize(3);
        assertThat(browser.all(step("table.per-transcript tbody tr"))).hasSize(3);
        fullPage("reliability-en");
    }

    @Test
    void choosing_two_coders_and_only_their_double_coded_transcripts_recomputes_the_numbers() {
        open("ria");
        String before = browser.text(step(".alpha-value"));
        assertThat(browser.text("#selection-summary")).isEqualTo("3 coders, 4 of 4 transcripts");
        long cees = app.count("SELECT id FROM users WHERE name = 'cees'");
        // By keyboard: focus cees's box, Space unticks it; then the double-coded filter; Enter computes.
        browser.find("#coder-" + cees).sendKeys(Keys.SPACE);
        assertThat(browser.js("return document.activeElement.id")).isEqualTo("coder-" + cees);
        browser.find("#double-only").sendKeys(Keys.SPACE);
        browser.until(d -> browser.find("#transcript-" + onlyAnna).getAttribute("disabled") != null);
        assertThat(browser.text("#selection-summary")).isEqualTo("2 coders, 3 of 4 transcripts");
        browser.find("#compute").sendKeys(Keys.ENTER);
        browser.until(d -> browser.text("#compute-status").startsWith("Computed for 2 coders"));

        long anna = app.count("SELECT id FROM users WHERE name = 'anna'"), bram = app.count("SELECT id FROM users WHERE name = 'bram'");
        String transcripts = p.transcripts.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElseThrow();
        JsonNode result = find(api("bootstrap=1000&seed=1&coders=" + anna + "," + bram + "&transcripts=" + transcripts).path("dimensions"), "dimension", "step").path("result");
        String after = three(find(result.path("coefficients"), "key", "krippendorff_alpha").path("value").asDouble());
        assertThat(browser.text(step(".alpha-value"))).isEqualTo(after).isNotEqualTo(before);
        assertThat(browser.text(step("tr[data-key=cohen_kappa] td.value")))
                .isEqualTo(three(find(result.path("coefficients"), "key", "cohen_kappa").path("value").asDouble()));
        assertThat(browser.all(step("table.heatmap"))).hasSize(1);
        assertThat(browser.text(".scope")).contains("anna, bram").contains("3 transcripts");
        assertThat(browser.find("#export-link").getAttribute("href")).contains("coders=" + anna + "%2C" + bram);
        fullPage("reliability-two-coders");
    }

    @Test
    void the_dutch_interface_shows_dutch_labels_lines_and_decimal_commas() {
        open("ria");
        new Select(browser.find("#language")).selectByValue("nl");
        browser.until(d -> "Betrouwbaarheid".equals(browser.text("h1")));
        JsonNode result = find(api("bootstrap=1000&seed=1").path("dimensions"), "dimension", "step").path("result");
        JsonNode alpha = find(result.path("coefficients"), "key", "krippendorff_alpha");
        assertThat(browser.text(step("h2"))).isEqualTo("Fase (driegesprekmodel)");
        assertThat(browser.text(step(".alpha-line"))).isEqualTo(alpha.path("interpretation").path("nl").asText()).contains("volgens Krippendorffs grenzen");
        assertThat(browser.text(step(".alpha-value"))).isEqualTo(three(alpha.path("value").asDouble()).replace('.', ','));
        assertThat(browser.text(step("tr[data-key=cohen_kappa] td.line"))).contains("niet te berekenen").contains("twee codeurs");
        assertThat(browser.text("#compute")).isEqualTo("Berekenen");
        assertThat(browser.text(step(".chart-title"))).isEqualTo("Alpha per categorie");
        assertThat(browser.text(".ratings h2")).isEqualTo("Beoordelingen van gesprekken");
        fullPage("reliability-nl");
        browser.js("localStorage.removeItem('samenspraak.lang')");
    }

    @Test
    void a_bar_chart_draws_negative_values_left_of_zero_and_says_where_a_value_is_undefined() {
        open("ria");
        browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/js/charts/bars.js').then((m) => {
                  const chart = m.barChart({ title: 'test', format: (v, d) => v.toFixed(d), missing: 'not defined', describedBy: 'x',
                    thresholds: [{ at: 0.667, label: '0.667' }, { at: 0.8, label: '0.800' }],
                    rows: [{ label: 'minus', value: -0.35 }, { label: 'plus', value: 0.9 }, { label: 'none', value: null }] });
                  chart.id = 'test-chart';
                  document.querySelector('main').prepend(chart);
                  done();
                });""");
        browser.until(d -> !browser.all("#test-chart").isEmpty());
        double zero = num(browser.js("return document.querySelector('#test-chart line.zero').x1.baseVal.value"));
        List<WebElement> bars = browser.all("#test-chart rect.bar");
        assertThat(bars).hasSize(2);
        assertThat(num(bars.get(0).getAttribute("x")) + num(bars.get(0).getAttribute("width"))).isCloseTo(zero, org.assertj.core.data.Offset.offset(0.5));
        assertThat(num(bars.get(0).getAttribute("x"))).isLessThan(zero);
        assertThat(num(bars.get(1).getAttribute("x"))).isCloseTo(zero, org.assertj.core.data.Offset.offset(0.5));
        assertThat(texts(null, browser.all("#test-chart .tick"))).startsWith("-0.4", "-0.2", "0.0");
        assertThat(browser.find("#test-chart text.missing").getAttribute("textContent")).isEqualTo("not defined");
        assertThat(browser.find("#test-chart svg").getDomAttribute("role")).isEqualTo("img");
        browser.screenshot("bars-negative");
    }

    private static double num(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.parseDouble(o.toString());
    }

    @Test
    void a_coder_in_a_blind_project_is_refused_with_a_clear_message_and_sees_no_figures_nor_links() {
        open("anna");
        browser.until(d -> browser.find("#refused").isDisplayed());
        assertThat(browser.text("#refused")).contains("cannot see the reliability").contains("blind");
        assertThat(browser.all(".dimension")).isEmpty();
        assertThat(browser.find("#selection").isDisplayed()).isFalse();
        browser.screenshot("reliability-refused");

        browser.open(app.baseUrl + "/projects.html");
        browser.waitReady();
        assertThat(browser.all("a[href^='reliability.html']")).isEmpty();
        open("ria");
        browser.open(app.baseUrl + "/projects.html");
        browser.waitReady();
        assertThat(browser.find("a[href^='reliability.html']").getText()).isEqualTo("Reliability");
        assertThat(browser.find("a[href^='export.html']").getText()).isEqualTo("Export");
    }

    /** Screenshots of the whole page, a window's height at a time: name-1, name-2, ... (for looking at). */
    private void fullPage(String name) {
        long height = (Long) browser.js("return Math.ceil(document.documentElement.scrollHeight)");
        for (int i = 0; i * 700L < height && i < 8; i++) {
            browser.js("window.scrollTo(0, arguments[0])", i * 700);
            browser.screenshot(name + "-" + (i + 1));
        }
        browser.js("window.scrollTo(0, 0)");
    }

    private static List<String> texts(String ignored, WebElement root) {
        return texts(null, root.findElements(org.openqa.selenium.By.cssSelector(".threshold text")));
    }

    private static List<String> texts(String ignored, List<WebElement> elements) {
        return elements.stream().map(e -> e.getAttribute("textContent").trim()).toList();
    }
}
