package nl.samenspraak.report;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportHttpTest {
    @TempDir static Path dir;
    TestApp app;
    CodedProject p;

    @BeforeAll void start() {
        app = TestApp.start(dir);
        p = new CodedProject(app);
    }

    @AfterAll void stop() { app.close(); }

    @Test
    void a_transcript_report_has_one_session_per_coder_with_the_counts_of_the_plan() {
        Http.Response r = p.analyst.get("/api/transcripts/" + p.transcripts.get(1) + "/report");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode sessions = r.json().path("sessions");
        assertThat(sessions).extracting(s -> s.path("coder").asText()).containsExactly("anna", "bram", "cees");
        JsonNode anna = sessions.get(0);
        assertThat(anna.path("transcriptId").asLong()).isEqualTo(p.transcripts.get(1));
        JsonNode professional = anna.path("roles").get(0);
        assertThat(professional.path("role").asText()).isEqualTo("professional");
        long expected = 0;
        for (int i = 0; i < p.roles.get(1).size(); i++) {
            if (p.roles.get(1).get(i).equals("professional") && "team-talk".equals(CodedProject.code("anna", 1, i))) expected++;
        }
        JsonNode teamTalk = null;
        for (JsonNode f : professional.path("frequencies")) if (f.path("code").asText().equals("team-talk")) teamTalk = f;
        assertThat(teamTalk.path("count").asLong()).isEqualTo(expected);
        JsonNode option5 = anna.path("ratings").get(0);
        assertThat(option5.path("scale").asText()).isEqualTo("option-5");
        int sum = 0;
        for (int k = 0; k < p.optionItems.size(); k++) sum += CodedProject.rating("anna", 1, k);
        assertThat(option5.path("total").asDouble()).isEqualTo(sum);
        assertThat(option5.path("rescaled").asDouble()).isEqualTo(sum * 100.0 / 20);
        // cees rated nothing: his OPTION-5 total is missing, with the reason
        assertThat(sessions.get(2).path("ratings").get(0).path("total").isNull()).isTrue();
        assertThat(sessions.get(2).path("ratings").get(0).path("reason").asText()).contains("not rated");
    }

    @Test
    void the_project_report_covers_every_session_and_coder_and_takes_a_selection() {
        JsonNode all = p.analyst.get(p.url("/report")).json();
        assertThat(all.path("codebookKey").asText()).isEqualTo("samen-beslissen");
        assertThat(all.path("sessions")).hasSize(9);
        long bram = all.path("coders").get(1).path("id").asLong();
        JsonNode one = p.analyst.get(p.url("/report?coders=" + bram + "&transcripts=" + p.transcripts.get(2))).json();
        assertThat(one.path("sessions")).hasSize(1);
        assertThat(one.path("sessions").get(0).path("coder").asText()).isEqualTo("bram");
        assertThat(p.analyst.get("/api/transcripts/999999/report").status()).isEqualTo(404);
    }
}
