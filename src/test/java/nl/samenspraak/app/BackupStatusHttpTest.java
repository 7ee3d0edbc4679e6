package nl.samenspraak.app;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspraak.account.Role;
import nl.samenspraak.support.Fixtures;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/backups: what the Backups page shows a system administrator of the rolling backups; others are refused. */
class BackupStatusHttpTest {
    @TempDir Path dir;

    @Test
    void without_a_backup_folder_the_status_says_off_and_only_a_system_administrator_may_read_it() {
        try (TestApp app = TestApp.start(dir)) {
            Http admin = app.loggedIn("root", Role.ADMIN);
            app.user("codeur", Role.CODER);
            Http.Response r = admin.get("/api/backups");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().path("on").asBoolean()).isFalse();
            assertThat(r.json().path("kept").size()).isZero();
            assertThat(app.as("codeur").get("/api/backups").status()).isEqualTo(403);
            assertThat(app.anonymous().get("/api/backups").status()).isEqualTo(401);
        }
    }

    @Test
    void with_a_backup_folder_it_shows_the_plan_the_last_backup_the_next_and_the_files_kept() throws Exception {
        Path folder = dir.resolve("backups");
        try (TestApp app = TestApp.start(dir.resolve("live"), c -> c.withBackups(new AppConfig.BackupPlan(folder, Duration.ofHours(1), 3)))) {
            Http admin = app.loggedIn("root", Role.ADMIN);
            JsonNode s = waitFor(admin, n -> !n.path("last").isNull() && !n.path("last").isMissingNode());
            assertThat(s.path("on").asBoolean()).isTrue();
            assertThat(s.path("folder").asText()).isEqualTo(folder.toAbsolutePath().toString());
            assertThat(s.path("every").asText()).isEqualTo("PT1H");
            assertThat(s.path("keep").asInt()).isEqualTo(3);
            assertThat(s.path("last").path("error").isNull()).isTrue();
            assertThat(s.path("last").path("file").asText()).matches("samenspraak-.*\\.db");
            assertThat(s.path("last").path("bytes").asLong()).isEqualTo(Files.size(folder.resolve(s.path("last").path("file").asText())));
            assertThat(Duration.between(Instant.now(), Instant.parse(s.path("nextAt").asText())))
                    .isBetween(Duration.ofMinutes(55), Duration.ofMinutes(61));
            assertThat(s.path("kept").size()).isEqualTo(1);
            assertThat(s.path("kept").get(0).path("file").asText()).isEqualTo(s.path("last").path("file").asText());
            assertThat(app.as(app.user("codeur", Role.CODER).name()).get("/api/backups").status()).isEqualTo(403);
        }
    }

    @Test
    void a_backup_that_fails_is_shown_with_its_reason() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("bestand"), "geen map");
        try (TestApp app = TestApp.start(dir.resolve("live"), c -> c.withBackups(new AppConfig.BackupPlan(notAFolder, Duration.ofHours(1), 3)))) {
            Http admin = app.loggedIn("root", Role.ADMIN);
            JsonNode s = waitFor(admin, n -> n.path("last").isObject());
            assertThat(s.path("last").path("error").asText()).contains("backup").contains("failed");
            assertThat(s.path("last").path("file").isNull()).isTrue();
            assertThat(s.path("kept").size()).isZero();
            Fixtures.project(admin, "Gaat door"); // the server serves on
        }
    }

    static JsonNode waitFor(Http admin, Predicate<JsonNode> done) throws InterruptedException {
        long end = System.nanoTime() + 30_000_000_000L;
        JsonNode s = admin.get("/api/backups").json();
        while (!done.test(s) && System.nanoTime() < end) {
            Thread.sleep(100);
            s = admin.get("/api/backups").json();
        }
        assertThat(done.test(s)).as("the status in time: " + s).isTrue();
        return s;
    }
}
