package nl.samenspraak.app;

import nl.samenspraak.account.Role;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The one error shape, for every kind of bad request: one app for the class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorShapeTest {
    @TempDir static Path dir;
    TestApp app;

    @BeforeAll void start() { app = TestApp.start(dir); }
    @AfterAll void stop() { app.close(); }

    @Test
    void malformed_json_is_a_400_in_the_one_error_shape() {
        Http admin = app.loggedIn("root", Role.ADMIN);
        Http.Response r = admin.post("/api/projects", "{\"name\": \"x\", ");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().has("error")).isTrue();
        assertThat(r.json().path("details").isObject()).isTrue();
    }

    @Test
    void a_json_array_where_an_object_belongs_is_a_400_not_a_500() {
        Http admin = app.loggedIn("root", Role.ADMIN);
        assertThat(admin.post("/api/projects", "[1,2]").status()).isEqualTo(400);
        assertThat(admin.post("/api/login", "null").status()).isEqualTo(400);
    }

    @Test
    void a_body_of_the_wrong_shape_is_answered_with_a_sentence_not_a_code() {
        Http admin = app.loggedIn("root", Role.ADMIN);
        Http.Response r = admin.post("/api/projects", "{\"name\": [1], \"codebookKey\": \"samen-beslissen\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).startsWith("The request body is not JSON of the expected shape").doesNotContain("DESERIALIZATION_FAILED");
    }

    @Test
    void a_body_is_read_as_utf_8_unless_it_names_another_charset() {
        Http admin = app.loggedIn("root", Role.ADMIN);
        String name = app.unique("Gespreksvoering één");
        String body = "{\"name\": \"" + name + "\", \"codebookKey\": \"samen-beslissen\"}";
        Http.Response utf8 = admin.postRaw("/api/projects", "application/json", body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(utf8.status()).isEqualTo(201);
        assertThat(utf8.json().path("name").asText()).isEqualTo(name);
        String other = app.unique("Gespreksvoering één");
        Http.Response latin1 = admin.postRaw("/api/projects", "application/json; charset=ISO-8859-1",
                body.replace(name, other).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThat(latin1.status()).isEqualTo(201);
        assertThat(latin1.json().path("name").asText()).isEqualTo(other);
    }

    @Test
    void an_empty_or_null_body_is_a_400_that_asks_for_an_object() {
        Http admin = app.loggedIn("root", Role.ADMIN);
        for (String body : new String[] {"", "null"}) {
            Http.Response r = admin.post("/api/projects", body);
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.json().path("code").asText()).as(body).startsWith("request.");
        }
    }

    @Test
    void a_json_body_over_the_request_limit_is_a_413_however_it_is_sent() throws Exception {
        app.loggedIn("root", Role.ADMIN);
        String cookie = app.sessionCookie("root");
        long limit = nl.samenspraak.http.Limits.MAX_REQUEST_BYTES;
        // With its length announced, and chunked; either way the server reads up to the limit and answers 413.
        for (boolean chunked : new boolean[] {false, true}) {
            try (java.net.Socket socket = new java.net.Socket("localhost", app.app.port())) {
                socket.setSoTimeout(60_000);
                String head = "POST /api/projects HTTP/1.1\r\nHost: localhost:" + app.app.port() + "\r\nOrigin: " + app.baseUrl
                        + "\r\nCookie: " + cookie + "\r\nContent-Type: application/json\r\n"
                        + (chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + (limit + 1)) + "\r\nConnection: close\r\n\r\n";
                var out = socket.getOutputStream();
                out.write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                byte[] chunk = new byte[1 << 20];
                java.util.Arrays.fill(chunk, (byte) ' ');
                byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                byte[] crlf = "\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                try {
                    for (long sent = 0; sent <= limit; sent += chunk.length) {
                        if (chunked) out.write(size);
                        out.write(chunk, 0, (int) Math.min(chunk.length, limit + 1 - sent));
                        if (chunked) out.write(crlf);
                    }
                    if (chunked) out.write("0\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                } catch (java.io.IOException closedEarly) {
                    // the server may answer and close before the rest is sent
                }
                String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(answer).as(chunked ? "chunked" : "announced").startsWith("HTTP/1.1 413");
            }
        }
    }

    @Test
    void a_broken_multipart_upload_is_a_400_not_a_500() {
        Http admin = app.loggedIn("root", Role.ADMIN);
        long project = nl.samenspraak.support.Fixtures.project(admin, app.unique("Kapot"));
        Http.Response r = admin.postRaw("/api/projects/" + project + "/transcripts", "multipart/form-data; boundary=zzz", "garbage".getBytes());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).contains("could not be read");
    }

    @Test
    void a_path_parameter_that_is_not_a_number_is_a_400() {
        Http admin = app.loggedIn("root", Role.ADMIN);
        Http.Response r = admin.get("/api/transcripts/abc");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).contains("transcriptId").contains("'abc'").doesNotContain("TYPE_CONVERSION_FAILED");
    }

    @Test
    void unknown_routes_answer_json_whatever_the_accept_header() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.baseUrl + "/api/nothing"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).startsWith("{").contains("\"error\"");
    }

    @Test
    void pages_carry_a_strict_content_security_policy() {
        app.user("root", Role.ADMIN); // without users every page leads to the one-time set-up page
        for (String path : new String[]{"/api/health", "/", "/code.html", "/reliability.html", "/js/api.js"}) {
            Http.Response r = app.anonymous().get(path);
            assertThat(r.status()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Security-Policy").orElse("")).as(path)
                    .contains("script-src 'self'").doesNotContain("unsafe-inline");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
        }
    }
}
