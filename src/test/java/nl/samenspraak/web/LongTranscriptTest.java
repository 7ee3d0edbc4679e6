package nl.samenspraak.web;

import nl.samenspraak.account.Role;
import nl.samenspraak.support.Browser;
import nl.samenspraak.support.BrowserExtension;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WindowType;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 2,000-unit transcript (some units a paragraph long) on the coding screen at 1400x900: only the
 * rows in view are drawn, and everything the screen does still reaches every unit: keys in order,
 * mouse scrolling, code search, undo, another tab's change, follow mode with the recording, and
 * the place of each row for a screen reader.
 */
@ExtendWith(BrowserExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.parallel.ResourceLock("chromium")
class LongTranscriptTest {
    static final int UNITS = 2000;
    static final String LONG = "Ja, kijk, ik heb er eigenlijk al heel lang over nagedacht, want toen ik nog bij de thuiszorg werkte "
            + "merkte ik al dat ik het contact met mensen het mooiste vond, maar ik weet niet of ik dat nu nog kan met mijn rug, "
            + "en mijn vorige consulent zei toen dat ik eerst maar eens moest kijken wat ik wel kon, dus daarom dacht ik aan "
            + "vrijwilligerswerk, om te beginnen, en dan later misschien een opleiding als het goed gaat.";

    TestApp app;
    Browser browser;
    Http admin;
    Study study;

    @BeforeAll void start(TestApp app, Browser browser) {
        this.app = app;
        this.browser = browser;
        browser.driver.manage().window().setSize(new Dimension(1400, 900));
        admin = app.loggedIn("root", Role.ADMIN);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < UNITS; i++) {
            text.append(i % 2 == 0 ? "KM: Vraag " + (i + 1) + ", wat vindt u daarvan?" : "Klant: " + (i % 7 == 1 ? LONG : "Antwoord " + (i + 1) + "."))
                    .append('\n');
        }
        study = Study.create(app, admin, "lang-gesprek.txt", text.toString(), "KM=professional,Klant=client");
    }

    private void open(Study s) {
        browser.logInAfresh(app.baseUrl, s.coder(), TestApp.PASSWORD, s.codePage());
    }

    private int current() {
        return Integer.parseInt(browser.find(".unit.current").getDomAttribute("data-index"));
    }

    /** The current row is drawn, whole inside the list's window, and the list's active descendant. */
    private void assertCurrentInView(int index) {
        assertThat(current()).isEqualTo(index);
        assertThat(browser.js("""
                const list = document.querySelector('#units'), row = document.querySelector('.unit.current');
                const r = row.getBoundingClientRect(), l = list.getBoundingClientRect();
                return r.top >= l.top - 0.5 && r.bottom <= l.bottom + 0.5 && list.getAttribute('aria-activedescendant') === row.id;""")).isEqualTo(true);
    }

    /** The drawn rows: each with its place of 2,000, in order, leaving no gap in the list's window. */
    @SuppressWarnings("unchecked")
    private List<Object> drawnRowProblems() {
        return (List<Object>) browser.js("""
                const out = [], list = document.querySelector('#units'), l = list.getBoundingClientRect();
                const rows = [...list.querySelectorAll('.unit')];
                rows.forEach((r, k) => {
                  const i = Number(r.dataset.index);
                  if (r.getAttribute('aria-posinset') !== String(i + 1) || r.getAttribute('aria-setsize') !== arguments[0]) out.push('row ' + i + ': place not said');
                  if (k && Number(rows[k - 1].dataset.index) >= i) out.push('row ' + i + ': out of order');
                });
                const seen = rows.map((r) => r.getBoundingClientRect()).filter((b) => b.bottom > l.top && b.top < l.bottom).sort((a, b) => a.top - b.top);
                for (let k = 1; k < seen.length; k++) if (seen[k].top - seen[k - 1].bottom > 2) out.push('gap of ' + (seen[k].top - seen[k - 1].bottom) + 'px');
                if (!seen.length || seen[0].top > l.top + 20) out.push('nothing drawn at the top of the window');
                if (seen.length && seen[seen.length - 1].bottom < l.bottom - 2 && list.scrollTop + list.clientHeight < list.scrollHeight - 400) out.push('nothing drawn at the bottom of the window');
                return out;""", String.valueOf(UNITS));
    }

    @Test
    void only_the_rows_in_view_are_drawn_each_saying_its_place_in_the_whole_list() {
        open(study);
        int drawn = browser.all(".unit").size();
        assertThat(drawn).isBetween(10, 120);
        assertThat(drawnRowProblems()).isEmpty();
        assertCurrentInView(0);
        assertThat(browser.find(".unit.current").getDomAttribute("aria-selected")).isEqualTo("true");
        browser.screenshot("coding-long-transcript");
    }

    @Test
    void the_keys_walk_every_unit_in_order_and_the_current_row_stays_in_view() {
        open(study);
        browser.keys(Keys.HOME);
        for (int i = 1; i <= 30; i++) {
            browser.keys("j");
            assertThat(current()).isEqualTo(i);
        }
        assertCurrentInView(30);
        browser.keys(Keys.END);
        assertCurrentInView(UNITS - 1);
        assertThat(browser.find(".unit.current").getDomAttribute("aria-posinset")).isEqualTo(String.valueOf(UNITS));
        browser.keys(Keys.PAGE_UP, Keys.PAGE_UP, "K", "k");
        assertCurrentInView(UNITS - 32);
        assertThat(drawnRowProblems()).isEmpty();
        browser.keys(Keys.HOME, Keys.PAGE_DOWN);
        assertCurrentInView(10);
        // A hotkey at the very end codes the last unit; the screen stays on it (nothing follows).
        browser.keys(Keys.END, "t");
        browser.until(d -> "saved".equals(browser.find("#save-status").getDomAttribute("data-state")));
        assertThat(study.serverCodes()).containsEntry(study.unitId(UNITS - 1) + "/step", "team-talk");
        assertThat(browser.text(".unit.current .pill[data-dim='0']")).isEqualTo("Team talk");
    }

    @Test
    void scrolling_with_the_mouse_draws_the_rows_that_come_into_view_and_a_click_picks_one() {
        open(study);
        browser.keys(Keys.HOME);
        for (double at : new double[] {0.5, 0.93, 0.2}) {
            browser.js("const l = document.querySelector('#units'); l.scrollTop = l.scrollHeight * arguments[0];", at);
            browser.until(d -> drawnRowProblems().isEmpty());
            // The current row (the first) stays drawn while the list shows others, so a screen reader still finds it.
            assertThat(browser.all(".unit.current")).hasSize(1);
        }
        String picked = (String) browser.js("""
                const l = document.querySelector('#units').getBoundingClientRect();
                const row = [...document.querySelectorAll('.unit')].find((r) => r.getBoundingClientRect().top > l.top + 200);
                row.querySelector('.text').click();
                return row.dataset.index;""");
        assertCurrentInView(Integer.parseInt(picked));
        assertThat(Integer.parseInt(picked)).isGreaterThan(300);
    }

    @Test
    void code_search_and_undo_reach_a_unit_far_down() {
        open(study);
        browser.keys(Keys.END, "k", "k", "/");
        browser.keys("decis", Keys.ENTER);
        browser.until(d -> "saved".equals(browser.find("#save-status").getDomAttribute("data-state")));
        assertThat(study.serverCodes()).containsEntry(study.unitId(UNITS - 3) + "/step", "decision-talk");
        browser.keys(Keys.HOME);
        browser.ctrl("z");
        assertCurrentInView(UNITS - 3);
        browser.until(d -> "saved".equals(browser.find("#save-status").getDomAttribute("data-state")));
        assertThat(study.serverCodes()).doesNotContainKey(study.unitId(UNITS - 3) + "/step");
    }

    @Test
    void a_change_made_in_another_tab_shows_on_a_row_drawn_later() {
        open(study);
        browser.keys(Keys.HOME);
        String first = browser.driver.getWindowHandle();
        browser.driver.switchTo().newWindow(WindowType.TAB);
        browser.open(app.baseUrl + "/" + study.codePage());
        browser.waitReady();
        browser.keys(Keys.END, "k", "k", "k", "k", "k", "o");
        browser.until(d -> "saved".equals(browser.find("#save-status").getDomAttribute("data-state")));
        browser.driver.close();
        browser.driver.switchTo().window(first);
        browser.until(d -> browser.find("#toast").isDisplayed());
        assertThat(browser.toast()).contains("Another tab").contains("unit " + (UNITS - 5));
        browser.keys(Keys.END);
        assertThat((String) browser.js("return document.querySelector('.unit[data-index=\"" + (UNITS - 6) + "\"] .pill[data-dim=\"0\"]').textContent"))
                .isEqualTo("Option talk");
    }

    @Test
    void follow_mode_moves_the_highlight_to_rows_not_drawn_when_it_started() {
        StringBuilder vtt = new StringBuilder("WEBVTT\n\n");
        for (int i = 0; i < 400; i++) {
            vtt.append(String.format("00:00:%02d.%03d --> 00:00:%02d.%03d%n<v %s>Stukje %d.%n%n",
                    i * 25 / 1000, i * 25 % 1000, (i + 1) * 25 / 1000, (i + 1) * 25 % 1000, i % 2 == 0 ? "Coach" : "Deelnemer", i + 1));
        }
        Study timed = Study.create(app, admin, "kort-opgenomen.vtt", vtt.toString(), "Coach=professional,Deelnemer=client");
        Http.Response up = admin.postFile("/api/transcripts/" + timed.transcript() + "/media", "opname.wav", Sounds.tone(10), Map.of());
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        open(timed);
        browser.until(d -> !browser.all("#media audio").isEmpty());
        int drawnAtStart = browser.all(".unit").size();
        browser.shift(" ");
        browser.until(d -> current() >= drawnAtStart + 40);
        browser.shift(" ");
        assertCurrentInView(current());
        browser.screenshot("coding-long-follow");
    }
}
