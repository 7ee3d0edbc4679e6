package nl.samenspraak.transcript;

import nl.samenspraak.account.Role;
import nl.samenspraak.support.Fixtures;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Recordings over HTTP: one app, a fresh project and transcript per test. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MediaHttpTest {
    @TempDir static Path dir;
    TestApp app;
    Http admin, anna, bram;
    long project, transcript;

    @BeforeAll void start() { app = TestApp.start(dir); }

    @BeforeEach void fresh() {
        admin = app.loggedIn("root", Role.ADMIN);
        anna = app.loggedIn("anna", Role.CODER);
        bram = app.loggedIn("bram", Role.CODER);
        project = Fixtures.project(admin, app.unique("Arnhem"));
        Fixtures.member(admin, project, "anna", "coder");
        transcript = Fixtures.transcript(admin, project, "gesprek.txt");
    }

    @AfterAll void stop() { app.close(); }

    /** A WAV-looking file: RIFF....WAVE, then bytes numbered 0..255 over and over, so ranges are checkable. */
    static byte[] wav(int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) b[i] = (byte) i;
        System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, b, 0, 4);
        System.arraycopy("WAVEfmt ".getBytes(StandardCharsets.US_ASCII), 0, b, 8, 8);
        return b;
    }

    private String media() { return "/api/transcripts/" + transcript + "/media"; }

    @Test
    void uploaded_recording_is_served_with_range_requests() throws Exception {
        byte[] content = wav(300_000);
        Http.Response up = admin.postFile(media(), "gesprek.wav", content, Map.of());
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        assertThat(up.json().path("contentType").asText()).isEqualTo("audio/wav");
        assertThat(up.json().path("sizeBytes").asLong()).isEqualTo(content.length);
        assertThat(Files.exists(dir.resolve("media").resolve(transcript + ".wav"))).isTrue();
        assertThat(anna.get(media() + "/info").json().path("fileName").asText()).isEqualTo("gesprek.wav");

        HttpResponse<byte[]> part = rangeAs("anna", "bytes=1000-1999");

        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 1000-1999/" + content.length);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(content, 1000, 2000));
        assertThat(app.count("SELECT COUNT(*) FROM change_log WHERE field = 'media' AND transcript_id = " + transcript)).isEqualTo(1);
    }

    @Test
    void recording_sent_as_raw_body_replaces_the_earlier_one() {
        assertThat(admin.postFile(media(), "eerst.wav", wav(2000), Map.of()).status()).isEqualTo(201);
        byte[] ogg = wav(5000);
        System.arraycopy("OggS".getBytes(StandardCharsets.US_ASCII), 0, ogg, 0, 4);
        Http.Response up = admin.postRaw(media() + "?fileName=daarna.ogg", "audio/ogg", ogg);
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        assertThat(anna.get(media() + "/info").json().path("contentType").asText()).isEqualTo("audio/ogg");
        assertThat(Files.exists(dir.resolve("media").resolve(transcript + ".wav"))).isFalse();
        // Nothing of the upload is left behind (ffmpeg's log of the waveform being computed in the background may be there meanwhile).
        assertThat(dir.resolve("media").resolve("incoming").toFile().list((d, name) -> !name.startsWith("ffmpeg-"))).isEmpty();
    }

    @Test
    void recording_is_hidden_from_non_members() {
        assertThat(admin.postFile(media(), "gesprek.wav", wav(2000), Map.of()).status()).isEqualTo(201);
        assertThat(bram.get(media()).status()).isEqualTo(404);
        assertThat(bram.get(media() + "/info").status()).isEqualTo(404);
        assertThat(app.anonymous().get(media()).status()).isEqualTo(401);
    }

    @Test
    void wrong_file_types_are_refused_and_leave_nothing_behind() {
        Http.Response pdf = admin.postFile(media(), "gesprek.pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII), Map.of());
        assertThat(pdf.status()).isEqualTo(400);
        assertThat(pdf.error()).contains(".mp3").contains(".wav");
        Http.Response disguised = admin.postFile(media(), "gesprek.mp3", "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(disguised.status()).isEqualTo(400);
        assertThat(disguised.error()).contains("first bytes");
        assertThat(app.count("SELECT COUNT(*) FROM media WHERE transcript_id = " + transcript)).isZero();
        assertThat(dir.resolve("media").resolve("incoming").toFile().list()).isEmpty();
        assertThat(anna.get(media() + "/info").status()).isEqualTo(404);
    }

    @Test
    void coders_may_not_upload_recordings() {
        assertThat(anna.postFile(media(), "gesprek.wav", wav(2000), Map.of()).status()).isEqualTo(403);
    }

    @Test
    void recordings_larger_than_the_transcript_limit_are_accepted() {
        byte[] big = wav(25 * 1024 * 1024);
        Http.Response raw = admin.postRaw(media() + "?fileName=lang.wav", "audio/wav", big);
        assertThat(raw.status()).as(raw.body()).isEqualTo(201);
        Http.Response multipart = admin.postFile(media(), "lang.wav", big, Map.of());
        assertThat(multipart.status()).as(multipart.body()).isEqualTo(201);
        assertThat(multipart.json().path("sizeBytes").asLong()).isEqualTo(big.length);
    }

    @Test
    void recordings_over_the_limit_are_refused_before_they_are_read() throws Exception {
        String cookie = app.sessionCookie("root");
        try (java.net.Socket socket = new java.net.Socket("localhost", app.app.port())) {
            socket.setSoTimeout(10_000);
            String request = "POST " + media() + "?fileName=lang.wav HTTP/1.1\r\nHost: localhost\r\nOrigin: http://localhost\r\nCookie: " + cookie
                    + "\r\nContent-Type: audio/wav\r\nContent-Length: " + (MediaService.MAX_MEDIA_BYTES + 1024 * 1024)
                    + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 413");
            assertThat(answer).contains((MediaService.MAX_MEDIA_BYTES / (1024 * 1024)) + " MiB");
        }
        assertThat(app.count("SELECT COUNT(*) FROM media WHERE transcript_id = " + transcript)).isZero();
    }

    private HttpResponse<byte[]> rangeAs(String user, String range) throws Exception {
        String cookie = app.sessionCookie(user);
        HttpRequest request = HttpRequest.newBuilder(URI.create(app.baseUrl + media()))
                .header("Cookie", cookie).header("Range", range).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
}
