package nl.samenspraak.web;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspraak.account.Role;
import nl.samenspraak.support.Browser;
import nl.samenspraak.support.BrowserExtension;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;
import nl.samenspraak.support.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14's check: "a real audio file made in the test (espeak-ng or sox from Debian, two voices alternating): a
 * coder unitizes and codes 20 utterances by keyboard only while the audio plays, fixes two boundaries, reloads, and
 * finds every unit and code; the API shows the times". Twenty Dutch sentences are spoken by espeak-ng, a
 * professional (voice nl) and a client (nl+f3) taking turns, joined by sox with 0.8 s of silence between them. On
 * the recording screen the coder sets the speed to 2x (Alt+Up), presses Space once and then, while it plays, at the
 * end of each utterance: Enter (ends it and starts the next), the code's hotkey, and Alt+C or Alt+P for who speaks
 * next; the last utterance is
 * ended with j and Alt+. (the open unit's end at the playhead). Then two boundaries are moved by keys, the page is
 * reloaded, and the screen and the API have the 20 units, their speakers, codes and times.
 */
@ExtendWith(BrowserExtension.class)
@org.junit.jupiter.api.parallel.ResourceLock("chromium")
class SpokenRecordingTest {
    private static final int UTTERANCES = 20;
    private static final double PAUSE_S = 0.8;
    private static final String[] SENTENCES = {
            "Goedemorgen, fijn dat u er bent.", "Dank u, ik was wel wat zenuwachtig.",
            "Hoe gaat het op dit moment met het werk?", "Ik werk twee dagen per week in de keuken.",
            "Wat vindt u daarvan?", "Het is zwaar, maar ik doe het graag.",
            "Kunt u iets meer vertellen over uw rug?", "Na een lange dag heb ik veel pijn.",
            "Heeft u daar hulp bij gehad?", "Ik ben naar de fysiotherapeut geweest.",
            "Zullen we samen naar de uren kijken?", "Ja, dat lijkt me een goed idee.",
            "Hoeveel uur zou u willen werken?", "Ik denk dat drie dagen te veel is.",
            "Dan houden we het voorlopig op twee dagen.", "Mag ik dan ook een cursus volgen?",
            "Dat zoek ik voor u uit deze week.", "Wanneer hoor ik daar meer over?",
            "Ik bel u volgende week dinsdag.", "Goed, dan wacht ik daarop.",
    };

    @TempDir Path dir;

    private record Spoken(Path wav, long[] startMs, long[] endMs) {}

    /** The twenty sentences, two voices taking turns, with a pause after each; when each one starts and ends. */
    private Spoken speak() throws Exception {
        List<String> join = new ArrayList<>(List.of("sox"));
        long[] start = new long[UTTERANCES];
        long[] end = new long[UTTERANCES];
        Path pause = dir.resolve("pause.wav");
        run("sox", "-n", "-r", "22050", "-c", "1", "-b", "16", pause.toString(), "trim", "0", String.valueOf(PAUSE_S));
        double at = 0;
        for (int i = 0; i < UTTERANCES; i++) {
            Path part = dir.resolve(String.format("u%02d.wav", i + 1));
            run("espeak-ng", "-v", i % 2 == 0 ? "nl" : "nl+f3", "-s", "165", "-w", part.toString(), SENTENCES[i]);
            // One format for all parts (espeak-ng writes 22,050 Hz mono 16-bit; said here rather than assumed).
            Path same = dir.resolve(String.format("s%02d.wav", i + 1));
            run("sox", part.toString(), "-r", "22050", "-c", "1", "-b", "16", same.toString());
            double seconds = Double.parseDouble(run("soxi", "-D", same.toString()).strip());
            start[i] = Math.round(at * 1000);
            at += seconds;
            end[i] = Math.round(at * 1000);
            at += PAUSE_S;
            join.add(same.toString());
            join.add(pause.toString());
        }
        Path wav = dir.resolve("gesprek gesproken.wav");
        join.add(wav.toString());
        run(join.toArray(String[]::new));
        return new Spoken(wav, start, end);
    }

    private static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(String.join(" ", cmd) + ": " + out).isZero();
        return out;
    }

    private static void alt(Browser b, CharSequence key) {
        new Actions(b.driver).keyDown(Keys.ALT).sendKeys(key).keyUp(Keys.ALT).perform();
    }

    private static long playheadMs(Browser b) {
        return ((Number) b.js("return Math.round(document.querySelector('#media-slot audio').currentTime * 1000)")).longValue();
    }

    private static void settled(Browser b, int units) {
        try {
            b.until(d -> b.all("#units .rec-unit").size() == units && "saved".equals(b.js("return document.querySelector('#save-status').dataset.state")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("expected " + units + " units; the screen says: " + b.js("return document.querySelector('#toast').textContent + ' / '"
                    + " + document.querySelector('#save-status').textContent") + " / " + b.text("#units"), e);
        }
    }

    @Test
    void a_coder_unitizes_and_codes_twenty_spoken_utterances_by_keyboard_while_the_audio_plays(TestApp app, Browser en) throws Exception {
        for (String tool : List.of("/usr/bin/espeak-ng", "/usr/bin/sox", "/usr/bin/soxi")) {
            Tools.require(new File(tool).canExecute(), tool.substring(tool.lastIndexOf('/') + 1) + " is not installed (apt-get install espeak-ng sox)");
        }
        Spoken spoken = speak();
        Http root = app.loggedIn("root", Role.ADMIN);
        Http.Response p = root.post("/api/projects", Map.of("name", app.unique("Gesproken gesprekken"), "codebookKey", "rias-werk-inkomen"));
        assertThat(p.status()).as(p.body()).isEqualTo(201);
        long project = p.json().path("id").asLong();
        // Boundaries of coded units may still be fixed in this project.
        assertThat(root.patch("/api/projects/" + project, Map.of("unitsAfterCoding", "open")).status()).isEqualTo(200);
        Http.Response made = root.postFile("/api/projects/" + project + "/recordings", spoken.wav().getFileName().toString(), Files.readAllBytes(spoken.wav()), Map.of());
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long t = made.json().path("transcript").path("id").asLong();

        en.driver.manage().window().setSize(new Dimension(1400, 900));
        en.logInAfresh(app.baseUrl, "root", TestApp.PASSWORD, "record.html?t=" + t);
        en.waitReady();

        // Professionals' units get q (closed question about work) and u (partnership), the client's 1 (information
        // about work) and A (asks for services), in turn.
        String[] keys = new String[UTTERANCES];
        String[] codes = new String[UTTERANCES];
        for (int i = 0; i < UTTERANCES; i++) {
            boolean professional = i % 2 == 0;
            boolean first = (i / 2) % 2 == 0;
            keys[i] = professional ? (first ? "q" : "u") : (first ? "1" : "A");
            codes[i] = professional ? (first ? "q-closed.work" : "partnership") : (first ? "info.work" : "request-services");
        }

        // At twice the speed (Alt+Up four times from 1x), as an experienced coder listens to a clear recording; the
        // pitch is kept. The pauses are then 0.4 s, and the suite waits half as long.
        for (int i = 0; i < 4; i++) alt(en, Keys.ARROW_UP);
        en.until(d -> ((Number) en.js("return document.querySelector('#media-slot audio').playbackRate")).doubleValue() == 2.0);
        en.keys(" "); // plays; from here on the recording runs and every key is pressed while it plays
        for (int i = 0; i < UTTERANCES - 1; i++) {
            long after = spoken.endMs()[i] + 150;
            en.until(d -> playheadMs(en) >= after);
            en.keys(Keys.ENTER, keys[i]);
            alt(en, i % 2 == 0 ? "c" : "p");
        }
        // The last utterance: its unit (open since the 19th Enter) is chosen with j and ended at the playhead with Alt+.
        settled(en, UTTERANCES);
        en.keys("j");
        long last = spoken.endMs()[UTTERANCES - 1] + 150;
        en.until(d -> playheadMs(en) >= last);
        alt(en, ".");
        en.keys(keys[UTTERANCES - 1]);
        settled(en, UTTERANCES);
        en.until(d -> en.all("#units .rec-unit .pill:not(.empty)").size() == UTTERANCES);

        JsonNode marked = root.get("/api/transcripts/" + t).json().path("utterances");
        assertThat(marked).hasSize(UTTERANCES);
        // Two boundaries fixed by keys: unit 3 ends 0.1 s earlier, unit 8 starts 0.1 s later (each shared with its neighbour).
        for (int i = UTTERANCES; i > 3; i--) en.keys("k");
        en.until(d -> en.find("#units .rec-unit.current .seq").getText().equals("3"));
        alt(en, ",");
        settled(en, UTTERANCES);
        for (int i = 3; i < 8; i++) en.keys("j");
        en.until(d -> en.find("#units .rec-unit.current .seq").getText().equals("8"));
        alt(en, "]");
        settled(en, UTTERANCES);

        // After a reload: every unit and code is on the screen.
        en.driver.navigate().refresh();
        en.waitReady();
        assertThat(en.all("#units .rec-unit")).hasSize(UTTERANCES);
        assertThat(en.all("#units .rec-unit .pill:not(.empty)")).hasSize(UTTERANCES);

        // The API has the times, speakers and codes.
        JsonNode units = root.get("/api/transcripts/" + t).json().path("utterances");
        JsonNode given = root.get("/api/transcripts/" + t + "/codes").json();
        assertThat(units).hasSize(UTTERANCES);
        for (int i = 0; i < UTTERANCES; i++) {
            JsonNode u = units.get(i);
            long start = u.path("startMs").asLong();
            long end = u.path("endMs").asLong();
            String what = "unit " + (i + 1) + " (" + start + "–" + end + " ms; spoken " + spoken.startMs()[i] + "–" + spoken.endMs()[i] + " ms)";
            assertThat(u.path("endMs").isNull()).as(what).isFalse();
            assertThat(u.path("speakerRole").asText()).as(what).isEqualTo(i % 2 == 0 ? "professional" : "client");
            // Ended after its speech, before the next one was over; started where the one before ended. The fixes move
            // shared boundaries (units made with Enter touch): unit 3's end and unit 4's start 0.1 s earlier, unit 7's
            // end and unit 8's start 0.1 s later.
            long endFix = i == 2 ? -100 : i == 6 ? 100 : 0;
            long startFix = i == 3 ? -100 : i == 7 ? 100 : 0;
            assertThat(end - endFix).as(what).isGreaterThanOrEqualTo(spoken.endMs()[i]);
            if (i + 1 < UTTERANCES) assertThat(end).as(what).isLessThan(spoken.endMs()[i + 1]);
            if (i == 0) assertThat(start).as(what).isZero();
            else assertThat(start).as(what).isEqualTo(marked.get(i - 1).path("endMs").asLong() + startFix);
            assertThat(end).as(what).isEqualTo(marked.get(i).path("endMs").asLong() + endFix);
            List<String> mine = new ArrayList<>();
            for (JsonNode c : given) if (c.path("utteranceId").asLong() == u.path("id").asLong()) mine.add(c.path("code").asText());
            assertThat(mine).as(what).containsExactly(codes[i]);
        }
    }
}
