package nl.samenspraak.db;

import nl.samenspraak.account.Role;
import nl.samenspraak.support.Fixtures;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.Sql;
import nl.samenspraak.support.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseLifecycleTest {
    @TempDir Path dir;

    @Test
    void a_fresh_database_is_created_migrated_and_configured() {
        Path file = dir.resolve("nested/folder/fresh.db");
        var jdbi = Database.open(file);
        assertThat(Files.exists(file)).isTrue();
        assertThat(Sql.one(jdbi, "PRAGMA journal_mode", String.class)).isEqualTo("wal");
        assertThat(Sql.one(jdbi, "PRAGMA foreign_keys", Integer.class)).isEqualTo(1);
        assertThat(Sql.one(jdbi, "PRAGMA busy_timeout", Integer.class)).isEqualTo(Database.BUSY_TIMEOUT_MS);
        assertThat(Sql.one(jdbi, "SELECT COUNT(*) FROM schema_migrations", Integer.class))
                .isEqualTo(Migrations.index().size());
    }

    @Test
    void a_restart_on_an_existing_database_keeps_everything_and_applies_nothing_twice() {
        long transcript;
        try (TestApp first = TestApp.start(dir)) {
            Http admin = first.loggedIn("root", Role.ADMIN);
            long project = Fixtures.project(admin, "Blijvend");
            transcript = Fixtures.transcript(admin, project, "gesprek.txt");
        }
        try (TestApp second = TestApp.start(dir)) {
            Http admin = second.as("root");
            assertThat(admin.get("/api/transcripts/" + transcript).json().path("utterances")).hasSize(6);
            assertThat(second.count("SELECT COUNT(*) FROM schema_migrations")).isEqualTo(Migrations.index().size());
            assertThat(second.count("SELECT COUNT(*) FROM codebooks WHERE key = '" + Fixtures.CODEBOOK + "'")).isEqualTo(1);
        }
    }

    @Test
    void postgresql_connections_plan_without_parallel_workers() {
        org.junit.jupiter.api.Assumptions.assumeTrue(nl.samenspraak.support.TestStores.postgres(), "PostgreSQL only: a setting of its connections");
        try (TestApp app = TestApp.start(dir)) {
            String workers = app.jdbi.withHandle(h -> h.createQuery("SHOW max_parallel_workers_per_gather").mapTo(String.class).one());
            assertThat(workers).isEqualTo("0");
        }
    }

    @Test
    void foreign_keys_are_enforced() {
        var jdbi = Database.open(dir.resolve("fk.db"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute(
                "INSERT INTO utterances(transcript_id, seq, speaker_label, speaker_role, text) VALUES (999, 1, 'A', 'client', 'x')")))
                .hasMessageContaining("FOREIGN KEY");
    }
}
