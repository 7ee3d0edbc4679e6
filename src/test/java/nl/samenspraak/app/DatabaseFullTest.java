package nl.samenspraak.app;

import nl.samenspraak.account.Role;
import nl.samenspraak.support.Fixtures;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;
import nl.samenspraak.support.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A full database where a tmpfs cannot be mounted ({@link DiskFullTest} needs the right to mount):
 * SQLite's {@code max_page_count} caps the file, given on the connection URL so that every pooled
 * connection has it, and SQLite answers SQLITE_FULL exactly as on a full disk. Coders save until the
 * file cannot grow: the refusal is a 507 that says so, and reading and a restart still work.
 */
class DatabaseFullTest {
    @TempDir Path dir;

    @Test
    void saves_into_a_database_that_cannot_grow_answer_507_and_reading_goes_on() {
        TestStores.assumeSqlite("the full database is SQLite's page limit on its file");
        try (TestApp app = TestApp.startAt(dir.resolve("vol.db?max_page_count=" + pages(dir)))) {
            Http admin = app.loggedIn("root", Role.ADMIN);
            long project = Fixtures.project(admin, "Vol");
            long transcript = Fixtures.transcript(admin, project, "gesprek.txt");
            String dim = Fixtures.firstDimension(admin);
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 4000; i++) text.append("KM: Uiting ").append(i).append(" met wat meer woorden erin.\n");
            Http.Response refused = null;
            for (int i = 0; i < 200 && refused == null; i++) {
                Http.Response r = admin.postFile("/api/projects/" + project + "/transcripts", "lang" + i + ".txt",
                        text.toString().getBytes(), Map.of("roles", "KM=professional"));
                if (r.status() != 201) refused = r;
            }
            assertThat(refused).as("the database filled up").isNotNull();
            assertThat(refused.status()).as(refused.body()).isEqualTo(507);
            assertThat(refused.error()).contains("disk is full");
            long unit = admin.get("/api/transcripts/" + transcript).json().path("utterances").get(0).path("id").asLong();
            Http.Response save = admin.put("/api/utterances/" + unit + "/codes/" + dim, Map.of("code", Fixtures.codeFor(admin, dim, "professional", 0)));
            assertThat(save.status()).as(save.body()).isIn(200, 507);
            assertThat(admin.get("/api/projects/" + project + "/transcripts").status()).isEqualTo(200);
            app.stopServer();
            app.restart();
            assertThat(admin.get("/api/me").status()).isEqualTo(200);
        }
    }

    /** The pages a freshly migrated database takes, plus room for the set-up: about 2 MiB more. */
    static int pages(Path dir) {
        try (TestApp probe = TestApp.start(dir.resolve("probe"))) {
            return (int) probe.count("PRAGMA page_count") + 500;
        }
    }
}
