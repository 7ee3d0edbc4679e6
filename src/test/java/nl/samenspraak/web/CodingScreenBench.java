package nl.samenspraak.web;

import nl.samenspraak.account.Role;
import nl.samenspraak.support.Browser;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the coding screen feels on a long session: a 2,000-unit transcript. Time to a usable screen
 * (navigation start to the ready mark: fetches, parsing and building every row) and time from a key
 * to the frame that shows its result (measured in the page: the keydown's timestamp to the first
 * task after the next animation frame). Run: mvn -Pbench test -Dtest=CodingScreenBench
 */
@Tag("bench")
class CodingScreenBench {
    static final int UNITS = Integer.getInteger("units", 2000);
    static final int LOADS = 5;
    static final int KEYS = 300;

    @TempDir Path dir;

    @Test
    void coding_screen_on_a_two_thousand_unit_transcript() {
        try (TestApp app = TestApp.start(dir); Browser browser = Browser.start("en")) {
            Http admin = app.loggedIn("root", Role.ADMIN);
            Study study = Study.create(app, admin, "lang.txt", transcript(), "KM=professional,Klant=client");
            assertThat(study.units()).hasSize(UNITS);
            browser.logIn(app.baseUrl, study.coder(), TestApp.PASSWORD, study.codePage());

            List<Double> ready = new ArrayList<>(), render = new ArrayList<>();
            for (int i = 0; i < LOADS; i++) {
                browser.driver.navigate().refresh();
                browser.waitReady();
                ready.add(number(browser.js("return window.samenspraak.readyMs")));
                render.add(number(browser.js("return window.samenspraak.renderMs")));
            }
            browser.keys(org.openqa.selenium.Keys.HOME);
            browser.js("window.samenspraak.keyMs.length = 0");
            for (int i = 0; i < KEYS; i++) browser.keys("t");
            List<Double> code = keyTimes(browser);
            for (int i = 0; i < KEYS; i++) browser.keys("k");
            List<Double> move = keyTimes(browser);
            @SuppressWarnings("unchecked")
            List<Double> handler = ((List<Object>) browser.js("return window.samenspraak.handlerMs")).stream().map(CodingScreenBench::number).toList();
            browser.until(d -> "saved".equals(browser.find("#save-status").getDomAttribute("data-state")));
            assertThat(study.serverCodes()).hasSize(KEYS);

            System.out.printf(Locale.ROOT, "BENCH units=%d%n", UNITS);
            System.out.printf(Locale.ROOT, "BENCH ready (navigation start to usable), ms: %s%n", summary(ready));
            System.out.printf(Locale.ROOT, "BENCH build of the screen after data arrived, ms: %s%n", summary(render));
            System.out.printf(Locale.ROOT, "BENCH hotkey -> code saved locally and next unit shown, ms: %s%n", summary(code));
            System.out.printf(Locale.ROOT, "BENCH k -> previous unit shown, ms: %s%n", summary(move));
            System.out.printf(Locale.ROOT, "BENCH key handler alone (both kinds), ms: %s%n", summary(handler));
        }
    }

    private static List<Double> keyTimes(Browser browser) {
        browser.until(d -> number(browser.js("return window.samenspraak.keyMs.length")) >= KEYS);
        @SuppressWarnings("unchecked")
        List<Object> raw = (List<Object>) browser.js("const k = window.samenspraak.keyMs.slice(); window.samenspraak.keyMs.length = 0; return k;");
        return raw.stream().map(CodingScreenBench::number).toList();
    }

    private static double number(Object o) {
        return ((Number) o).doubleValue();
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
