package nl.samenspraak.app;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 3: the demo project a newcomer sees at once, with log-ins printed in demo mode only. */
class DemoModeTest {
    @TempDir Path dir;

    static String password(String startupOutput, String user) {
        Matcher m = Pattern.compile("(?m)^\\s+" + user + "\\s+\\(\\w+\\)\\s+password: (\\S+)$").matcher(startupOutput);
        assertThat(m.find()).as("password of " + user + " in:\n" + startupOutput).isTrue();
        return m.group(1);
    }

    @Test
    void demo_mode_loads_a_project_coded_by_two_coders_and_prints_their_passwords() {
        String first;
        try (TestApp app = TestApp.startDemo(dir)) {
            first = password(app.startupOutput, "anna");
            password(app.startupOutput, "bram");
            Http anna = app.anonymous();
            anna.login("anna", first);
            JsonNode projects = anna.get("/api/projects").json();
            assertThat(projects).hasSize(1);
            long project = projects.get(0).path("id").asLong();
            JsonNode transcripts = anna.get("/api/projects/" + project + "/transcripts").json();
            assertThat(transcripts).hasSize(1);
            long transcript = transcripts.get(0).path("id").asLong();
            assertThat(anna.get("/api/transcripts/" + transcript + "/codes").json()).hasSize(2 * transcripts.get(0).path("units").asInt());

            Http admin = app.anonymous();
            admin.login("demo-admin", password(app.startupOutput, "demo-admin"));
            JsonNode step = admin.get("/api/projects/" + project + "/reliability?bootstrap=0").json().path("dimensions").get(0);
            assertThat(step.path("result").path("coders").toString()).as("both demo coders coded it").contains("anna", "bram");
            assertThat(step.path("result").path("units").asInt()).isEqualTo(transcripts.get(0).path("units").asInt());
        }
        try (TestApp again = TestApp.startDemo(dir)) {
            String second = password(again.startupOutput, "anna");
            assertThat(second).isNotEqualTo(first);
            assertThat(again.anonymous().post("/api/login", Map.of("name", "anna", "password", first)).status())
                    .as("the passwords of an earlier start no longer work").isEqualTo(401);
            assertThat(again.count("SELECT COUNT(*) FROM projects")).as("the demo is loaded once").isEqualTo(1);
        }
    }

    @Test
    void without_demo_mode_nothing_is_loaded_and_no_password_is_printed() {
        try (TestApp app = TestApp.start(dir)) {
            assertThat(app.startupOutput).doesNotContain("password");
            assertThat(app.count("SELECT COUNT(*) FROM projects")).isZero();
            assertThat(app.count("SELECT COUNT(*) FROM codebooks")).as("the shipped codebooks are there all the same").isPositive();
        }
    }
}
