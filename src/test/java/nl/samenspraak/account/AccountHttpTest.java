package nl.samenspraak.account;

import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Log-in, log-out and users over HTTP: one app for the class (the users a test makes are made once). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountHttpTest {
    @TempDir static Path dir;
    TestApp app;

    @BeforeAll void start() { app = TestApp.start(dir); }
    @AfterAll void stop() { app.close(); }

    @Test
    void login_sets_an_http_only_same_site_cookie_and_me_answers_who_i_am() {
        app.user("ans", Role.CODER);
        Http http = app.anonymous();
        Http.Response login = http.login("ans", TestApp.PASSWORD);
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("samenspraak_session=")).findFirst().orElseThrow(); // the device cookie comes too
        assertThat(cookie).contains("samenspraak_session=").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
        Http.Response me = http.get("/api/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("name").asText()).isEqualTo("ans");
        assertThat(me.body()).doesNotContain("password").doesNotContain("argon");
    }

    @Test
    void wrong_password_and_unknown_user_get_the_same_401() {
        app.user("ans", Role.CODER);
        Http.Response wrong = app.anonymous().post("/api/login", Map.of("name", "ans", "password", "not the password"));
        Http.Response unknown = app.anonymous().post("/api/login", Map.of("name", "nobody", "password", "not the password"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.error()).isEqualTo(unknown.error());
    }

    @Test
    void logout_ends_the_session() {
        Http http = app.loggedIn("ans", Role.CODER);
        assertThat(http.post("/api/logout", Map.of()).status()).isEqualTo(204);
        assertThat(http.get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void session_answers_200_logged_in_or_not_while_me_keeps_its_401_for_scripts() {
        Http anonymous = app.anonymous();
        Http.Response out = anonymous.get("/api/session");
        assertThat(out.status()).isEqualTo(200);
        assertThat(out.json().path("loggedIn").asBoolean()).isFalse();
        assertThat(out.json().path("user").isNull()).isTrue();
        assertThat(anonymous.get("/api/me").status()).isEqualTo(401);

        Http ans = app.loggedIn("ans", Role.CODER);
        Http.Response in = ans.get("/api/session");
        assertThat(in.status()).isEqualTo(200);
        assertThat(in.json().path("loggedIn").asBoolean()).isTrue();
        assertThat(in.json().path("user").path("name").asText()).isEqualTo("ans");
        assertThat(in.body()).doesNotContain("password").doesNotContain("argon");
        ans.post("/api/logout", Map.of());
        assertThat(ans.get("/api/session").json().path("loggedIn").asBoolean()).isFalse();
    }

    @Test
    void passwords_are_stored_as_argon2id_hashes() {
        app.user("ans", Role.CODER);
        String hash = app.jdbi.withHandle(h -> h.createQuery("SELECT password_hash FROM users WHERE name = 'ans'").mapTo(String.class).one());
        assertThat(hash).startsWith("$argon2id$").doesNotContain(TestApp.PASSWORD);
    }

    @Test
    void only_an_admin_creates_users_and_a_short_password_is_refused_by_field() {
        Http admin = app.loggedIn("root", Role.ADMIN);
        Http coder = app.loggedIn("ans", Role.CODER);
        Map<String, String> bram = Map.of("name", "bram", "password", "long enough pw", "role", "coder");
        assertThat(coder.post("/api/users", bram).status()).isEqualTo(403);
        assertThat(admin.post("/api/users", bram).status()).isEqualTo(201);
        assertThat(admin.post("/api/users", bram).status()).isEqualTo(409);
        Http.Response shortPw = admin.post("/api/users", Map.of("name", "cor", "password", "short", "role", "coder"));
        assertThat(shortPw.status()).isEqualTo(400);
        assertThat(shortPw.error()).contains("password").contains("10");
        Http.Response badRole = admin.post("/api/users", Map.of("name", "cor", "password", "long enough pw", "role", "boss"));
        assertThat(badRole.status()).isEqualTo(400);
        assertThat(badRole.error()).contains("role");
    }
}
