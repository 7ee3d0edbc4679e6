package nl.samenspraak.web;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspraak.account.Role;
import nl.samenspraak.support.Browser;
import nl.samenspraak.support.BrowserExtension;
import nl.samenspraak.support.BrowserOptions;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.InLanguage;
import nl.samenspraak.support.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The adjudication, review and calibration pages around a consensus (issue 9, defects 3, 4, 6, 9 and the
 * adjudication and review parts of 11), at 1400x900 with long real names, in English and Dutch.
 */
@ExtendWith(BrowserExtension.class)
@BrowserOptions(failedRequestsFail = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.parallel.ResourceLock("chromium")
class ConsensusPagesTest {
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

    private void open(Browser b, String user, String page) {
        b.logInAfresh(app.baseUrl, user, TestApp.PASSWORD, page);
    }

    @Test
    void enter_on_the_take_agreed_codes_button_takes_them_into_the_consensus() {
        ConsensusStudy s = new ConsensusStudy(app, root);
        open(en, s.trainer, "adjudicate.html?t=" + s.transcript);
        en.until(d -> !en.all("#rows tr").isEmpty());
        en.js("arguments[0].focus()", en.find("#accept-agreed"));
        en.keys(Keys.ENTER);
        en.until(d -> en.text("#status").startsWith("Taken into the consensus"));
        assertThat(en.text("#status")).contains("77");
        assertThat(en.all("#comment-input")).isEmpty();
    }

    @Test
    void adjudication_shows_code_labels_and_the_provenance_of_each_consensus_code_in_its_own_column() {
        ConsensusStudy s = new ConsensusStudy(app, root);
        open(en, s.trainer, "adjudicate.html?t=" + s.transcript);
        en.until(d -> !en.all("#rows tr").isEmpty());
        WebElement first = en.find("#rows tr[data-index='0']");
        assertThat(first.findElements(org.openqa.selenium.By.cssSelector("td.coded")).get(0).getText()).isEqualTo("Team talk");
        assertThat(first.getText()).doesNotContain("team-talk");
        assertThat(en.text("#head")).contains("Source");

        en.find("#grid").click();
        en.keys("1");
        en.until(d -> en.text("#status").startsWith("Saved"));
        en.find("#accept-agreed").click();
        en.until(d -> en.text("#status").startsWith("Taken into the consensus"));
        assertThat(en.text("#rows tr[data-index='0'] td.source")).isEqualTo("from " + s.coderA);
        assertThat(en.text("#rows tr[data-index='1'] td.source")).isEqualTo("taken as agreed");
        assertThat(en.text("#rows tr[data-index='1'] td.comment")).isEmpty();
        en.screenshot("adjudicate-provenance-en");

        JsonNode view = s.tom.get("/api/transcripts/" + s.transcript + "/adjudication").json();
        JsonNode agreed = view.path("units").get(0).path("dimensions").path("behaviour");
        assertThat(agreed.path("source").asText()).isEqualTo("agreed");
        assertThat(agreed.path("comment").isNull()).as(agreed.toString()).isTrue();
    }

    @Test
    void a_partial_consensus_says_how_many_units_it_covers_on_adjudication_review_and_calibration() {
        ConsensusStudy s = new ConsensusStudy(app, root);
        s.partialConsensus();
        s.reference(s.consensusId());

        open(en, s.trainer, "adjudicate.html?t=" + s.transcript);
        en.until(d -> !en.all("#rows tr").isEmpty());
        assertThat(en.text("#coverage")).contains("14 of 40 units");
        assertThat(en.find("#coverage").getDomAttribute("class")).contains("warning");

        open(en, s.trainer, "review.html?t=" + s.transcript);
        new Select(en.find("#coding")).selectByValue("consensus");
        en.until(d -> en.text("#coverage").contains("14 of 40 units"));
        assertThat(en.find("#coverage").getDomAttribute("class")).contains("warning");
        en.screenshot("review-partial-consensus-en");

        open(en, s.trainer, "calibration.html?t=" + s.transcript + "&coder=" + s.coderBId);
        en.until(d -> en.find("#result").isDisplayed());
        assertThat(en.text("#coverage")).contains("14 of 40 units");
        assertThat(en.find("#coverage").getDomAttribute("class")).contains("warning");
        en.screenshot("calibration-partial-reference-en");
    }

    @Test
    void the_consensus_is_named_in_the_page_language_never_by_its_internal_name() {
        ConsensusStudy s = new ConsensusStudy(app, root);
        s.partialConsensus();
        s.reference(s.consensusId());
        String page = "calibration.html?t=" + s.transcript + "&coder=" + s.coderBId;
        open(en, s.coderB, page);
        en.until(d -> en.find("#result").isDisplayed());
        assertThat(en.text("#summary")).contains("Consensus (adjudicated)").doesNotContain("consensus:");
        assertThat(en.text("#dimensions")).doesNotContain("consensus:");
        open(nl, s.coderB, page);
        nl.until(d -> nl.find("#result").isDisplayed());
        assertThat(nl.text("#summary")).contains("Consensus (na beoordeling)").doesNotContain("consensus:");
        nl.screenshot("calibration-consensus-nl");

        open(nl, s.trainer, "review.html?t=" + s.transcript);
        new Select(nl.find("#coding")).selectByValue("consensus");
        nl.until(d -> nl.text("#session-meta").contains("Consensus (na beoordeling)"));
        assertThat(nl.text("#sheet")).doesNotContain("consensus:");
    }

    @Test
    void review_chart_axes_reach_past_the_largest_bar() {
        ConsensusStudy s = new ConsensusStudy(app, root);
        open(en, s.trainer, "review.html?t=" + s.transcript);
        en.until(d -> !en.all("#charts svg.profile-chart").isEmpty());
        for (WebElement chart : en.all("#charts svg.profile-chart")) {
            double largestTick = chart.findElements(org.openqa.selenium.By.cssSelector("text.tick")).stream()
                    .mapToDouble(t -> Double.parseDouble(t.getText())).max().orElseThrow();
            double largestBar = chart.findElements(org.openqa.selenium.By.cssSelector("text.value")).stream()
                    .mapToDouble(t -> Double.parseDouble(t.getText())).max().orElseThrow();
            assertThat(largestTick).as(chart.getDomAttribute("aria-label")).isGreaterThanOrEqualTo(largestBar);
        }
    }

    @Test
    void a_trainer_chooses_the_reference_by_name_seeing_what_each_coding_covers_and_then_calibrates_a_coder() {
        ConsensusStudy s = new ConsensusStudy(app, root);
        s.partialConsensus();
        open(en, s.coderB, "calibration.html?t=" + s.transcript);
        en.until(d -> en.find("#refused").isDisplayed());
        assertThat(en.text("#refused")).contains("No reference coding has been chosen");
        assertThat(en.find("#reference-tools").isDisplayed()).as("a coder chooses no reference").isFalse();

        open(en, s.trainer, "calibration.html?t=" + s.transcript);
        en.until(d -> en.find("#reference-tools").isDisplayed());
        assertThat(en.text("#reference-now")).contains("no reference coding yet");
        Select choice = new Select(en.find("#reference-choice"));
        assertThat(choice.getOptions().stream().map(WebElement::getText).toList())
                .contains(s.coderA + " (40 of 40 units)", s.coderB + " (40 of 40 units)", "Consensus (adjudicated) (14 of 40 units) · partial");
        en.screenshot("calibration-choose-reference-en");
        choice.selectByValue(String.valueOf(s.coderAId));
        en.find("#set-reference").click();
        en.until(d -> en.text("#reference-now").contains("The reference is the coding of " + s.coderA));
        assertThat(s.tom.get("/api/transcripts/" + s.transcript + "/codings").json().path("reference").path("coderId").asLong()).isEqualTo(s.coderAId);

        en.find("#trainees a").click();
        en.waitReady();
        en.until(d -> en.find("#result").isDisplayed());
        assertThat(en.text("#summary")).startsWith(s.coderB + " against the reference coding of " + s.coderA);
        assertThat(en.text("#verdict")).isEqualTo("pass");
        assertThat(en.text("#coverage")).contains("40 of 40 units");
        assertThat(en.find("#coverage").getDomAttribute("class")).doesNotContain("warning");
    }

    @Test
    void a_trainer_links_and_unlinks_the_professional_of_a_session_by_name_on_the_review_page() {
        ConsensusStudy s = new ConsensusStudy(app, root);
        open(en, s.trainer, "review.html?t=" + s.transcript);
        en.until(d -> en.find("#professional-tools").isDisplayed());
        assertThat(en.text("#session-meta")).startsWith("Professional: not linked");
        Select professional = new Select(en.find("#professional"));
        assertThat(professional.getOptions().stream().map(WebElement::getText).toList()).contains(s.coderA, s.coderB, s.trainer);
        professional.selectByVisibleText(s.coderB);
        en.find("#link-professional").click();
        en.until(d -> en.text("#session-meta").startsWith("Professional: " + s.coderB));
        assertThat(en.text("#professional-status")).isEqualTo("Linked to " + s.coderB + ".");
        assertThat(s.tom.get("/api/transcripts/" + s.transcript + "/profile").json().path("professional").path("id").asLong()).isEqualTo(s.coderBId);
        en.screenshot("review-professional-en");

        new Select(en.find("#professional")).selectByValue("");
        en.find("#link-professional").click();
        en.until(d -> en.text("#session-meta").startsWith("Professional: not linked"));
        assertThat(s.tom.get("/api/transcripts/" + s.transcript + "/profile").json().path("professional").isNull()).isTrue();
    }

    @Test
    void adjudication_calibration_and_review_speak_dutch_about_a_partial_consensus() {
        ConsensusStudy s = new ConsensusStudy(app, root);
        s.partialConsensus();
        s.reference(s.consensusId());
        open(nl, s.trainer, "adjudicate.html?t=" + s.transcript);
        nl.until(d -> !nl.all("#rows tr").isEmpty());
        assertThat(nl.text("#coverage")).startsWith("De consensus dekt 14 van de 40 eenheden").contains("Ze dekt niet alle eenheden");
        assertThat(nl.text("#head")).contains("Herkomst");
        assertThat(nl.text("#rows tr[data-index='0'] td.source")).isEqualTo("van " + s.coderA);
        nl.screenshot("adjudicate-partial-nl");

        open(nl, s.trainer, "calibration.html?t=" + s.transcript);
        nl.until(d -> nl.find("#reference-tools").isDisplayed());
        assertThat(nl.text("#reference-now")).contains("Consensus (na beoordeling)").contains("dekt 14 van de 40 eenheden");
        nl.screenshot("calibration-choose-reference-nl");

        open(nl, s.trainer, "review.html?t=" + s.transcript);
        nl.until(d -> nl.find("#professional-tools").isDisplayed());
        assertThat(nl.text("#session-meta")).startsWith("Professional: niet gekoppeld");
        assertThat(nl.text("#coverage")).isEqualTo("De codering van " + s.coderA + " dekt 40 van de 40 eenheden.");
        nl.screenshot("review-tools-nl");
    }
}
