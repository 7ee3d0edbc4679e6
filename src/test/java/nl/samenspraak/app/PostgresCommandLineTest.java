package nl.samenspraak.app;

import nl.samenspraak.db.Store;
import nl.samenspraak.support.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code --db postgresql://...}: the URL and where user and password come from, and a database that cannot be
 * opened (no server on the port, no such database, a malformed URL) as one line and exit code 2, never a stack trace.
 */
class PostgresCommandLineTest {
    @TempDir Path dir;

    record Run(int code, String out, String err) {}

    static Run run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8), e = new PrintStream(err, true, StandardCharsets.UTF_8);
        int code = args[0].equals("user") ? UserCommand.run(List.of(args).subList(1, args.length), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), o, e)
                : Main.run(List.of(args), o, e);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void user_and_password_come_from_the_url_or_else_the_environment() {
        Map<String, String> env = Map.of(Store.USER_ENV, "env-user", Store.PASSWORD_ENV, "env-secret");
        Store fromEnv = Store.parse("postgresql://db.example:6543/studie", env, null);
        assertThat(fromEnv.postgres()).isTrue();
        assertThat(fromEnv.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/studie");
        assertThat(fromEnv.user()).isEqualTo("env-user");
        assertThat(fromEnv.password()).isEqualTo("env-secret");
        assertThat(fromEnv.media()).isEqualTo(Store.DEFAULT_PG_MEDIA);

        Store fromUrl = Store.parse("postgresql://ans:p%40ss@db.example/studie", env, dir.resolve("media"));
        assertThat(fromUrl.user()).isEqualTo("ans");
        assertThat(fromUrl.password()).isEqualTo("p@ss");
        assertThat(fromUrl.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5432/studie");
        assertThat(fromUrl.describe()).as("never the password").isEqualTo("postgresql://db.example:5432/studie");
        assertThat(fromUrl.media()).isEqualTo(dir.resolve("media"));

        assertThat(Store.parse("data/samenspraak.db", env, null).postgres()).isFalse();
        assertThatThrownBy(() -> Store.parse("postgresql://ans:geheim@db.example", env, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("postgresql://HOST").hasMessageNotContaining("geheim");
    }

    @Test
    void no_server_on_the_port_is_one_line_and_exit_2() {
        String url = "postgresql://127.0.0.1:1/samenspraak";
        for (Run r : List.of(run("", "serve", "--port", "0", "--no-demo", "--db", url), run("", "user", "list", "--db", url))) {
            assertThat(r.code()).as(r.err()).isEqualTo(2);
            assertThat(r.err().strip()).startsWith("Cannot open the database").contains("127.0.0.1:1").doesNotContain("\tat ");
            assertThat(r.err().strip().lines().count()).isEqualTo(1);
        }
    }

    @Test
    void a_malformed_url_and_backups_of_a_postgres_database_are_exit_2() {
        Run r = run("", "serve", "--port", "0", "--db", "postgresql://127.0.0.1:5432");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("postgresql://HOST[:PORT]/DATABASE");
        Run backup = run("", "backup", "--db", "postgresql://127.0.0.1:5432/studie", "--to", dir.resolve("b.db").toString());
        assertThat(backup.code()).isEqualTo(2);
        assertThat(backup.err()).contains("pg_dump");
    }

    @Test
    void on_a_cluster_the_commands_work_on_the_url_and_an_unknown_database_is_exit_2() {
        assumeTrue(TestStores.postgres(), "needs -Dstore=postgresql (a running cluster)");
        Store store = TestStores.fresh(dir.resolve("cli.db"));
        try {
            String url = store.url().replace("postgresql://", "postgresql://" + store.user() + "@");
            Run add = run("a long secret phrase\n", "user", "add", "--db", url, "--name", "ans", "--role", "admin");
            assertThat(add.code()).as(add.err()).isZero();
            Run list = run("", "user", "list", "--db", url);
            assertThat(list.code()).as(list.err()).isZero();
            assertThat(list.out()).contains("ans").contains("admin");

            Run missing = run("", "user", "list", "--db", url.substring(0, url.lastIndexOf('/') + 1) + "no_such_database");
            assertThat(missing.code()).isEqualTo(2);
            assertThat(missing.err().strip()).startsWith("Cannot open the database").contains("no_such_database").doesNotContain("\tat ");
        } finally {
            TestStores.closed(store);
        }
    }
}
