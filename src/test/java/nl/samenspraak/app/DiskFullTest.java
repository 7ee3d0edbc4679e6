package nl.samenspraak.app;

import nl.samenspraak.account.Role;
import nl.samenspraak.support.Fixtures;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.SmallDisk;
import nl.samenspraak.support.TestApp;
import nl.samenspraak.support.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, a full disk, for real: the database, its WAL and the recordings live on a small tmpfs
 * that is then filled to the last block. Saves, imports and uploads answer 507 with "the server's
 * disk is full" (not a 500) and leave nothing behind; existing sessions keep reading; a restart
 * works; once there is room again, saving works without a restart.
 */
class DiskFullTest {
    @TempDir Path dir;

    @Test
    void a_full_disk_refuses_writes_with_507_keeps_sessions_and_survives_a_restart() {
        TestStores.assumeSqlite("the small disk holds the SQLite file; a PostgreSQL database lies on its server's disk");
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), 16L * 1024 * 1024)) {
            try (TestApp app = TestApp.start(disk.path)) {
                Http admin = app.loggedIn("root", Role.ADMIN);
                app.user("anna", Role.CODER);
                long project = Fixtures.project(admin, "Vol");
                Fixtures.member(admin, project, "anna", "coder");
                long transcript = Fixtures.transcript(admin, project, "gesprek.txt");
                Http anna = app.as("anna");
                long unit = anna.get("/api/transcripts/" + transcript).json().path("utterances").get(0).path("id").asLong();
                String dim = Fixtures.firstDimension(admin);
                String code = Fixtures.codeFor(admin, dim, "professional", 0), other = Fixtures.codeFor(admin, dim, "professional", 1);
                assertThat(anna.put("/api/utterances/" + unit + "/codes/" + dim, Map.of("code", code)).status()).isEqualTo(200);
                // An empty WAL, so that the next write must grow a file.
                app.jdbi.useHandle(h -> h.createQuery("PRAGMA wal_checkpoint(TRUNCATE)").mapToMap().list());
                disk.fill();

                Http.Response save = anna.put("/api/utterances/" + unit + "/codes/" + dim, Map.of("code", other));
                assertThat(save.status()).as(save.body()).isEqualTo(507);
                assertThat(save.error()).contains("disk is full");
                assertThat(anna.get("/api/transcripts/" + transcript).status()).as("an existing session reads on").isEqualTo(200);
                assertThat(anna.get("/api/transcripts/" + transcript + "/codes").body()).contains(code).doesNotContain(other);
                Http.Response imported = admin.postFile("/api/projects/" + project + "/transcripts", "nieuw.txt",
                        Fixtures.CONVERSATION.getBytes(StandardCharsets.UTF_8), Map.of());
                assertThat(imported.status()).as(imported.body()).isEqualTo(507);
                assertThat(imported.error()).contains("disk is full");
                Http.Response recording = admin.postRaw("/api/transcripts/" + transcript + "/media?fileName=opname.wav", "audio/wav", Fixtures.wav(64 * 1024));
                assertThat(recording.status()).as(recording.body()).isEqualTo(507);
                assertThat(app.anonymous().post("/api/login", Map.of("name", "anna", "password", TestApp.PASSWORD)).status())
                        .as("a new session cannot be stored").isIn(200, 507);

                app.stopServer();
                app.restart();
                assertThat(app.anonymous().get("/api/health").status()).as("a restart over the full disk").isEqualTo(200);
                assertThat(anna.get("/api/me").status()).isEqualTo(200);

                disk.free();
                assertThat(anna.put("/api/utterances/" + unit + "/codes/" + dim, Map.of("code", other)).status()).as("room again").isEqualTo(200);
                assertThat(app.count("SELECT COUNT(*) FROM transcripts WHERE name = 'nieuw'")).isZero();
                assertThat(app.count("SELECT COUNT(*) FROM media")).isZero();
                assertThat(Files.exists(disk.path.resolve("media").resolve("incoming")) ? disk.path.resolve("media").resolve("incoming").toFile().list()
                        : new String[0]).as("no half-written recording").isEmpty();
            }
        }
    }
}
