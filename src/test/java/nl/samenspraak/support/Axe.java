package nl.samenspraak.support;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspraak.http.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * axe-core, Deque's accessibility engine, run on the page a {@link Browser} shows. It comes from npm and
 * is never committed: {@code .ci/run} installs it under target/axe (override the file with
 * {@code -Dsamenspraak.axe=.../axe.min.js}). Where it is missing a test is skipped, in CI it fails.
 */
public final class Axe {
    public static final String VERSION = "4.14.1";
    public static final Path SCRIPT = Path.of(System.getProperty("samenspraak.axe", "target/axe/node_modules/axe-core/axe.min.js"));
    /** The impacts that fail a page; 'moderate' and 'minor' are reported by axe but not held against it. */
    public static final Set<String> FAILING = Set.of("serious", "critical");
    /** Elements named per violation; the rest are counted. */
    static final int SHOWN = 5;

    /** One rule a page breaks, with the elements that break it (CSS selector and the start of their HTML). */
    public record Violation(String rule, String impact, String help, List<String> elements) {
        @Override public String toString() {
            return rule + " (" + impact + "): " + help + "\n      " + String.join("\n      ", elements);
        }
    }

    private static String source;

    private Axe() {}

    public static void assumeInstalled() {
        Tools.require(Files.isReadable(SCRIPT), "axe-core is not installed at " + SCRIPT
                + " (npm install --prefix target/axe axe-core@" + VERSION + ", as .ci/run does)");
    }

    /** The serious and critical violations on the page as it is now. */
    public static List<Violation> serious(Browser browser) {
        browser.js(source() + "\nreturn true;");
        String json = (String) browser.jsAsync("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] })
                   .then(r => done(JSON.stringify(r.violations)), e => done(JSON.stringify({ error: String(e) })));""");
        try {
            JsonNode result = Json.mapper().readTree(json);
            if (result.has("error")) throw new AssertionError("axe-core failed: " + result.path("error").asText());
            List<Violation> out = new ArrayList<>();
            for (JsonNode v : result) {
                if (!FAILING.contains(v.path("impact").asText())) continue;
                List<String> elements = new ArrayList<>();
                for (JsonNode n : v.path("nodes")) {
                    if (elements.size() == SHOWN) {
                        elements.add("... and " + (v.path("nodes").size() - SHOWN) + " more");
                        break;
                    }
                    String html = n.path("html").asText();
                    elements.add(n.path("target").toString() + "  " + (html.length() > 120 ? html.substring(0, 120) + "..." : html));
                }
                out.add(new Violation(v.path("id").asText(), v.path("impact").asText(), v.path("help").asText(), elements));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized String source() {
        if (source == null) {
            try {
                source = Files.readString(SCRIPT);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return source;
    }
}
