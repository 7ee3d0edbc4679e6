package nl.samenspraak.app;

import nl.samenspraak.account.Role;
import nl.samenspraak.support.Fixtures;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.RawHttp;
import nl.samenspraak.support.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Changes come from this server's own pages only: a state-changing request needs an Origin that is
 * the server's own (or Sec-Fetch-Site: same-origin) and a JSON body, except uploads, which may be
 * multipart or raw. Every refusal is a 403 in the one error shape, and the change is not made.
 */
class CrossOriginHttpTest {
    @TempDir static Path dir;
    static TestApp app;
    static String cookie, members, own;
    static long project;

    @BeforeAll static void start() {
        app = TestApp.start(dir);
        Http admin = app.loggedIn("root", Role.ADMIN);
        app.user("coder", Role.CODER);
        project = Fixtures.project(admin, "Herkomst");
        Fixtures.member(admin, project, "coder", "coder");
        cookie = app.sessionCookie("root");
        members = "/api/projects/" + project + "/members";
        own = "http://localhost:" + app.app.port();
    }

    @AfterAll static void stop() { app.close(); }

    static RawHttp.Answer post(String path, Map<String, String> extra, String body) {
        Map<String, String> headers = new LinkedHashMap<>(Map.of("Cookie", cookie));
        headers.putAll(extra);
        return RawHttp.send("127.0.0.1", app.app.port(), "POST", path, headers, body);
    }

    static void refused(RawHttp.Answer a, String why) {
        assertThat(a.status()).as(why + ": " + a.body()).isEqualTo(403);
        assertThat(a.body()).startsWith("{\"error\":").contains("\"details\"");
        assertThat(app.count("SELECT COUNT(*) FROM project_members WHERE role = 'admin' AND user_id = (SELECT id FROM users WHERE name = 'coder')"))
                .as(why + ": the role was not changed").isZero();
    }

    static final String MAKE_ADMIN = "{\"userName\":\"coder\",\"role\":\"admin\"}";

    @Test
    void a_change_from_another_origin_or_without_one_is_refused() {
        refused(post(members, Map.of("Content-Type", "application/json"), MAKE_ADMIN), "no Origin");
        refused(post(members, Map.of("Content-Type", "application/json", "Origin", "http://localhost:1"), MAKE_ADMIN), "another port");
        refused(post(members, Map.of("Content-Type", "application/json", "Origin", "http://evil.localhost:" + app.app.port()), MAKE_ADMIN), "a sub-domain");
        refused(post(members, Map.of("Content-Type", "application/json", "Origin", "null"), MAKE_ADMIN), "an opaque origin");
        refused(post(members, Map.of("Content-Type", "application/json", "Origin", own, "Sec-Fetch-Site", "same-site"), MAKE_ADMIN),
                "the browser says same-site");
        refused(post(members, Map.of("Content-Type", "application/json", "Sec-Fetch-Site", "cross-site"), MAKE_ADMIN), "cross-site");
    }

    @Test
    void a_change_that_is_not_json_is_refused_even_from_the_own_origin() {
        refused(post(members, Map.of("Content-Type", "text/plain", "Origin", own), MAKE_ADMIN), "text/plain");
        refused(post(members, Map.of("Content-Type", "application/x-www-form-urlencoded", "Origin", own), "userName=coder&role=admin"), "a form");
        refused(post(members, Map.of("Origin", own), MAKE_ADMIN), "no type");
    }

    @Test
    void the_own_origin_with_json_passes_and_so_does_sec_fetch_site_same_origin() {
        assertThat(post(members, Map.of("Content-Type", "application/json; charset=utf-8", "Origin", own),
                "{\"userName\":\"coder\",\"role\":\"coder\"}").status()).isEqualTo(201);
        assertThat(post(members, Map.of("Content-Type", "application/json", "Sec-Fetch-Site", "same-origin"),
                "{\"userName\":\"coder\",\"role\":\"coder\"}").status()).isEqualTo(201);
        assertThat(RawHttp.send("127.0.0.1", app.app.port(), "GET", members, Map.of("Cookie", cookie), null).status())
                .as("reading needs neither").isEqualTo(200);
    }

    @Test
    void uploads_keep_their_raw_and_multipart_bodies_but_need_the_own_origin() {
        String path = "/api/projects/" + project + "/transcripts?fileName=";
        assertThat(post(path + "rauw.txt", Map.of("Content-Type", "text/plain", "Origin", own), Fixtures.CONVERSATION).status()).isEqualTo(201);
        RawHttp.Answer foreign = post(path + "vreemd.txt", Map.of("Content-Type", "text/plain", "Origin", "http://localhost:1"), Fixtures.CONVERSATION);
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(app.count("SELECT COUNT(*) FROM transcripts WHERE name = 'vreemd'")).isZero();
        Http.Response multipart = app.as("root").postFile("/api/projects/" + project + "/transcripts", "deel.txt",
                Fixtures.CONVERSATION.getBytes(), Map.of());
        assertThat(multipart.status()).isEqualTo(201);
    }

    @Test
    void a_delete_needs_the_own_origin_but_no_body() {
        long t = Fixtures.transcript(app.as("root"), project, "weg.txt");
        RawHttp.Answer foreign = RawHttp.send("127.0.0.1", app.app.port(), "DELETE", "/api/transcripts/" + t,
                Map.of("Cookie", cookie, "Origin", "http://localhost:1"), null);
        assertThat(foreign.status()).isEqualTo(403);
        RawHttp.Answer mine = RawHttp.send("127.0.0.1", app.app.port(), "DELETE", "/api/transcripts/" + t, Map.of("Cookie", cookie, "Origin", own), null);
        assertThat(mine.status()).isEqualTo(204);
    }
}
