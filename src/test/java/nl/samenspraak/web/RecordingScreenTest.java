package nl.samenspraak.web;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspraak.account.Role;
import nl.samenspraak.support.Browser;
import nl.samenspraak.support.BrowserExtension;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.InLanguage;
import nl.samenspraak.support.TestApp;
import nl.samenspraak.support.Tools;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coding straight from the recording (issue 14), in a real browser with a real recording made by sox: an
 * administrator makes a transcript from the recording on the transcripts page, lets the units' boundaries move
 * after coding on the settings page, opens the recording screen, plays, and by keyboard alone marks units, sets
 * their speakers, codes them with the RIAS hotkeys, moves two boundaries, splits and merges, undoes once, writes
 * a gist; after a reload every unit and code is there, and the API has the times. The screen in Dutch too.
 */
@ExtendWith(BrowserExtension.class)
@org.junit.jupiter.api.parallel.ResourceLock("chromium")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordingScreenTest {
    @TempDir static Path dir;
    TestApp app;
    Http root;
    Browser en, nl;

    @BeforeAll void start(TestApp app, Browser en, @InLanguage("nl") Browser nl) {
        Tools.require(new File("/usr/bin/sox").canExecute(), "sox is not installed (apt-get install sox)");
        this.app = app;
        this.en = en;
        this.nl = nl;
        root = app.loggedIn("root", Role.ADMIN);
        for (Browser b : List.of(en, nl)) b.driver.manage().window().setSize(new Dimension(1400, 900));
    }

    /** 20 s of two tones taking turns every 2.5 s (the professional at 440 Hz, the client at 660 Hz). */
    private Path recording(String name) throws Exception {
        Path wav = dir.resolve(name);
        List<String> cmd = new ArrayList<>(List.of("sox", "-n", "-r", "16000", "-c", "1", "-b", "16", wav.toString()));
        for (int i = 0; i < 8; i++) {
            if (i > 0) cmd.add(":");
            cmd.addAll(List.of("synth", "2.5", "sine", i % 2 == 0 ? "440" : "660", "vol", "0.5"));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
        return wav;
    }

    private record Made(long project, long transcript) {}

    /** A transcript made from a recording the test makes ({@code made}), stored as {@code stored} in a new project of that name. */
    private Made recordingTranscript(String projectName, String stored, String made) throws Exception {
        long p = project(app.unique(projectName));
        Http.Response r = root.postFile("/api/projects/" + p + "/recordings", stored, java.nio.file.Files.readAllBytes(recording(made)), Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return new Made(p, r.json().path("transcript").path("id").asLong());
    }

    private long project(String name) {
        Http.Response r = root.post("/api/projects", Map.of("name", name, "codebookKey", "rias-werk-inkomen"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    /** Keys pressed with Alt held (the screen's unit commands). */
    private void alt(Browser b, CharSequence... keys) {
        Actions a = new Actions(b.driver).keyDown(Keys.ALT);
        for (CharSequence k : keys) a.sendKeys(k);
        a.keyUp(Keys.ALT).perform();
    }

    private void settled(Browser b, int units) {
        try {
            b.until(d -> b.all("#units .rec-unit").size() == units && "saved".equals(b.js("return document.querySelector('#save-status').dataset.state")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("expected " + units + " units; the screen says: " + b.js("return document.querySelector('#toast').textContent + ' / ' + document.querySelector('#save-status').textContent") + " / " + b.text("#units"), e);
        }
    }

    private long playheadMs(Browser b) {
        return ((Number) b.js("return Math.round(document.querySelector('#media-slot audio').currentTime * 1000)")).longValue();
    }

    @Test
    void a_coder_marks_speakers_codes_moves_splits_merges_and_undoes_by_keyboard_and_everything_is_kept() throws Exception {
        long p = project(app.unique("Gesprekken werk en inkomen"));
        Path wav = recording("2026-04-02 gesprek re-integratie.wav");
        en.logInAfresh(app.baseUrl, "root", TestApp.PASSWORD, "settings.html?p=" + p);
        en.waitReady();
        new org.openqa.selenium.support.ui.Select(en.find("#units-after-coding")).selectByValue("open");
        en.click("button[type=submit]");
        en.until(d -> en.text("#save-state").equals("Settings saved."));
        assertThat(root.get("/api/projects/" + p + "/settings").json().path("unitsAfterCoding").asText()).isEqualTo("open");

        en.open(app.baseUrl + "/transcripts.html?p=" + p);
        en.waitReady();
        assertThat(en.text("#new-recording-button")).isEqualTo("New transcript from a recording…");
        en.find("#new-recording").sendKeys(wav.toString());
        en.until(d -> en.text("#status").contains("is made from the recording"));
        en.until(d -> !en.all(".record-link").isEmpty());
        Screens.both(en, "recording-transcripts");
        long t = root.get("/api/projects/" + p + "/transcripts").json().get(0).path("id").asLong();
        assertThat(en.find(".record-link").getDomAttribute("href")).isEqualTo("record.html?t=" + t);
        // The coding screen sends a transcript made from a recording to the recording screen.
        en.open(app.baseUrl + "/code.html?t=" + t);
        en.until(d -> en.driver.getCurrentUrl().contains("record.html?t=" + t));
        en.waitReady();
        assertThat(en.find("#rec-empty").isDisplayed()).isTrue();

        // Play, then pause, then back to the start; from there seek by keyboard (playback's pace is not the test's).
        en.keys(" ");
        en.until(d -> playheadMs(en) > 0);
        en.keys(" ");
        en.until(d -> (Boolean) en.js("return document.querySelector('#media-slot audio').paused"));
        en.keys(Keys.ARROW_LEFT);
        en.until(d -> playheadMs(en) == 0);

        // 1: professional, 0-4 s, 'a' (agree); the next one is the client's.
        en.keys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ENTER);
        settled(en, 2);
        en.keys("a");
        alt(en, "c");
        // 2: client, 4-8 s, 'A' (request services, a client's code).
        en.keys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ENTER);
        settled(en, 3);
        en.keys("A");
        alt(en, "p");
        // 3: professional, 8-12 s, 'q' (closed question about work).
        en.keys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ENTER);
        settled(en, 4);
        en.keys("q");
        alt(en, "c");
        // 4: client, 12-16 s, '1' (information about work).
        en.keys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ENTER);
        settled(en, 5);
        en.keys("1");
        alt(en, "p");
        // 5: professional, 16-18 s, 'u' (partnership); 6: professional, from 18 s, open.
        en.keys(Keys.ARROW_RIGHT, Keys.ENTER);
        settled(en, 6);
        en.keys("u");
        settled(en, 6);
        Screens.both(en, "recording-screen");
        en.keys(Keys.ESCAPE); // from the language choice back to the units

        // Boundaries (units made with Enter touch, so each shared boundary moves as one): unit 5 ends 0.1 s earlier
        // and unit 6 starts there; unit 4 ends 1 s earlier and unit 5 starts there
        alt(en, ",");
        settled(en, 6);
        en.keys("k");
        new Actions(en.driver).keyDown(Keys.ALT).keyDown(Keys.SHIFT).sendKeys(",").keyUp(Keys.SHIFT).keyUp(Keys.ALT).perform();
        settled(en, 6);
        // and starts 0.1 s later, where unit 3 now ends.
        alt(en, "]");
        settled(en, 6);
        // Split unit 3 at 10 s, then merge the two parts again, then undo the merge.
        en.keys(Keys.ARROW_LEFT, Keys.ARROW_LEFT, Keys.ARROW_LEFT, Keys.ARROW_LEFT);
        en.until(d -> playheadMs(en) == 10000);
        alt(en, "s");
        settled(en, 7);
        en.keys("k");
        alt(en, "m");
        settled(en, 6);
        en.ctrl("z");
        settled(en, 7);
        // The second part of unit 3 gets a code and a gist.
        en.keys("j");
        en.keys("Q");
        alt(en, "g");
        en.until(d -> en.find("#gist-dialog").isDisplayed());
        en.keys("vraagt naar het werk", Keys.ENTER);
        en.until(d -> !en.find("#gist-dialog").isDisplayed());
        settled(en, 7);
        en.keys("?");
        en.until(d -> en.find("#help").isDisplayed());
        assertThat(en.text("#help-body")).contains("End the utterance at the playhead and start the next").contains("Alt+P").contains("Ctrl+Z");
        Screens.both(en, "recording-help");
        en.keys(Keys.ESCAPE);

        // The API has the times, speakers, gist and codes.
        JsonNode units = root.get("/api/transcripts/" + t).json().path("utterances");
        assertThat(units).hasSize(7);
        long[][] times = {{0, 4000}, {4000, 8000}, {8000, 10000}, {10000, 12100}, {12100, 15000}, {15000, 17900}, {17900, -1}};
        String[] roles = {"professional", "client", "professional", "professional", "client", "professional", "professional"};
        for (int i = 0; i < 7; i++) {
            JsonNode u = units.get(i);
            assertThat(u.path("startMs").asLong()).as("start of unit %d", i + 1).isEqualTo(times[i][0]);
            if (times[i][1] < 0) assertThat(u.path("endMs").isNull()).as("unit 7 is open").isTrue();
            else assertThat(u.path("endMs").asLong()).as("end of unit %d", i + 1).isEqualTo(times[i][1]);
            assertThat(u.path("speakerRole").asText()).as("role of unit %d", i + 1).isEqualTo(roles[i]);
        }
        assertThat(units.get(3).path("text").asText()).isEqualTo("vraagt naar het werk");
        JsonNode codes = root.get("/api/transcripts/" + t + "/codes").json();
        List<String> coded = new ArrayList<>();
        for (JsonNode u : units) for (JsonNode c : codes) if (c.path("utteranceId").asLong() == u.path("id").asLong()) coded.add(u.path("seq").asInt() + ":" + c.path("code").asText());
        assertThat(coded).containsExactly("1:agree", "2:request-services", "3:q-closed.work", "4:q-open.work", "5:info.work", "6:partnership");

        // After a reload: every unit and code is on the screen.
        en.driver.navigate().refresh();
        en.waitReady();
        assertThat(en.all("#units .rec-unit")).hasSize(7);
        assertThat(en.all("#units .rec-unit .pill:not(.empty)")).hasSize(6);
        assertThat(en.text("#units")).contains("vraagt naar het werk").contains("0:15.0 – 0:17.9");
    }

    /**
     * Counts, per frame, the frame callbacks the page asks for (window.__raf.frames), the timeupdate events while
     * playing (updates) and the frame at which playback paused (pausedAt).
     */
    private static final String COUNT_FRAMES = """
            const a = document.querySelector('#media-slot audio');
            const r = window.__raf = { n: 0, frames: [], updates: 0, pausedAt: -1 };
            const ask = window.requestAnimationFrame.bind(window);
            window.requestAnimationFrame = (cb) => { r.n++; return ask(cb); };
            const tick = () => { r.frames.push(r.n); r.n = 0; ask(tick); };
            ask(tick);
            a.addEventListener('timeupdate', () => { if (!a.paused) r.updates++; });
            a.addEventListener('pause', () => { r.pausedAt = r.frames.length; });
            """;

    private int raf(Browser b, String expression) {
        return ((Number) b.js("return " + expression)).intValue();
    }

    @Test
    void playback_redraws_the_timeline_in_one_frame_loop_that_ends_with_a_pause() throws Exception {
        long t = recordingTranscript("Opnames", "gesprek.wav", "gesprek-loop.wav").transcript();
        en.logInAfresh(app.baseUrl, "root", TestApp.PASSWORD, "record.html?t=" + t);
        en.waitReady();
        en.js(COUNT_FRAMES);
        en.keys(" ");
        // Every timeupdate (some four a second) draws; none starts another loop: one frame callback per frame.
        en.until(d -> raf(en, "window.__raf.updates") >= 6);
        int from = raf(en, "window.__raf.frames.length");
        en.until(d -> raf(en, "window.__raf.frames.length") >= from + 10);
        assertThat(raf(en, "Math.max(...window.__raf.frames.slice(" + from + "))")).as("frame callbacks asked for in one frame while playing").isEqualTo(1);
        assertThat((Boolean) en.js("return document.querySelector('#media-slot audio').paused")).isFalse();
        // Paused: the loop ends.
        en.keys(" ");
        en.until(d -> raf(en, "window.__raf.pausedAt") >= 0);
        int paused = raf(en, "window.__raf.pausedAt");
        en.until(d -> raf(en, "window.__raf.frames.length") >= paused + 6);
        assertThat(raf(en, "Math.max(...window.__raf.frames.slice(" + (paused + 2) + "))")).as("frame callbacks after the pause").isZero();
        assertThat(en.scriptErrors()).isEmpty();
    }

    /** Blocks (or with no patterns, lets through again) the browser's requests whose address matches. */
    private void block(Browser b, String... patterns) {
        b.driver.executeCdpCommand("Network.enable", Map.of());
        b.driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of(patterns)));
    }

    private Object unitQueue(Browser b, long user, long t) {
        return b.js("return JSON.parse(localStorage.getItem('samenspraak.units.' + arguments[0] + '.' + arguments[1]) || '[]').length", user, t);
    }

    @Test
    void unit_changes_made_while_the_server_cannot_be_reached_survive_a_reload_and_arrive_each_once() throws Exception {
        long t = recordingTranscript("Zonder verbinding", "offline.wav", "offline.wav").transcript();
        long me = app.count("SELECT id FROM users WHERE name = 'root'");
        String units = "SELECT COUNT(*) FROM change_log WHERE transcript_id = " + t + " AND field LIKE 'unit.%'";
        en.logInAfresh(app.baseUrl, "root", TestApp.PASSWORD, "record.html?t=" + t);
        en.waitReady();
        try {
            // The unit routes cannot be reached (the page, the recording and the codes can).
            block(en, "*/units*");
            // Three utterances ended and coded, speakers set, the third one's end 0.1 s earlier; a fourth one open.
            en.keys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ENTER, "a");
            alt(en, "c");
            en.keys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ENTER, "A");
            alt(en, "p");
            // (moved before it is coded: in this project the boundaries of coded units stay where they are)
            en.keys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ENTER);
            alt(en, ",");
            en.keys("q");
            en.until(d -> "offline".equals(en.js("return document.querySelector('#save-status').dataset.state")));
            // next at 0 and at 4 s, a code, a speaker, next at 8 s, a code, a speaker, next at 12 s, a move, a code.
            en.until(d -> Long.valueOf(10).equals(unitQueue(en, me, t)));
            assertThat(en.all("#units .rec-unit")).isEmpty();

            // A reload while the server still cannot be reached: the queue is kept, and waits.
            en.driver.navigate().refresh();
            en.waitReady();
            en.until(d -> "offline".equals(en.js("return document.querySelector('#save-status').dataset.state")));
            assertThat(unitQueue(en, me, t)).isEqualTo(10L);
            assertThat(app.count(units)).isZero();
        } finally {
            block(en);
        }
        // The server can be reached again: every change arrives, in order, once.
        settled(en, 4);
        assertThat(unitQueue(en, me, t)).isEqualTo(0L);
        JsonNode got = root.get("/api/transcripts/" + t).json().path("utterances");
        // (units made with Enter touch: the third one's end moved 0.1 s earlier takes the fourth one's start with it)
        long[][] times = {{0, 4000}, {4000, 8000}, {8000, 11900}, {11900, -1}};
        String[] roles = {"professional", "client", "professional", "professional"};
        for (int i = 0; i < 4; i++) {
            JsonNode u = got.get(i);
            assertThat(u.path("startMs").asLong()).as("start of unit %d", i + 1).isEqualTo(times[i][0]);
            if (times[i][1] < 0) assertThat(u.path("endMs").isNull()).as("unit 4 is open").isTrue();
            else assertThat(u.path("endMs").asLong()).as("end of unit %d", i + 1).isEqualTo(times[i][1]);
            assertThat(u.path("speakerRole").asText()).as("role of unit %d", i + 1).isEqualTo(roles[i]);
        }
        JsonNode codes = root.get("/api/transcripts/" + t + "/codes").json();
        List<String> coded = new ArrayList<>();
        for (JsonNode u : got) for (JsonNode c : codes) if (c.path("utteranceId").asLong() == u.path("id").asLong()) coded.add(u.path("seq").asInt() + ":" + c.path("code").asText());
        assertThat(coded).containsExactly("1:agree", "2:request-services", "3:q-closed.work");
        // Four marks, two speakers, one move: seven unit changes, each logged once with its own opId.
        assertThat(app.count(units)).isEqualTo(7);
        assertThat(app.count("SELECT COUNT(DISTINCT op_id) FROM change_log WHERE transcript_id = " + t + " AND field LIKE 'unit.%'")).isEqualTo(7);

        // As if the answer to the move had been lost: the same request (same opId) waits in the queue when the page opens.
        long third = got.get(2).path("id").asLong();
        String opId = app.jdbi.withHandle(h -> h.createQuery("SELECT op_id FROM change_log WHERE transcript_id = " + t + " AND field = 'unit.end'")
                .mapTo(String.class).one());
        en.js("localStorage.setItem('samenspraak.units.' + arguments[0] + '.' + arguments[1], JSON.stringify([{action: 'move', end: true, delta: -100,"
                + " atMs: 12000, unitId: arguments[2], opId: arguments[3], req: {method: 'PUT', path: '/api/transcripts/' + arguments[1] + '/units/'"
                + " + arguments[2] + '/end', body: {atMs: 11900}, unitId: arguments[2]}}]))", me, t, third, opId);
        en.driver.navigate().refresh();
        en.waitReady();
        settled(en, 4);
        assertThat(unitQueue(en, me, t)).isEqualTo(0L);
        assertThat(app.count(units)).as("the server answered 'replayed' and applied nothing").isEqualTo(7);
        assertThat(root.get("/api/transcripts/" + t).json().path("utterances").get(2).path("endMs").asLong()).isEqualTo(11900);
    }

    private Object audio(Browser b, String property) {
        return b.js("return document.querySelector('#media-slot audio')." + property);
    }

    /**
     * The player by keyboard: Space plays and pauses, → and ← go 2 s forward and back, Alt+↓ and Alt+↑ step
     * the speed between 0.5× and 2× with the pitch kept, and Enter on a unit chosen with j plays that unit and stops
     * at its end.
     */
    @Test
    void the_player_plays_seeks_changes_speed_with_pitch_kept_and_plays_a_chosen_unit_by_keys() throws Exception {
        long t = recordingTranscript("Speler", "speler.wav", "speler.wav").transcript();
        for (long[] u : new long[][] {{0, 2500}, {2500, 5000}, {5000, 7500}}) {
            Http.Response r = root.post("/api/transcripts/" + t + "/units", Map.of("startMs", u[0], "endMs", u[1], "role", "professional"));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        en.logInAfresh(app.baseUrl, "root", TestApp.PASSWORD, "record.html?t=" + t);
        en.waitReady();
        en.until(d -> ((Number) audio(en, "readyState")).intValue() >= 1);

        en.keys(" ");
        en.until(d -> Boolean.FALSE.equals(audio(en, "paused")));
        en.keys(" ");
        en.until(d -> Boolean.TRUE.equals(audio(en, "paused")));

        en.js("document.querySelector('#media-slot audio').currentTime = 10");
        en.keys(Keys.ARROW_RIGHT);
        en.until(d -> Math.abs(playheadMs(en) - 12_000) < 50);
        en.keys(Keys.ARROW_LEFT, Keys.ARROW_LEFT);
        en.until(d -> Math.abs(playheadMs(en) - 8_000) < 50);

        for (int i = 0; i < 4; i++) alt(en, Keys.ARROW_DOWN);
        assertThat(((Number) audio(en, "playbackRate")).doubleValue()).as("the slowest speed").isEqualTo(0.5);
        assertThat(audio(en, "preservesPitch")).isEqualTo(true);
        for (int i = 0; i < 8; i++) alt(en, Keys.ARROW_UP);
        assertThat(((Number) audio(en, "playbackRate")).doubleValue()).as("the fastest speed").isEqualTo(2.0);
        assertThat(audio(en, "preservesPitch")).isEqualTo(true);

        // Enter on the second unit (chosen with j from the first) plays it from its start and stops at its end.
        en.keys("k", "k", "k", "j");
        en.until(d -> en.find("#units .rec-unit.current .seq").getText().equals("2"));
        en.keys(Keys.ENTER);
        en.until(d -> Boolean.FALSE.equals(audio(en, "paused")));
        en.until(d -> Boolean.TRUE.equals(audio(en, "paused")));
        assertThat(playheadMs(en)).as("stopped at the unit's end").isBetween(5_000L, 5_600L);
        assertThat(app.count("SELECT COUNT(*) FROM utterances WHERE transcript_id = " + t)).as("Enter on a chosen unit makes no unit").isEqualTo(3);
        assertThat(en.scriptErrors()).isEmpty();
    }

    @Test
    void the_recording_screen_speaks_dutch() throws Exception {
        Made made = recordingTranscript("Opnames", "gesprek.wav", "gesprek-nl.wav");
        long p = made.project(), t = made.transcript();
        nl.logInAfresh(app.baseUrl, "root", TestApp.PASSWORD, "record.html?t=" + t);
        nl.waitReady();
        assertThat(nl.text("#rec-empty")).isEqualTo("Nog geen eenheden. Speel de opname af (spatie) en druk op Enter waar elke uiting eindigt.");
        assertThat(nl.text("#rec-role")).isEqualTo("Spreker van de eenheid in wording: professional");
        nl.keys("?");
        nl.until(d -> nl.find("#help").isDisplayed());
        assertThat(nl.text("#help-body")).contains("Uiting eindigt op de afspeelpositie en de volgende begint").contains("Spreker: cliënt");
        nl.keys(Keys.ESCAPE);
        nl.open(app.baseUrl + "/settings.html?p=" + p);
        nl.waitReady();
        assertThat(nl.text("#project-form")).contains("Wie eenheden mag maken en wijzigen bij coderen vanuit een opname").contains("Alleen beheerders en trainers");
    }
}
