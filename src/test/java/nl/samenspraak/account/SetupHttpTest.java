package nl.samenspraak.account;

import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The first start of a server without users: the set-up code printed at start makes the first administrator, once. */
public class SetupHttpTest {
    private static final Pattern CODE = Pattern.compile("set-up code \\(new at every start\\): ([A-Z0-9-]+)");
    @TempDir Path dir;
    TestApp app;

    @BeforeEach void start() { app = TestApp.start(dir); }
    @AfterEach void stop() { app.close(); }

    /** The set-up code a server printed at start. */
    public static String code(String startupOutput) {
        Matcher m = CODE.matcher(startupOutput);
        assertThat(m.find()).as(startupOutput).isTrue();
        return m.group(1);
    }

    private Map<String, String> setup(String code) {
        return Map.of("code", code, "name", "Ans de Vries", "password", "een lang wachtwoord");
    }

    /** A GET without following redirects. */
    private HttpResponse<String> page(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.baseUrl + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void an_empty_server_prints_a_set_up_code_and_every_page_leads_to_the_set_up_page() throws Exception {
        String code = code(app.startupOutput);
        assertThat(code).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
        for (String path : new String[]{"/", "/index.html", "/projects.html", "/code.html?t=1"}) {
            HttpResponse<String> r = page(path);
            assertThat(r.statusCode()).as(path).isEqualTo(302);
            assertThat(r.headers().firstValue("Location")).as(path).hasValue("/setup.html");
        }
        assertThat(page("/setup.html").statusCode()).isEqualTo(200);
        assertThat(page("/js/setup.js").statusCode()).isEqualTo(200);
        assertThat(app.anonymous().get("/api/setup").json().path("needed").asBoolean()).isTrue();
    }

    @Test
    void a_wrong_code_is_refused_and_makes_no_user() {
        Http stranger = app.anonymous();
        Http.Response r = stranger.post("/api/setup", setup("AAAA-BBBB-CCCC"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.error()).contains("set-up code").contains("console");
        assertThat(stranger.post("/api/setup", Map.of("name", "x", "password", "een lang wachtwoord")).status()).isEqualTo(403);
        assertThat(app.count("SELECT count(*) FROM users")).isZero();
    }

    @Test
    void the_right_code_makes_a_logged_in_system_administrator_and_then_the_set_up_is_gone() throws Exception {
        Http first = app.anonymous();
        String code = code(app.startupOutput).toLowerCase().replace("-", " ");
        Http.Response made = first.post("/api/setup", setup(code));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        Http.Response me = first.get("/api/me");
        assertThat(me.json().path("name").asText()).isEqualTo("Ans de Vries");
        assertThat(me.json().path("systemRole").asText()).isEqualTo("admin");

        Http.Response again = app.anonymous().post("/api/setup", setup(code(app.startupOutput)));
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.error()).contains("set-up is done");
        assertThat(app.anonymous().get("/api/setup").status()).isEqualTo(404);
        HttpResponse<String> setupPage = page("/setup.html");
        assertThat(setupPage.statusCode()).isEqualTo(404);
        assertThat(setupPage.body()).contains("set-up is done");
        assertThat(page("/index.html").statusCode()).isEqualTo(200);
        assertThat(app.count("SELECT count(*) FROM users")).isEqualTo(1);
    }

    @Test
    void the_set_up_refuses_a_weak_password_by_field_and_stays_open() {
        Http.Response r = app.anonymous().post("/api/setup", Map.of("code", code(app.startupOutput), "name", "ans", "password", "1234567890"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).contains("password").contains("common");
        assertThat(app.anonymous().get("/api/setup").status()).isEqualTo(200);
    }

    @Test
    void a_user_made_another_way_ends_the_set_up_and_the_code_is_not_printed_when_users_exist() throws Exception {
        app.user("ans", Role.ADMIN);
        assertThat(app.anonymous().post("/api/setup", setup(code(app.startupOutput))).status()).isEqualTo(404);
        assertThat(page("/setup.html").statusCode()).isEqualTo(404);
        assertThat(page("/").statusCode()).isEqualTo(200);
        app.stopServer();
        app.restart();
        assertThat(page("/setup.html").statusCode()).isEqualTo(404);
    }

    @Test
    void the_code_is_compared_whole() {
        FirstStart start = new FirstStart(new AccountService(app.jdbi, new nl.samenspraak.db.Writes(app.jdbi)));
        String code = start.code().orElseThrow();
        assertThat(start.matches(code)).isTrue();
        assertThat(start.matches(code.substring(0, 13))).isFalse();
        assertThat(start.matches(code + "A")).isFalse();
        assertThat(start.matches("")).isFalse();
        assertThat(start.matches(null)).isFalse();
    }
}
