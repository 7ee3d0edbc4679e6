package nl.samenspraak.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Small steps many HTTP tests share, each asserting that it worked. */
public final class Fixtures {
    private Fixtures() {}

    public static final String CODEBOOK = "samen-beslissen";

    public static final String CONVERSATION = """
            KM: Goedemorgen, hoe gaat het met u?
            Klant: Het gaat wel. Ik ben een beetje zenuwachtig.
            KM: U mag vandaag zelf meebeslissen over de volgende stap.
            Klant: Dat wist ik niet. Ik wil graag vrijwilligerswerk doen.
            KM: Er zijn meerdere routes: een opleiding, vrijwilligerswerk of direct solliciteren.
            Klant: Dan kies ik vrijwilligerswerk in de zorg.
            """;

    public static long project(Http admin, String name) {
        Http.Response r = admin.post("/api/projects", Map.of("name", name, "codebookKey", CODEBOOK));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    public static void member(Http admin, long projectId, String user, String role) {
        Http.Response r = admin.post("/api/projects/" + projectId + "/members", Map.of("userName", user, "role", role));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    /** Imports the short conversation as a .txt with KM as professional and Klant as client; returns the transcript id. */
    public static long transcript(Http admin, long projectId, String fileName) {
        Http.Response r = admin.postFile("/api/projects/" + projectId + "/transcripts", fileName,
                CONVERSATION.getBytes(StandardCharsets.UTF_8), Map.of("roles", "KM=professional,Klant=client"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("transcripts").get(0).path("id").asLong();
    }

    /** The first code of the dimension that applies to the role, read from the project's codebook. */
    /** The ids of a transcript's units, in order. */
    public static java.util.List<Long> unitIds(Http http, long transcript) {
        java.util.List<Long> ids = new java.util.ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode u : http.get("/api/transcripts/" + transcript).json().path("utterances")) ids.add(u.path("id").asLong());
        return ids;
    }

    /** Saves a code as {@code coder}; fails the test when it is refused. */
    public static void code(Http coder, long unit, String dimension, String code) {
        Http.Response r = coder.put("/api/utterances/" + unit + "/codes/" + dimension, java.util.Map.of("code", code));
        if (r.status() != 200) throw new AssertionError("code " + code + " on unit " + unit + ": " + r.status() + " " + r.body());
    }

    public static String codeFor(Http http, String dimension, String role, int index) {
        JsonNode dims = http.get("/api/codebooks/" + CODEBOOK).json().path("codebook").path("dimensions");
        for (JsonNode d : dims) {
            if (!d.path("key").asText().equals(dimension)) continue;
            int seen = 0;
            for (JsonNode c : d.path("codes")) {
                JsonNode roles = c.path("roles");
                boolean applies = roles.isEmpty() || roles.toString().contains("\"" + role + "\"");
                if (applies && seen++ == index) return c.path("key").asText();
            }
        }
        throw new AssertionError("No code #" + index + " for " + role + " in dimension " + dimension);
    }

    /** A dimension key of the codebook (the first). */
    public static String firstDimension(Http http) {
        return http.get("/api/codebooks/" + CODEBOOK).json().path("codebook").path("dimensions").get(0).path("key").asText();
    }

    /** A WAV-looking recording (RIFF....WAVE, then bytes numbered 0..255 over and over) of {@code size} bytes. */
    public static byte[] wav(int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) b[i] = (byte) i;
        System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, b, 0, 4);
        System.arraycopy("WAVEfmt ".getBytes(StandardCharsets.US_ASCII), 0, b, 8, 8);
        return b;
    }

    /** A real WAV of {@code seconds} of silence (16-bit mono PCM at 8 kHz), for routes that decode the recording. */
    public static byte[] silentWav(int seconds) {
        int data = seconds * 8000 * 2;
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(44 + data).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + data).put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII))
                .putInt(16).putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16000).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(data);
        return b.array();
    }
}
