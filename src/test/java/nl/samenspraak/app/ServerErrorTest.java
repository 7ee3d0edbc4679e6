package nl.samenspraak.app;

import nl.samenspraak.account.Role;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.LogCapture;
import nl.samenspraak.support.TestApp;
import nl.samenspraak.support.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 500 path: a failure no request could cause (here the database loses a table under the running
 * app) is answered with the generic sentence in the one error shape ({@code {error, code: server.error, params,
 * details}}, docs/errors.md), and its cause goes to the log.
 */
class ServerErrorTest {
    @TempDir Path dir;

    @Test
    @ResourceLock(Resources.SYSTEM_ERR)
    void an_unexpected_exception_answers_the_generic_message_and_its_cause_is_logged() {
        try (TestApp app = TestApp.start(dir); LogCapture log = LogCapture.start()) {
            Http admin = app.loggedIn("root", Role.ADMIN);
            assertThat(admin.get("/api/projects").status()).isEqualTo(200);
            app.jdbi.useHandle(h -> h.execute("ALTER TABLE projects RENAME TO projects_weg"));

            Http.Response r = admin.get("/api/projects");

            assertThat(r.status()).isEqualTo(500);
            assertThat(r.error()).isEqualTo("Something went wrong on the server; the error has been logged.");
            assertThat(r.json().path("code").asText()).isEqualTo("server.error");
            assertThat(r.json().path("params").isObject() && r.json().path("params").isEmpty()).as(r.body()).isTrue();
            assertThat(r.json().path("details").isObject() && r.json().path("details").isEmpty()).as(r.body()).isTrue();
            assertThat(r.json().properties()).extracting(java.util.Map.Entry::getKey).as("the one error shape, nothing more")
                    .containsExactlyInAnyOrder("error", "code", "params", "details");
            assertThat(r.body()).as("nothing of the cause reaches the client").doesNotContain("no such table").doesNotContain("SQL");
            assertThat(log.text()).contains("Unhandled error on GET /api/projects").contains(TestStores.postgres() ? "relation \"projects\" does not exist" : "no such table: projects");
        }
    }
}
