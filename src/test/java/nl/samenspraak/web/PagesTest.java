package nl.samenspraak.web;

import nl.samenspraak.account.Role;
import nl.samenspraak.support.Browser;
import nl.samenspraak.support.BrowserExtension;
import nl.samenspraak.support.BrowserOptions;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Log-in, projects, rating form, languages, inert markup and media, in a browser whose language is Dutch. */
@ExtendWith(BrowserExtension.class)
@BrowserOptions(language = "nl-NL")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.parallel.ResourceLock("chromium")
class PagesTest {
    TestApp app;
    Browser browser;
    Http admin;

    @BeforeAll void start(TestApp app, Browser browser) {
        this.app = app;
        this.browser = browser;
        admin = app.loggedIn("root", Role.ADMIN);
    }

    @Test
    void the_dutch_interface_shows_dutch_and_english_can_be_chosen_and_is_remembered() {
        Study study = Study.conversation(app, admin);
        browser.open(app.baseUrl + "/index.html");
        browser.js("localStorage.clear()");
        browser.driver.manage().deleteAllCookies();
        browser.driver.navigate().refresh();
        browser.until(d -> "Inloggen".equals(browser.text("#login-button")));
        assertThat(browser.text("label[for=password]")).isEqualTo("Wachtwoord");
        assertThat(browser.js("return document.documentElement.lang")).isEqualTo("nl");
        browser.screenshot("login-nl");

        browser.logIn(app.baseUrl, study.coder(), TestApp.PASSWORD, study.codePage());
        assertThat(browser.text("#save-status")).isEqualTo("Alles opgeslagen");
        assertThat(browser.text(".codebar .tab[aria-selected=true]")).isEqualTo("Fase (driegesprekmodel)");
        assertThat(browser.text("#progress-text")).contains("van 6 uitingen gecodeerd");
        assertThat(browser.all("#codes .label").stream().map(WebElement::getText).toList()).contains("Teamgesprek");
        browser.screenshot("coding-nl");

        new Select(browser.find("#language")).selectByValue("en");
        browser.until(d -> browser.text("#progress-text").contains("units coded"));
        assertThat(browser.all("#codes .label").stream().map(WebElement::getText).toList()).contains("Team talk");
        browser.driver.navigate().refresh();
        browser.waitReady();
        assertThat(browser.text("#progress-text")).contains("units coded");
        browser.js("localStorage.removeItem('samenspraak.lang')");
    }

    @Test
    void a_transcript_with_markup_renders_inert() {
        String text = """
                KM: <script>window.__pwned = 'script'</script>Welkom <b>vet</b>
                Klant: <img src=x onerror="window.__pwned='img';alert('xss')"> Dank je.
                KM: Tot ziens & "dag" 'hoor'.
                """;
        Study study = Study.create(app, admin, "markup.txt", text, "KM=professional,Klant=client");
        browser.logInAs(app, study.coder(), study.codePage());
        List<String> texts = browser.all(".unit .text").stream().map(WebElement::getText).toList();
        assertThat(texts.get(0)).isEqualTo("<script>window.__pwned = 'script'</script>Welkom <b>vet</b>");
        assertThat(texts.get(1)).contains("<img src=x onerror=");
        assertThat(texts.get(2)).isEqualTo("Tot ziens & \"dag\" 'hoor'.");
        assertThat(browser.js("return window.__pwned === undefined")).isEqualTo(true);
        assertThat(browser.js("return document.querySelectorAll('#units img, #units script, #units b').length")).isEqualTo(0L);
        assertThatThrownBy(() -> browser.driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        browser.screenshot("coding-markup-inert");
    }

    @Test
    void the_rating_form_is_filled_by_keyboard_and_shows_the_rescaled_total() {
        Study study = Study.conversation(app, admin);
        browser.logInAs(app, study.coder(), "rate.html?t=" + study.transcript());
        assertThat(browser.text(".total")).contains("0 van 5");
        browser.keys("2", "3", "4", "1");
        browser.keys(Keys.ARROW_UP, Keys.ARROW_RIGHT, Keys.ARROW_DOWN, "0");
        browser.until(d -> "saved".equals(browser.find("#save-status").getDomAttribute("data-state")));
        // 2, 3, 4, 1, then back up to the fourth and one higher (2), down to the fifth: 0. 11 of 0..20 is 55 of 0..100.
        assertThat(browser.text(".total")).contains("11").contains("55").contains("0–100");
        browser.screenshot("rating-nl");
        Map<String, Double> server = new java.util.TreeMap<>();
        study.coderHttp().get("/api/transcripts/" + study.transcript() + "/ratings").json()
                .forEach(r -> server.put(r.path("item").asText(), r.path("value").asDouble()));
        assertThat(server).containsEntry("options-exist", 2.0).containsEntry("support", 3.0)
                .containsEntry("information", 4.0).containsEntry("elicit-preferences", 2.0).containsEntry("integrate-preferences", 0.0);
        browser.ctrl("z");
        browser.until(d -> browser.text(".total").contains("4 van 5"));
        browser.until(d -> "saved".equals(browser.find("#save-status").getDomAttribute("data-state")));
        assertThat(study.coderHttp().get("/api/transcripts/" + study.transcript() + "/ratings").json()).hasSize(4);
    }

    @Test
    void projects_page_shows_my_progress_per_transcript_and_dimension() {
        Study study = Study.conversation(app, admin);
        browser.logInAs(app, study.coder(), study.codePage());
        browser.keys("t", "o");
        browser.until(d -> "saved".equals(browser.find("#save-status").getDomAttribute("data-state")));
        browser.open(app.baseUrl + "/projects.html");
        browser.waitReady();
        List<String> counts = browser.all(".mini-count").stream().map(WebElement::getText).toList();
        assertThat(counts).containsExactly("2 van 6", "0 van 6", "0 van 5");
        assertThat(browser.find("h1").getText()).isEqualTo("Mijn projecten");
        browser.screenshot("projects-nl");
        browser.find("a.transcript-link").click();
        browser.waitReady();
        // The coding screen adds the coder's place after '#'.
        assertThat(browser.driver.getCurrentUrl().split("#")[0]).endsWith(study.codePage());
    }

    @Test
    void with_a_recording_space_plays_the_unit_and_follow_mode_moves_the_highlight() {
        String vtt = """
                WEBVTT

                00:00:00.000 --> 00:00:01.000
                <v Coach>Welkom.

                00:00:01.000 --> 00:00:02.000
                <v Deelnemer>Dank je.

                00:00:02.000 --> 00:00:03.000
                <v Coach>Hoe gaat het?

                00:00:03.000 --> 00:00:04.000
                <v Deelnemer>Goed.

                00:00:04.000 --> 00:00:06.000
                <v Coach>Fijn om te horen.
                """;
        Study study = Study.create(app, admin, "opname.vtt", vtt, "Coach=professional,Deelnemer=client");
        Http.Response up = admin.postFile("/api/transcripts/" + study.transcript() + "/media", "opname.wav", Sounds.tone(6), Map.of());
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        browser.logInAs(app, study.coder(), study.codePage());
        browser.until(d -> !browser.all("#media audio").isEmpty());
        assertThat(browser.text(".unit .time")).isEqualTo("0:00");

        browser.keys(" ");
        browser.until(d -> (Boolean) browser.js("const a = document.querySelector('#media audio'); return a.currentTime > 0.2;"));
        // The segment of unit 1 ends at 1 s: playing stops there.
        browser.until(d -> (Boolean) browser.js("return document.querySelector('#media audio').paused"));
        assertThat((Double) ((Number) browser.js("return document.querySelector('#media audio').currentTime")).doubleValue()).isBetween(0.9, 1.5);

        browser.shift(" ");
        browser.until(d -> Integer.parseInt(browser.find(".unit.current").getDomAttribute("data-index")) >= 2);
        browser.screenshot("coding-media-follow");
        browser.shift(" ");
        browser.until(d -> (Boolean) browser.js("return document.querySelector('#media audio').paused"));
        assertThat(browser.driver.findElements(By.cssSelector("#media[hidden]"))).isEmpty();
    }
}
