package nl.samenspraak.web;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspraak.account.Role;
import nl.samenspraak.support.Axe;
import nl.samenspraak.support.Browser;
import nl.samenspraak.support.BrowserExtension;
import nl.samenspraak.support.Fixtures;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.InLanguage;
import nl.samenspraak.support.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recording's timeline on the coding screen of an imported transcript with times (issue 14), in a real browser
 * with a real recording made by sox (eight turns of 2.5 s): the timeline shows, its playhead follows playback, a click
 * seeks there, the current unit's boundaries move by the recording screen's keys and by dragging an edge (on both
 * screens), each move once in the change log, a boundary two units share moving as one; undo and redo walk through codes
 * and boundary moves in the order they were made; a coded unit's boundary stays put, with the reason, when the project
 * locks it; a transcript without times looks as before.
 */
@ExtendWith(BrowserExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.parallel.ResourceLock("chromium")
class TranscriptTimelineTest {
    @TempDir static Path dir;
    TestApp app;
    Http root;
    Browser en, nl;
    Path wav;

    @BeforeAll void start(TestApp app, Browser en, @InLanguage("nl") Browser nl) throws Exception {
        this.app = app;
        this.en = en;
        this.nl = nl;
        root = app.loggedIn("root", Role.ADMIN);
        wav = Sounds.turns(dir, "2026-04-02 gesprek werk.wav", 8);
        for (Browser b : List.of(en, nl)) b.driver.manage().window().setSize(new Dimension(1400, 900));
    }

    /** Eight units of 2.5 s as WebVTT, the professional (KM) and the client taking turns, with the recording; coders may unitize. */
    private Study timed() throws Exception {
        StringBuilder vtt = new StringBuilder("WEBVTT\n\n");
        String[] said = {"Goedemiddag, fijn dat u er bent.", "Dank u wel.", "Hoe gaat het met zoeken naar werk?", "Het valt niet mee.",
            "Wat heeft u al geprobeerd?", "Ik heb drie brieven gestuurd.", "Zullen we samen kijken?", "Graag."};
        for (int i = 0; i < 8; i++) {
            vtt.append(String.format("00:00:%02d.%03d --> 00:00:%02d.%03d%n<v %s>%s%n%n", i * 2500 / 1000, i * 2500 % 1000,
                    (i + 1) * 2500 / 1000, (i + 1) * 2500 % 1000, i % 2 == 0 ? "KM" : "Klant", said[i]));
        }
        Study s = Study.create(app, root, "gesprek werk.vtt", vtt.toString(), "KM=professional,Klant=client");
        Http.Response up = root.postFile("/api/transcripts/" + s.transcript() + "/media", "gesprek werk.wav", Files.readAllBytes(wav), Map.of());
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        Http.Response set = root.patch("/api/projects/" + s.project(), Map.of("unitizing", "coders"));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        return s;
    }

    private void open(Browser b, Study s) {
        b.logInAfresh(app.baseUrl, s.coder(), TestApp.PASSWORD, s.codePage());
        b.waitReady();
        b.until(d -> "20000".equals(b.find("#timeline").getDomAttribute("data-to")));
    }

    private JsonNode unit(Study s, int index) {
        return root.get("/api/transcripts/" + s.transcript()).json().path("utterances").get(index);
    }

    private long logged(Study s, String field) {
        return app.count("SELECT COUNT(*) FROM change_log WHERE transcript_id = " + s.transcript() + " AND field = '" + field + "'");
    }

    private long current(Browser b) {
        String id = b.find("#units").getDomAttribute("aria-activedescendant");
        return Long.parseLong(id.substring("u-".length()));
    }

    private void alt(Browser b, CharSequence key) {
        new Actions(b.driver).keyDown(Keys.ALT).sendKeys(key).keyUp(Keys.ALT).perform();
    }

    private void altShift(Browser b, CharSequence key) {
        new Actions(b.driver).keyDown(Keys.ALT).keyDown(Keys.SHIFT).sendKeys(key).keyUp(Keys.SHIFT).keyUp(Keys.ALT).perform();
    }

    /** The canvas pixel (from its centre, as Actions counts) of a time in the window the timeline shows. */
    private static int offsetOf(WebElement canvas, long ms) {
        double from = Double.parseDouble(canvas.getDomAttribute("data-from")), to = Double.parseDouble(canvas.getDomAttribute("data-to"));
        double w = canvas.getRect().getWidth();
        return (int) Math.round((ms - from) / (to - from) * w - w / 2);
    }

    private static int pixels(WebElement canvas, long ms) {
        double from = Double.parseDouble(canvas.getDomAttribute("data-from")), to = Double.parseDouble(canvas.getDomAttribute("data-to"));
        return (int) Math.round(ms / (to - from) * canvas.getRect().getWidth());
    }

    /** Takes the edge at {@code atMs} on the timeline with the mouse and drags it by {@code byMs}. */
    private void drag(Browser b, long atMs, long byMs) {
        WebElement canvas = b.find("#timeline");
        int x = offsetOf(canvas, atMs), dx = pixels(canvas, byMs);
        new Actions(b.driver).moveToElement(canvas, x, 0).clickAndHold().moveByOffset(dx / 2, 0).moveByOffset(dx - dx / 2, 0).release().perform();
    }

    @Test
    void the_timeline_follows_playback_seeks_on_a_click_and_moves_the_current_units_boundaries_by_key() throws Exception {
        Study s = timed();
        open(en, s);
        assertThat(en.find("#timeline-box").isDisplayed()).isTrue();
        assertThat(en.find("#timeline").getDomAttribute("aria-label")).isEqualTo("Timeline of the recording: units and playhead");

        // Following the recording: the playhead moves on the timeline, and so does the current unit.
        en.keys(Keys.HOME);
        en.shift(" ");
        en.until(d -> Long.parseLong(en.find("#timeline").getDomAttribute("data-at")) > 2600 && current(en) == s.unitId(1));
        en.shift(" ");
        en.until(d -> (Boolean) en.js("return document.querySelector('#media-slot audio').paused"));

        // A click on the timeline at 11 s: the recording goes there, and unit 5 (10-12.5 s) is the current one.
        WebElement canvas = en.find("#timeline");
        new Actions(en.driver).moveToElement(canvas, offsetOf(canvas, 11000), 0).click().perform();
        en.until(d -> current(en) == s.unitId(4));
        long at = ((Number) en.js("return Math.round(document.querySelector('#media-slot audio').currentTime * 1000)")).longValue();
        assertThat(at).isBetween(10800L, 11200L);

        // Alt+, : unit 5 ends 0.1 s earlier, and unit 6, which started there, starts there; the API has it, the change log once.
        alt(en, ",");
        en.until(d -> unit(s, 4).path("endMs").asLong() == 12400);
        en.until(d -> en.toast().equals("Unit 5 now ends at 0:12.4."));
        assertThat(unit(s, 5).path("startMs").asLong()).isEqualTo(12400);
        assertThat(logged(s, "unit.end")).isEqualTo(1);
        // Alt+] : it starts 0.1 s later; Alt+Shift+[ 1 s earlier: unit 4, which ended there, ends there.
        alt(en, "]");
        en.until(d -> unit(s, 4).path("startMs").asLong() == 10100);
        assertThat(unit(s, 3).path("endMs").asLong()).isEqualTo(10100);
        altShift(en, "[");
        en.until(d -> unit(s, 4).path("startMs").asLong() == 9100);
        assertThat(unit(s, 3).path("endMs").asLong()).isEqualTo(9100);
        assertThat(logged(s, "unit.start")).isEqualTo(2);
        en.until(d -> en.text("#u-" + s.unitId(4) + " .time").equals("0:09"));
        // Three more seconds earlier would leave unit 4 nothing: refused, with the reason; nothing moves.
        for (int i = 0; i < 3; i++) altShift(en, "[");
        en.until(d -> en.toast().contains("Unit 4 would end at"));
        assertThat(unit(s, 3).path("endMs").asLong()).isEqualTo(8100);
        assertThat(unit(s, 4).path("startMs").asLong()).isEqualTo(8100);

        en.keys("?");
        en.until(d -> en.find("#help").isDisplayed());
        assertThat(en.text("#help-body")).contains("end of this unit 0.1 s earlier").contains("start of this unit 0.1 s later (with Shift: 1 s)");
        assertThat(en.all("#help-body kbd").stream().map(WebElement::getText).toList()).contains("Alt+,", "Alt+.", "Alt+Shift+,", "Alt+[", "Alt+]");
        en.keys(Keys.ESCAPE);
        Screens.both(en, "coding-timeline");
        if (Files.isReadable(Axe.SCRIPT)) assertThat(Axe.serious(en)).as("axe-core on the coding screen with its timeline").isEmpty();
        assertThat(en.scriptErrors()).isEmpty();
    }

    @Test
    void dragging_an_edge_on_the_coding_screens_timeline_moves_it_once() throws Exception {
        Study s = timed();
        open(en, s);
        WebElement canvas = en.find("#timeline");
        new Actions(en.driver).moveToElement(canvas, offsetOf(canvas, 5000), 0).perform();
        en.until(d -> "ew-resize".equals(en.js("return document.querySelector('#timeline').style.cursor")));
        new Actions(en.driver).moveToElement(canvas, offsetOf(canvas, 6200), 0).perform();
        en.until(d -> "".equals(en.js("return document.querySelector('#timeline').style.cursor")));

        // Where units 2 and 3 touch (5 s), the boundary they share moves as one: dragged to the right, unit 2 ends
        // and unit 3 starts later; at 7.5 s to the left, unit 3 ends and unit 4 starts earlier.
        drag(en, 5000, 1000);
        en.until(d -> unit(s, 2).path("startMs").asLong() != 5000);
        long shared = unit(s, 2).path("startMs").asLong();
        assertThat(shared).isBetween(5940L, 6060L);
        assertThat(unit(s, 1).path("endMs").asLong()).isEqualTo(shared);
        drag(en, 7500, -1000);
        en.until(d -> unit(s, 2).path("endMs").asLong() != 7500);
        long second = unit(s, 2).path("endMs").asLong();
        assertThat(second).isBetween(6440L, 6560L);
        assertThat(unit(s, 3).path("startMs").asLong()).isEqualTo(second);
        // The screen shows both units' new times.
        en.until(d -> en.text("#u-" + s.unitId(3) + " .time").equals("0:06"));
        // One change-log entry per drag, with both units; the click that ends a drag does not seek.
        assertThat(logged(s, "unit.start") + logged(s, "unit.end")).isEqualTo(2);
        assertThat(app.count("SELECT COUNT(*) FROM change_log WHERE transcript_id = " + s.transcript() + " AND field LIKE 'unit.%' AND after_value LIKE '%\"id\":"
                + s.unitId(2) + ",%' AND after_value LIKE '%\"id\":" + s.unitId(3) + ",%'")).isEqualTo(1);
        assertThat(((Number) en.js("return document.querySelector('#media-slot audio').currentTime")).doubleValue()).isZero();
        // A shared boundary cannot be dragged across the neighbour: it stops just before unit 4's end (10 s).
        drag(en, second, 5000);
        en.until(d -> unit(s, 2).path("endMs").asLong() != second);
        assertThat(unit(s, 2).path("endMs").asLong()).isEqualTo(9990);
        assertThat(unit(s, 3).path("startMs").asLong()).isEqualTo(9990);
        assertThat(unit(s, 3).path("endMs").asLong()).isEqualTo(10000);
        assertThat(logged(s, "unit.start") + logged(s, "unit.end")).isEqualTo(3);
        assertThat(en.scriptErrors()).isEmpty();
    }

    private int codes(Study s) {
        return s.coderHttp().get("/api/transcripts/" + s.transcript() + "/codes").json().size();
    }

    @Test
    void undo_and_redo_walk_through_codes_and_boundary_moves_in_the_order_they_were_made() throws Exception {
        Study s = timed();
        open(en, s);
        en.keys(Keys.HOME);
        en.until(d -> current(en) == s.unitId(0));
        // A code on unit 1 (on to unit 2), unit 2's end 0.1 s later (unit 3 starts there too), a code on unit 4.
        en.keys("t");
        en.until(d -> current(en) == s.unitId(1));
        alt(en, ".");
        en.until(d -> unit(s, 1).path("endMs").asLong() == 5100);
        en.keys("j", "j");
        en.until(d -> current(en) == s.unitId(3));
        en.keys("t");
        en.until(d -> codes(s) == 2);

        // Ctrl+Z: unit 4's code; again: the move, both units back; again: unit 1's code.
        en.ctrl("z");
        en.until(d -> codes(s) == 1);
        en.ctrl("z");
        en.until(d -> unit(s, 1).path("endMs").asLong() == 5000);
        assertThat(unit(s, 2).path("startMs").asLong()).isEqualTo(5000);
        en.until(d -> en.toast().equals("Undone: unit 2's boundary is back where it was."));
        assertThat(current(en)).isEqualTo(s.unitId(1));
        en.ctrl("z");
        en.until(d -> codes(s) == 0);
        assertThat(app.count("SELECT COUNT(*) FROM change_log WHERE transcript_id = " + s.transcript() + " AND field LIKE 'unit.undo:%'")).isEqualTo(1);
        en.ctrl("z");
        en.until(d -> en.toast().equals("Nothing to undo."));

        // Ctrl+Y: unit 1's code again, then the move again; Ctrl+Z undoes that move.
        en.ctrl("y");
        en.until(d -> codes(s) == 1);
        en.ctrl("y");
        en.until(d -> unit(s, 1).path("endMs").asLong() == 5100);
        assertThat(unit(s, 2).path("startMs").asLong()).isEqualTo(5100);
        en.until(d -> en.toast().equals("Redone: unit 2's boundary is at 0:05.1 again."));
        assertThat(logged(s, "unit.end")).isEqualTo(2);
        en.ctrl("z");
        en.until(d -> unit(s, 2).path("startMs").asLong() == 5000);
        assertThat(unit(s, 1).path("endMs").asLong()).isEqualTo(5000);
        assertThat(codes(s)).isEqualTo(1);
        assertThat(en.scriptErrors()).isEmpty();
    }

    @Test
    void dragging_an_edge_on_the_recording_screens_timeline_moves_it_once() {
        long p = Fixtures.project(root, app.unique("Opnames"));
        Http.Response made = root.postFile("/api/projects/" + p + "/recordings", "gesprek.wav", readWav(), Map.of());
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long t = made.json().path("transcript").path("id").asLong();
        for (long at : new long[]{0, 2500, 5000}) {
            Http.Response r = root.post("/api/transcripts/" + t + "/units/next", Map.of("atMs", at, "role", at == 2500 ? "client" : "professional"));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        en.logInAfresh(app.baseUrl, "root", TestApp.PASSWORD, "record.html?t=" + t);
        en.waitReady();
        en.until(d -> "20000".equals(en.find("#timeline").getDomAttribute("data-to")));
        drag(en, 2500, -1000);
        en.until(d -> root.get("/api/transcripts/" + t).json().path("utterances").get(0).path("endMs").asLong() != 2500);
        JsonNode units = root.get("/api/transcripts/" + t).json().path("utterances");
        assertThat(units.get(0).path("endMs").asLong()).isBetween(1440L, 1560L);
        // The units touched there: the next one starts where the first now ends.
        assertThat(units.get(1).path("startMs").asLong()).isEqualTo(units.get(0).path("endMs").asLong());
        assertThat(app.count("SELECT COUNT(*) FROM change_log WHERE transcript_id = " + t + " AND field = 'unit.end'")).isEqualTo(1);
        en.until(d -> en.text("#units").contains("0:00.0 – 0:01."));
        assertThat(en.scriptErrors()).isEmpty();
    }

    private byte[] readWav() {
        try {
            return Files.readAllBytes(wav);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void a_coded_units_boundary_stays_where_it_is_with_the_reason_in_dutch_when_the_project_locks_it() throws Exception {
        Study s = timed();
        String dim = Fixtures.firstDimension(s.coderHttp());
        Fixtures.code(s.coderHttp(), s.unitId(0), dim, Fixtures.codeFor(s.coderHttp(), dim, "professional", 0));
        open(nl, s);
        nl.keys(Keys.HOME);
        nl.until(d -> current(nl) == s.unitId(0));
        alt(nl, ".");
        nl.until(d -> nl.toast().contains("in dit project blijven de grenzen van gecodeerde uitingen waar ze zijn"));
        // Dragged, the same: nothing moves, here or on the server.
        nl.js("document.querySelector('#toast').textContent = ''");
        drag(nl, 2500, -1000);
        nl.until(d -> nl.toast().contains("blijven de grenzen"));
        assertThat(unit(s, 0).path("endMs").asLong()).isEqualTo(2500);
        assertThat(app.count("SELECT COUNT(*) FROM change_log WHERE transcript_id = " + s.transcript() + " AND field LIKE 'unit.%'")).isZero();
        nl.keys("?");
        nl.until(d -> nl.find("#help").isDisplayed());
        assertThat(nl.text("#help-body")).contains("einde van deze uiting 0,1 s eerder");
        nl.keys(Keys.ESCAPE);
    }

    @Test
    void a_transcript_without_times_has_no_timeline_and_says_why_its_boundaries_do_not_move() {
        Study s = Study.conversation(app, root);
        en.logInAfresh(app.baseUrl, s.coder(), TestApp.PASSWORD, s.codePage());
        en.waitReady();
        assertThat(en.find("#timeline-box").isDisplayed()).isFalse();
        alt(en, ",");
        en.until(d -> en.toast().equals("Boundaries move only in a transcript with times and a recording."));
        en.keys("?");
        en.until(d -> en.find("#help").isDisplayed());
        assertThat(en.all("#help-body kbd").stream().map(WebElement::getText).toList()).doesNotContain("Alt+,");
        en.keys(Keys.ESCAPE);
    }
}
