package nl.samenspraak.app;

import nl.samenspraak.support.TestStores;
import io.javalin.Javalin;
import nl.samenspraak.account.AccountService;
import nl.samenspraak.account.Role;
import nl.samenspraak.db.Database;
import nl.samenspraak.db.Writes;
import nl.samenspraak.support.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11: the demo (with a system administrator whose password is printed) goes only into a new,
 * empty database, or one that is a demo already; never into a database of a real study, and the
 * server says at start what it did.
 */
class DemoSafetyTest {
    @TempDir Path dir;

    /** Starts and stops the server over the file as {@code serve} would in that demo mode; returns what it printed. */
    static String serve(Path db, AppConfig.Demo mode) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Database.Pooled pool = Database.openPooled(TestStores.fresh(db))) {
            Javalin app = App.create(new AppConfig(0, db, mode, false, AccountService.DEFAULT_IDLE, List.of(), null), pool.jdbi(), new PrintStream(out, true, StandardCharsets.UTF_8), () -> { });
            app.start().stop();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static long users(Path db, String name) {
        return Sql.count(Database.open(TestStores.fresh(db)), "SELECT COUNT(*) FROM users WHERE name = '" + name + "'");
    }

    @Test
    void a_new_database_gets_the_demo_by_default_and_keeps_it_at_the_next_start() {
        Path db = dir.resolve("nieuw.db");
        String first = serve(db, AppConfig.Demo.AUTO);
        assertThat(first).contains("Demo mode").contains("demo-admin");
        String again = serve(db, AppConfig.Demo.AUTO);
        assertThat(again).as("the README's command works again on the next start").contains("Demo mode");
        assertThat(DemoModeTest.password(again, "anna")).isNotEqualTo(DemoModeTest.password(first, "anna"));
    }

    @Test
    void a_database_with_users_of_its_own_gets_no_demo_and_the_server_says_so() {
        Path db = dir.resolve("studie.db");
        var jdbi = Database.open(TestStores.fresh(db));
        new AccountService(jdbi, new Writes(jdbi)).createUser("ans", "een lang wachtwoord", Role.ADMIN);
        String out = serve(db, AppConfig.Demo.AUTO);
        assertThat(out).doesNotContain("password").contains("No demo data");
        assertThat(users(db, "demo-admin")).isZero();
        assertThat(Sql.count(Database.open(TestStores.fresh(db)), "SELECT COUNT(*) FROM projects")).isZero();
    }

    @Test
    void an_explicit_demo_over_a_database_of_its_own_refuses_to_start() {
        Path db = dir.resolve("studie.db");
        var jdbi = Database.open(TestStores.fresh(db));
        new AccountService(jdbi, new Writes(jdbi)).createUser("ans", "een lang wachtwoord", Role.ADMIN);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(List.of("serve", "--port", "0", "--db", TestStores.argument(TestStores.fresh(db)), "--demo"), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("never loaded");
        assertThat(users(db, "demo-admin")).isZero();
    }

    @Test
    void a_demo_database_that_gained_a_user_of_its_own_is_left_alone() {
        Path db = dir.resolve("demo.db");
        String first = serve(db, AppConfig.Demo.AUTO);
        var jdbi = Database.open(TestStores.fresh(db));
        new AccountService(jdbi, new Writes(jdbi)).createUser("echte-onderzoeker", "een lang wachtwoord", Role.CODER);
        String again = serve(db, AppConfig.Demo.AUTO);
        assertThat(again).contains("No demo data").doesNotContain("password:");
        var accounts = new AccountService(jdbi, new Writes(jdbi));
        assertThat(accounts.login("demo-admin", DemoModeTest.password(first, "demo-admin"))).as("its password was not reset").isPresent();
    }

    @Test
    void without_demo_nothing_is_loaded_into_a_new_database_either() {
        Path db = dir.resolve("leeg.db");
        assertThat(serve(db, AppConfig.Demo.OFF)).doesNotContain("password");
        assertThat(users(db, "demo-admin")).isZero();
    }
}
