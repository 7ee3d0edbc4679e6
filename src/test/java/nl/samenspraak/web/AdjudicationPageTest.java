package nl.samenspraak.web;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspraak.account.Role;
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

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The adjudication page: a trainer settles two coders' disagreements by keyboard; the API and the consensus report agree. */
@ExtendWith(BrowserExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.parallel.ResourceLock("chromium")
class AdjudicationPageTest {
    TestApp app;
    Http root;
    Browser browser;

    @BeforeAll void start(TestApp app, Browser browser) {
        this.app = app;
        this.browser = browser;
        root = app.loggedIn("root", Role.ADMIN);
    }

    private String hotkey(String dimension, String code) {
        for (JsonNode d : root.get("/api/codebooks/" + Fixtures.CODEBOOK).json().path("codebook").path("dimensions")) {
            if (!d.path("key").asText().equals(dimension)) continue;
            for (JsonNode c : d.path("codes")) if (c.path("key").asText().equals(code)) return c.path("hotkey").asText();
        }
        throw new AssertionError("no code " + code);
    }

    private void code(Http who, long unit, String dim, String code) {
        Http.Response r = who.put("/api/utterances/" + unit + "/codes/" + dim, Map.of("code", code));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @Test
    void a_trainer_filters_to_disagreements_takes_coder_twos_code_sets_another_and_comments_by_keyboard() {
        Study s = Study.conversation(app, root);
        String second = s.coder() + "b";
        app.user(second, Role.CODER);
        Fixtures.member(root, s.project(), second, "coder");
        String trainer = "trainer-" + s.coder();
        app.user(trainer, Role.TRAINER);
        Fixtures.member(root, s.project(), trainer, "trainer");
        Http other = app.as(second);
        String dim = Fixtures.firstDimension(root);
        String a = Fixtures.codeFor(root, dim, "professional", 0), b = Fixtures.codeFor(root, dim, "professional", 1);
        String c = Fixtures.codeFor(root, dim, "professional", 2);
        // units 0, 2 and 4 are the professional's: the coders differ on 0 and 2 and agree on 4
        code(s.coderHttp(), s.unitId(0), dim, a);
        code(other, s.unitId(0), dim, b);
        code(s.coderHttp(), s.unitId(2), dim, a);
        code(other, s.unitId(2), dim, b);
        code(s.coderHttp(), s.unitId(4), dim, a);
        code(other, s.unitId(4), dim, a);

        browser.logInAs(app, trainer, "projects.html");
        browser.until(d -> !browser.all("a[href='adjudicate.html?t=" + s.transcript() + "']").isEmpty());
        browser.find("a[href='adjudicate.html?t=" + s.transcript() + "']").click();
        browser.waitReady();
        browser.until(d -> !browser.all("#rows tr").isEmpty());
        assertThat(browser.all("#rows tr").size()).isGreaterThan(2);
        browser.find("#only").click();
        browser.until(d -> browser.all("#rows tr").size() == 2);
        assertThat(browser.all("#rows tr.disagree")).hasSize(2);
        assertThat(browser.text("#head")).contains("1 · " + s.coder(), "2 · " + second);
        assertThat(browser.find("#rows tr.current").getDomAttribute("data-unit")).isEqualTo(String.valueOf(s.unitId(0)));

        browser.find("#grid").click();
        browser.keys("2");
        browser.until(d -> browser.text("#status").startsWith("Saved"));
        // The consensus shows the code's label (its key in the tooltip) and, in its own column, the coder it came from.
        assertThat(browser.find("#rows tr[data-index='0'] td.consensus").getDomAttribute("title")).isEqualTo(b);
        assertThat(browser.text("#rows tr[data-index='0'] td.source")).isEqualTo("from " + second);
        browser.keys("j");
        browser.keys(hotkey(dim, c));
        browser.until(d -> c.equals(browser.find("#rows tr[data-index='1'] td.consensus").getDomAttribute("title")));
        browser.keys(Keys.ENTER);
        browser.until(d -> browser.find("#comment-input").isDisplayed());
        browser.find("#comment-input").sendKeys("Neither coder heard the decision.", Keys.ENTER);
        browser.until(d -> browser.find("#rows tr[data-index='1'] td.comment").getText().equals("Neither coder heard the decision."));
        browser.screenshot("adjudicate");

        JsonNode view = root.get("/api/transcripts/" + s.transcript() + "/adjudication?only=disagreements").json();
        long secondId = app.count("SELECT id FROM users WHERE name = '" + second + "'");
        JsonNode first = view.path("units").get(0).path("dimensions").path(dim);
        JsonNode next = view.path("units").get(1).path("dimensions").path(dim);
        assertThat(first.path("consensus").asText()).isEqualTo(b);
        assertThat(first.path("fromCoder").asLong()).isEqualTo(secondId);
        assertThat(next.path("consensus").asText()).isEqualTo(c);
        assertThat(next.path("comment").asText()).isEqualTo("Neither coder heard the decision.");

        Http.Response report = root.get("/api/transcripts/" + s.transcript() + "/report?dataset=consensus");
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        Map<String, Long> counts = new HashMap<>();
        for (JsonNode session : report.json().path("sessions")) for (JsonNode role : session.path("roles")) {
            for (JsonNode f : role.path("frequencies")) {
                if (f.path("dimension").asText().equals(dim)) counts.merge(f.path("code").asText(), f.path("count").asLong(), Long::sum);
            }
        }
        assertThat(counts).containsEntry(b, 1L).containsEntry(c, 1L).containsEntry(a, 0L);

        // The units both coders agreed on go into the consensus with one button: the dataset is whole.
        browser.find("#accept-agreed").click();
        browser.until(d -> browser.text("#status").startsWith("Taken into the consensus"));
        JsonNode all = root.get("/api/transcripts/" + s.transcript() + "/adjudication").json();
        for (JsonNode u : all.path("units")) {
            JsonNode cell = u.path("dimensions").path(dim);
            if (!cell.path("disagree").asBoolean() && !cell.path("codes").get(0).isNull()) {
                assertThat(cell.path("consensus").asText()).as("agreed unit " + u.path("seq")).isEqualTo(cell.path("codes").get(0).asText());
            }
        }
    }

    @Test
    void a_coder_is_told_adjudication_is_for_administrators_and_trainers() {
        Study s = Study.conversation(app, root);
        browser.logInAs(app, s.coder(), "projects.html");
        browser.until(d -> !browser.all("a[href='code.html?t=" + s.transcript() + "']").isEmpty());
        assertThat(browser.all("a[href='adjudicate.html?t=" + s.transcript() + "']")).isEmpty();
        browser.logInAs(app, s.coder(), "adjudicate.html?t=" + s.transcript());
        browser.until(d -> browser.find("#refused").isDisplayed());
        assertThat(browser.text("#refused")).contains("Only administrators and trainers");
        assertThat(browser.find("#adjudication").isDisplayed()).isFalse();
    }
}
