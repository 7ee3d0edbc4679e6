package nl.samenspraak.web;

import nl.samenspraak.account.Role;
import nl.samenspraak.support.Browser;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the coding screen feels on a long session (2,000 units; -Dunits=10000 for more), at 1400x900.
 * <ul>
 * <li>usable: navigation start (the page's time origin) to the first frame painted after the first
 * hotkey the screen accepted. Right after each reload the test presses a hotkey again and again, as an
 * impatient coder would, so keys that arrive before the screen listens count as waiting;</li>
 * <li>key to frame: the keydown's timestamp to the first task after the next animation frame, so
 * style, layout and paint of the result are included; measured in the page, without WebDriver's
 * round trips.</li>
 * </ul>
 * Run: mvn -B -q -Pbench test -Dtest=CodingScreenBench [-Dunits=10000]
 */
@Tag("bench")
@org.junit.jupiter.api.extension.ExtendWith(nl.samenspraak.support.BenchJvm.class)
class CodingScreenBench {
    static final int UNITS = Integer.getInteger("units", 2000);
    static final int LOADS = 9;
    static final int KEYS = 300;

    @TempDir Path dir;

    @Test
    void coding_screen_on_a_long_transcript() {
        System.out.printf(Locale.ROOT, "BENCH load average before: %s%n", loadAverage());
        try (TestApp app = TestApp.start(dir); Browser browser = Browser.start("en")) {
            browser.driver.manage().window().setSize(new Dimension(1400, 900));
            Http admin = app.loggedIn("root", Role.ADMIN);
            Study study = Study.create(app, admin, "lang.txt", transcript(), "KM=professional,Klant=client");
            assertThat(study.units()).hasSize(UNITS);
            browser.logIn(app.baseUrl, study.coder(), TestApp.PASSWORD, study.codePage());

            List<Double> usable = new ArrayList<>(), ready = new ArrayList<>(), build = new ArrayList<>();
            for (int i = 0; i < LOADS; i++) {
                browser.driver.navigate().refresh();
                usable.add(pressUntilUsable(browser));
                ready.add(number(browser.js("return window.samenspraak.readyMs")));
                build.add(number(browser.js("return window.samenspraak.renderMs")));
            }
            assertThat(browser.js("return document.activeElement.id")).isEqualTo("units");
            browser.keys(Keys.HOME);
            browser.until(d -> number(browser.js("return window.samenspraak.keyMs.length")) >= 1);
            browser.js("window.samenspraak.keyMs.length = 0; window.samenspraak.handlerMs.length = 0");
            List<Double> code = press(browser, "t");
            List<Double> back = press(browser, "k");
            List<Double> next = press(browser, "j");
            browser.until(d -> "saved".equals(browser.find("#save-status").getDomAttribute("data-state")));
            assertThat(study.serverCodes().size()).isGreaterThanOrEqualTo(KEYS);

            System.out.printf(Locale.ROOT, "BENCH units=%d window=1400x900%n", UNITS);
            System.out.printf(Locale.ROOT, "BENCH usable (navigation start to the frame after the first hotkey), ms: %s%n", summary(usable));
            System.out.printf(Locale.ROOT, "BENCH ready mark (navigation start to data-ready), ms: %s%n", summary(ready));
            System.out.printf(Locale.ROOT, "BENCH build (data arrived to data-ready: rows, codebook, progress), ms: %s%n", summary(build));
            System.out.printf(Locale.ROOT, "BENCH hotkey -> code set and next unit shown, ms: %s%n", summary(code));
            System.out.printf(Locale.ROOT, "BENCH k -> previous unit shown, ms: %s%n", summary(back));
            System.out.printf(Locale.ROOT, "BENCH j -> next unit shown, ms: %s%n", summary(next));
        }
        System.out.printf(Locale.ROOT, "BENCH load average after: %s%n", loadAverage());
    }

    /** Presses 't' until the page says a key was handled and painted; its time from navigation start. */
    private static double pressUntilUsable(Browser browser) {
        long deadline = System.nanoTime() + Browser.WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            browser.keys("t");
            Object ms = browser.js("return window.samenspraak ? window.samenspraak.usableMs : null");
            if (ms != null) return number(ms);
        }
        throw new AssertionError("the coding screen took no key within " + Browser.WAIT);
    }

    private static List<Double> press(Browser browser, String key) {
        for (int i = 0; i < KEYS; i++) browser.keys(key);
        browser.until(d -> number(browser.js("return window.samenspraak.keyMs.length")) >= KEYS);
        @SuppressWarnings("unchecked")
        List<Object> raw = (List<Object>) browser.js("const k = window.samenspraak.keyMs.slice(); window.samenspraak.keyMs.length = 0; return k;");
        return raw.stream().map(CodingScreenBench::number).toList();
    }

    private static double number(Object o) {
        return ((Number) o).doubleValue();
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException | RuntimeException e) {
            return "not available here";
        }
    }

    static String summary(List<Double> values) {
        List<Double> s = values.stream().sorted().toList();
        return String.format(Locale.ROOT, "n=%d median=%.1f p95=%.1f max=%.1f", s.size(), s.get(s.size() / 2),
                s.get((int) Math.ceil(s.size() * 0.95) - 1), s.get(s.size() - 1));
    }

    static String transcript() {
        String[] pro = {"Goedemorgen, hoe gaat het met u vandaag?", "U mag zelf meebeslissen over de volgende stap.",
                "Er zijn meerdere routes: een opleiding, vrijwilligerswerk of direct solliciteren.", "Wat vindt u daarvan?",
                "Laten we samen kijken welke route het beste bij u past, en wat u daarvoor nodig hebt."};
        String[] cli = {"Het gaat wel.", "Ik ben een beetje zenuwachtig over het gesprek van vandaag.", "Dat wist ik niet.",
                "Ik wil graag vrijwilligerswerk doen in de zorg, misschien later een opleiding.", "Ja, dat lijkt me goed."};
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < UNITS; i++) {
            b.append(i % 2 == 0 ? "KM: " + pro[i % pro.length] : "Klant: " + cli[i % cli.length]).append('\n');
        }
        return b.toString();
    }
}
