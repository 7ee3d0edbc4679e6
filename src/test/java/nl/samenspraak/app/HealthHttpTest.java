package nl.samenspraak.app;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspraak.account.Role;
import nl.samenspraak.support.Fixtures;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/health} says whether the server answers and how its write path is doing. */
class HealthHttpTest {
    @TempDir Path dir;

    @Test
    void health_reports_the_write_path_state_and_its_queue() {
        try (TestApp app = TestApp.start(dir)) {
            Http anonymous = app.anonymous();
            Http.Response r = anonymous.get("/api/health");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().path("status").asText()).isEqualTo("ok");
            assertThat(r.json().path("writes").path("queued").asInt()).isZero();

            Http admin = app.loggedIn("root", Role.ADMIN);
            long project = Fixtures.project(admin, "Gezond");
            long transcript = Fixtures.transcript(admin, project, "gesprek.txt");
            long unit = admin.get("/api/transcripts/" + transcript).json().path("utterances").get(0).path("id").asLong();
            String dimension = Fixtures.firstDimension(admin);
            assertThat(admin.put("/api/utterances/" + unit + "/codes/" + dimension,
                    Map.of("code", Fixtures.codeFor(admin, dimension, "professional", 0))).status()).isEqualTo(200);

            JsonNode writes = anonymous.get("/api/health").json().path("writes");
            assertThat(writes.path("state").asText()).isEqualTo("running");
            assertThat(writes.path("batches").asLong()).isPositive();
            assertThat(writes.path("failedBatches").asLong()).isZero();
        }
    }
}
