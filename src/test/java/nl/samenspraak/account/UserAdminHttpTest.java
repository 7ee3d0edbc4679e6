package nl.samenspraak.account;

import nl.samenspraak.support.Fixtures;
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

/** A system administrator's users: create, reset, deactivate and reactivate; every user's own password. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserAdminHttpTest {
    @TempDir static Path dir;
    TestApp app;
    Http root;
    int n;

    @BeforeAll void start() {
        app = TestApp.start(dir);
        root = app.loggedIn("root", Role.ADMIN);
    }

    @AfterAll void stop() { app.close(); }

    private String fresh() { return "user" + (++n); }

    private long id(String name) { return app.count("SELECT id FROM users WHERE name = '" + name + "'"); }

    @Test
    void an_admin_creates_a_user_with_a_generated_password_shown_once_that_logs_in() {
        String name = fresh();
        Http.Response r = root.post("/api/users", Map.of("name", name, "role", "coder"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String password = r.json().path("generatedPassword").asText();
        assertThat(password).hasSize(19);
        assertThat(r.json().path("user").path("active").asBoolean()).isTrue();
        app.anonymous().login(name, password);
        assertThat(root.get("/api/users").body()).doesNotContain(password);
    }

    @Test
    void a_typed_first_password_is_used_and_no_password_is_echoed() {
        String name = fresh();
        Http.Response r = root.post("/api/users", Map.of("name", name, "role", "trainer", "password", "een lang wachtwoord"));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().has("generatedPassword")).isFalse();
        assertThat(r.body()).doesNotContain("een lang wachtwoord");
        app.anonymous().login(name, "een lang wachtwoord");
    }

    @Test
    void two_names_that_look_the_same_cannot_both_exist() {
        assertThat(root.post("/api/users", Map.of("name", "Marieke", "role", "coder")).status()).isEqualTo(201);
        for (String same : new String[]{"marieke", "ＭＡＲＩＥＫＥ", "Marie\u200Bke", " Marieke "}) {
            Http.Response r = root.post("/api/users", Map.of("name", same, "role", "coder"));
            assertThat(r.status()).as(same).isEqualTo(409);
            assertThat(r.error()).contains("already exists");
        }
        app.anonymous().login("MARIEKE", resetTo("Marieke"));
    }

    private String resetTo(String name) {
        return root.put("/api/users/" + id(name) + "/password", Map.of()).json().path("generatedPassword").asText();
    }

    @Test
    void a_reset_sets_a_new_password_and_ends_every_session_of_that_user() {
        String name = fresh();
        app.user(name, Role.CODER);
        Http session = app.as(name);
        Http.Response r = root.put("/api/users/" + id(name) + "/password", Map.of("password", "een ander lang wachtwoord"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(session.get("/api/me").status()).isEqualTo(401);
        app.anonymous().login(name, "een ander lang wachtwoord");
        assertThat(root.put("/api/users/" + id(name) + "/password", Map.of("password", "short")).status()).isEqualTo(400);
        assertThat(root.put("/api/users/" + id("root") + "/password", Map.of()).error()).contains("My account");
        assertThat(root.put("/api/users/99999/password", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void a_deactivated_user_cannot_log_in_loses_every_session_at_once_and_keeps_their_codes() {
        String name = fresh();
        app.user(name, Role.CODER);
        long project = Fixtures.project(root, "Deactivering " + name);
        Fixtures.member(root, project, name, "coder");
        long transcript = Fixtures.transcript(root, project, "gesprek.txt");
        Http coder = app.as(name);
        long unit = coder.get("/api/transcripts/" + transcript).json().path("utterances").get(0).path("id").asLong();
        String dimension = Fixtures.firstDimension(coder);
        String code = Fixtures.codeFor(coder, dimension, "professional", 0);
        assertThat(coder.put("/api/utterances/" + unit + "/codes/" + dimension, Map.of("code", code)).status()).isEqualTo(200);
        assertThat(coder.get("/api/me").status()).isEqualTo(200);

        Http.Response off = root.post("/api/users/" + id(name) + "/deactivate", Map.of());
        assertThat(off.status()).as(off.body()).isEqualTo(200);
        assertThat(off.json().path("active").asBoolean()).isFalse();
        assertThat(coder.get("/api/me").status()).as("the session remembered a moment ago ends too").isEqualTo(401);
        Http.Response login = app.anonymous().post("/api/login", Map.of("name", name, "password", TestApp.PASSWORD));
        assertThat(login.status()).isEqualTo(403);
        assertThat(login.error()).contains("deactivated");
        assertThat(app.count("SELECT count(*) FROM codes WHERE coder_id = " + id(name))).isEqualTo(1);
        assertThat(app.count("SELECT count(*) FROM login_sessions WHERE user_id = " + id(name))).isZero();

        assertThat(root.post("/api/users/" + id(name) + "/reactivate", Map.of()).json().path("active").asBoolean()).isTrue();
        assertThat(app.as(name).get("/api/transcripts/" + transcript + "/codes").body()).contains(code);
    }

    @Test
    void an_admin_cannot_deactivate_themselves_but_another_admin_can() {
        String a = fresh(), b = fresh();
        app.user(a, Role.ADMIN);
        app.user(b, Role.ADMIN);
        Http.Response self = app.as(a).post("/api/users/" + id(a) + "/deactivate", Map.of());
        assertThat(self.status()).isEqualTo(400);
        assertThat(self.error()).contains("yourself");
        assertThat(app.as(b).post("/api/users/" + id(a) + "/deactivate", Map.of()).status()).isEqualTo(200);
    }

    @Test
    void every_user_changes_their_own_password_with_the_current_one_and_other_sessions_end() {
        String name = fresh();
        app.user(name, Role.ANALYST);
        Http here = app.as(name), there = app.as(name);
        Http.Response wrong = here.put("/api/me/password", Map.of("current", "not my password", "password", "een nieuw lang wachtwoord"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.error()).contains("current");
        Http.Response common = here.put("/api/me/password", Map.of("current", TestApp.PASSWORD, "password", "qwertyuiop"));
        assertThat(common.status()).isEqualTo(400);
        assertThat(common.error()).contains("common");
        assertThat(here.put("/api/me/password", Map.of("current", TestApp.PASSWORD, "password", "een nieuw lang wachtwoord")).status()).isEqualTo(204);
        assertThat(here.get("/api/me").status()).isEqualTo(200);
        assertThat(there.get("/api/me").status()).isEqualTo(401);
        app.anonymous().login(name, "een nieuw lang wachtwoord");
    }

    @Test
    void the_users_list_shows_state_and_no_secrets_and_no_consensus_pseudo_users() {
        String name = fresh();
        app.user(name, Role.CODER);
        app.jdbi.useHandle(h -> h.execute("INSERT INTO users(name, password_hash, system_role, created_at) VALUES ('consensus:999', 'x', 'coder', '2026-01-01')"));
        long pseudo = id("consensus:999");
        app.jdbi.useHandle(h -> h.execute("INSERT INTO projects(name, codebook_key, created_at) VALUES ('Pseudo', 'samen-beslissen', '2026-01-01')"));
        app.jdbi.useHandle(h -> h.execute("INSERT INTO consensus_coders(project_id, user_id, created_at) SELECT id, " + pseudo + ", '2026-01-01' FROM projects WHERE name = 'Pseudo'"));
        Http.Response list = root.get("/api/users");
        assertThat(list.body()).contains(name).doesNotContain("consensus:999").doesNotContain("argon").doesNotContain("hash");
        assertThat(list.json().get(0).has("active")).isTrue();
        assertThat(root.post("/api/users/" + pseudo + "/deactivate", Map.of()).status()).isEqualTo(404);
    }
}
