package nl.samenspraak.app;

import nl.samenspraak.account.Role;
import nl.samenspraak.http.SecurityHeaders;
import nl.samenspraak.support.RawHttp;
import nl.samenspraak.support.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages, scripts and texts under {@code /web} as the server hands them out (Javalin's own static-file
 * handler over the class loader, chosen so that a start does not mount the whole jar): each with its
 * content type and the pages' security headers, "/" as index.html, a 304 for a copy the browser has, a
 * JSON 404 for what is not there, and nothing outside {@code /web} (classes, migrations, codebooks) by any
 * spelling of "..".
 */
class StaticPagesTest {
    @TempDir Path dir;

    @Test
    void pages_scripts_and_texts_with_their_types_and_the_page_headers() throws IOException {
        try (TestApp app = TestApp.start(dir)) {
            app.user("root", Role.ADMIN); // past the first start, whose set-up page every page redirects to
            int port = URI.create(app.baseUrl).getPort();
            Map<String, String> types = Map.of("/", "text/html", "/index.html", "text/html", "/code.html", "text/html",
                    "/js/api.js", "text/javascript", "/i18n/nl.json", "application/json", "/favicon.svg", "image/svg+xml");
            for (var page : types.entrySet()) {
                RawHttp.Answer a = get(port, page.getKey(), Map.of());
                assertThat(a.status()).as(page.getKey()).isEqualTo(200);
                assertThat(a.header("Content-Type")).as(page.getKey()).startsWith(page.getValue());
                SecurityHeaders.PAGE_HEADERS.forEach((name, value) -> assertThat(a.header(name)).as(page.getKey() + " " + name).isEqualTo(value));
                String file = page.getKey().equals("/") ? "/index.html" : page.getKey();
                assertThat(a.body()).as(page.getKey()).isEqualTo(resource("/web" + file));
            }
            RawHttp.Answer script = get(port, "/js/api.js", Map.of());
            assertThat(script.header("ETag")).isNotBlank();
            assertThat(get(port, "/js/api.js", Map.of("If-None-Match", script.header("ETag"))).status()).isEqualTo(304);
        }
    }

    @Test
    void what_is_not_a_page_is_a_json_404_or_refused() {
        try (TestApp app = TestApp.start(dir)) {
            app.user("root", Role.ADMIN); // past the first start, whose set-up page every page redirects to
            int port = URI.create(app.baseUrl).getPort();
            for (String path : List.of("/nope.html", "/js", "/css/", "/web/index.html")) {
                RawHttp.Answer a = get(port, path, Map.of());
                assertThat(a.status()).as(path).isEqualTo(404);
                assertThat(a.header("Content-Type")).as(path).startsWith("application/json");
            }
            for (String path : List.of("/../nl/samenspraak/app/Main.class", "/js/../../nl/samenspraak/app/Main.class",
                    "/%2e%2e/nl/samenspraak/app/Main.class", "/..%2fnl/samenspraak/app/Main.class", "/js/..%2f..%2fdb/migration/",
                    "/js/..;/..;/nl/samenspraak/app/Main.class", "/%2e%2e/codebooks/", "//etc/passwd", "/nl/samenspraak/app/Main.class")) {
                RawHttp.Answer a = get(port, path, Map.of());
                assertThat(a.status()).as(path).isIn(400, 404);
                assertThat(a.body()).as(path).doesNotContain("CREATE TABLE").doesNotContain("\"dimensions\"");
            }
        }
    }

    private static RawHttp.Answer get(int port, String path, Map<String, String> headers) {
        return RawHttp.send("127.0.0.1", port, "GET", path, headers, null);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = StaticPagesTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
