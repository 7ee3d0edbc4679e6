package nl.samenspraak.account;

import nl.samenspraak.support.TestStores;
import nl.samenspraak.db.Database;
import nl.samenspraak.db.Writes;
import nl.samenspraak.support.TestApp;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Sessions end after the idle time without a request, at their lifetime however busy, and when revoked. */
class AccountServiceTest {
    @TempDir Path dir;
    Database.Pooled db;
    Writes writes;
    AccountService accounts;
    Instant now = Instant.parse("2026-03-02T09:00:00Z");

    /** A clock the test moves by hand. */
    final Clock clock = new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    };

    @BeforeEach void open() {
        db = Database.openPooled(TestStores.fresh(dir.resolve("t.db")));
        Jdbi jdbi = db.jdbi();
        writes = new Writes(jdbi);
        accounts = new AccountService(jdbi, writes, Duration.ofHours(2), clock);
        accounts.createUser("ans", TestApp.PASSWORD, Role.CODER);
    }

    @AfterEach void close() {
        writes.close();
        db.close();
    }

    private String logIn() {
        return accounts.login("ans", TestApp.PASSWORD).orElseThrow().token();
    }

    @Test
    void a_session_unused_for_longer_than_the_idle_time_ends() {
        String token = logIn();
        now = now.plus(Duration.ofMinutes(119));
        assertThat(accounts.userForToken(token)).isPresent();
        now = now.plus(Duration.ofMinutes(119));
        assertThat(accounts.userForToken(token)).as("used 119 minutes ago").isPresent();
        now = now.plus(Duration.ofMinutes(121));
        assertThat(accounts.userForToken(token)).as("unused for 121 minutes").isEmpty();
    }

    @Test
    void a_busy_session_still_ends_at_its_lifetime() {
        String token = logIn();
        for (int minutes = 30; minutes < 12 * 60; minutes += 30) {
            now = now.plus(Duration.ofMinutes(30));
            assertThat(accounts.userForToken(token)).as("after %d minutes", minutes).isPresent();
        }
        now = now.plus(Duration.ofMinutes(30));
        assertThat(accounts.userForToken(token)).isEmpty();
    }

    @Test
    void deactivation_ends_a_session_the_cache_still_remembers() {
        String token = logIn();
        assertThat(accounts.userForToken(token)).isPresent();
        long id = accounts.findByName("ans").orElseThrow().id();
        accounts.createUser("root", TestApp.PASSWORD, Role.ADMIN);
        accounts.deactivate(id);
        assertThat(accounts.userForToken(token)).as("within the cache time").isEmpty();
    }

    @Test
    void a_password_change_ends_the_other_sessions_and_keeps_this_one() {
        String here = logIn(), elsewhere = logIn();
        assertThat(accounts.userForToken(elsewhere)).isPresent();
        User ans = accounts.userForToken(here).orElseThrow();
        accounts.changeOwnPassword(ans, here, TestApp.PASSWORD, "een nieuw lang wachtwoord");
        assertThat(accounts.userForToken(here)).isPresent();
        assertThat(accounts.userForToken(elsewhere)).isEmpty();
        assertThat(accounts.login("ans", TestApp.PASSWORD)).isEmpty();
        assertThat(accounts.login("ans", "een nieuw lang wachtwoord")).isPresent();
    }

    @Test
    void the_last_active_system_administrator_cannot_be_deactivated() {
        long root = accounts.createUser("root", TestApp.PASSWORD, Role.ADMIN).id();
        long other = accounts.createUser("beheer", TestApp.PASSWORD, Role.ADMIN).id();
        accounts.deactivate(other);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> accounts.deactivate(root))
                .hasMessageContaining("last active system administrator");
        accounts.reactivate(other);
        assertThat(accounts.deactivate(root).active()).isFalse();
    }
}
