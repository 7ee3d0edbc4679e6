package nl.samenspraak.app;

import nl.samenspraak.account.AccountService;
import nl.samenspraak.db.Database;
import nl.samenspraak.db.Writes;
import nl.samenspraak.support.TestStores;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code user add|passwd|deactivate|reactivate|list}: the users page's work for scripted set-ups. */
class UserCommandTest {
    @TempDir Path dir;

    record Run(int code, String out, String err) {}

    Run user(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of(args));
        all.add(1, "--db");
        all.add(2, db());
        int code = UserCommand.run(all, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    String db() { return TestStores.argument(TestStores.fresh(dir.resolve("users.db"))); }

    AccountService accounts() {
        Jdbi jdbi = Database.open(TestStores.fresh(dir.resolve("users.db")));
        return new AccountService(jdbi, new Writes(jdbi));
    }

    @Test
    void passwd_sets_a_new_password_from_stdin_and_ends_sessions() {
        assertThat(user("een lang wachtwoord\n", "add", "--name", "ans", "--role", "admin").code()).isZero();
        String token = accounts().login("ans", "een lang wachtwoord").orElseThrow().token();
        Run r = user("een nieuw lang wachtwoord\n", "passwd", "--name", "ANS");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("New password set for 'ans'");
        assertThat(accounts().login("ans", "een lang wachtwoord")).isEmpty();
        assertThat(accounts().login("ans", "een nieuw lang wachtwoord")).isPresent();
        assertThat(accounts().userForToken(token)).isEmpty();
    }

    @Test
    void generate_prints_a_password_once_that_logs_in() {
        Run r = user("", "add", "--name", "bram", "--role", "coder", "--generate");
        assertThat(r.code()).as(r.err()).isZero();
        String password = r.out().lines().filter(l -> l.startsWith("Password (shown once): ")).findFirst().orElseThrow().substring(23);
        assertThat(accounts().login("bram", password)).isPresent();
        Run again = user("", "passwd", "--name", "bram", "--generate");
        String second = again.out().lines().filter(l -> l.startsWith("Password (shown once): ")).findFirst().orElseThrow().substring(23);
        assertThat(second).isNotEqualTo(password);
        assertThat(accounts().login("bram", second)).isPresent();
    }

    @Test
    void a_weak_password_is_refused_with_exit_2_and_a_sentence() {
        Run r = user("1234567890\n", "add", "--name", "ans", "--role", "admin");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("common");
        assertThat(user("kort\n", "add", "--name", "ans", "--role", "admin").err()).contains("at least 10");
    }

    @Test
    void deactivate_and_reactivate_by_name_and_list_shows_the_state() {
        user("een lang wachtwoord\n", "add", "--name", "root", "--role", "admin");
        user("een lang wachtwoord\n", "add", "--name", "Ans de Vries", "--role", "coder");
        Run off = user("", "deactivate", "--name", "ans de vries");
        assertThat(off.code()).as(off.err()).isZero();
        assertThat(off.out()).contains("Deactivated 'Ans de Vries'");
        assertThat(user("", "list").out()).containsPattern("Ans de Vries\\s+coder\\s+deactivated since 20")
                .containsPattern("root\\s+admin\\s+active");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> accounts().login("Ans de Vries", "een lang wachtwoord"))
                .hasMessageContaining("deactivated");
        assertThat(user("", "reactivate", "--name", "Ans de Vries").out()).contains("Reactivated");
        assertThat(accounts().login("Ans de Vries", "een lang wachtwoord")).isPresent();
    }

    @Test
    void the_last_administrator_is_not_deactivated_and_unknown_names_and_databases_are_named() {
        user("een lang wachtwoord\n", "add", "--name", "root", "--role", "admin");
        Run last = user("", "deactivate", "--name", "root");
        assertThat(last.code()).isEqualTo(2);
        assertThat(last.err()).contains("last active system administrator");
        Run unknown = user("", "deactivate", "--name", "nobody");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("no user 'nobody'");
        CommandLineTest.Run noDb = CommandLineTest.run("user", "list", "--db", dir.resolve("missing.db").toString());
        assertThat(noDb.code()).isEqualTo(2);
        assertThat(noDb.err()).contains("no such database");
    }
}
