package nl.samenspraak.web;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspraak.account.Role;
import nl.samenspraak.support.Fixtures;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A project with the Samen Beslissen codebook, one coder, and a transcript: what each browser test starts from. */
record Study(long project, long transcript, String coder, Http coderHttp, JsonNode units) {
    private static final java.util.concurrent.atomic.AtomicInteger COUNTER = new java.util.concurrent.atomic.AtomicInteger();

    /** A fresh project and coder (unique names, so tests sharing one app do not meet). */
    static Study create(TestApp app, Http admin, String fileName, String text, String roles) {
        int n = COUNTER.incrementAndGet();
        return create(app, admin, "Studie " + n, "coder" + n, fileName, text, roles);
    }

    /** The same with the project's and the coder's names given (long real names, for the layout). */
    static Study create(TestApp app, Http admin, String projectName, String coder, String fileName, String text, String roles) {
        app.user(coder, Role.CODER);
        long project = Fixtures.project(admin, projectName);
        Fixtures.member(admin, project, coder, "coder");
        Http.Response r = admin.postFile("/api/projects/" + project + "/transcripts", fileName,
                text.getBytes(StandardCharsets.UTF_8), Map.of("roles", roles));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long transcript = r.json().path("transcripts").get(0).path("id").asLong();
        Http http = app.as(coder);
        return new Study(project, transcript, coder, http, http.get("/api/transcripts/" + transcript).json().path("utterances"));
    }

    static Study conversation(TestApp app, Http admin) {
        return create(app, admin, "gesprek.txt", Fixtures.CONVERSATION, "KM=professional,Klant=client");
    }

    String codePage() { return "code.html?t=" + transcript; }

    /** My codes on the server, as "utteranceId/dimension" -> code. */
    Map<String, String> serverCodes() {
        Map<String, String> out = new java.util.TreeMap<>();
        for (JsonNode c : coderHttp.get("/api/transcripts/" + transcript + "/codes").json()) {
            out.put(c.path("utteranceId").asLong() + "/" + c.path("dimension").asText(), c.path("code").asText());
        }
        return out;
    }

    long unitId(int index) { return units.get(index).path("id").asLong(); }
}
