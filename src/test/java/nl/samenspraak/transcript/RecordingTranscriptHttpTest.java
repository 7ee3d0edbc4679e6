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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A transcript made from a recording alone (issue 14), over HTTP, with real recordings made by sox and ffmpeg. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordingTranscriptHttpTest {
    @TempDir static Path dir;
    @TempDir static Path files;
    TestApp app;
    Http admin, anna, tom;
    long project;

    @BeforeAll void start() {
        TestRecordings.requireTools();
        app = TestApp.start(dir);
    }

    @BeforeEach void fresh() {
        admin = app.loggedIn("root", Role.ADMIN);
        anna = app.loggedIn("anna", Role.CODER);
        tom = app.loggedIn("tom", Role.CODER);
        project = Fixtures.project(admin, app.unique("Opnames"));
        Fixtures.member(admin, project, "anna", "coder");
        Fixtures.member(admin, project, "tom", "trainer");
    }

    @AfterAll void stop() { app.close(); }

    private String recordings() { return "/api/projects/" + project + "/recordings"; }

    @Test
    void a_recording_alone_makes_a_transcript_with_its_duration() throws Exception {
        byte[] mp3 = Files.readAllBytes(TestRecordings.convert(files, "gesprek 1.mp3", "-c:a", "libmp3lame", "-b:a", "64k"));
        Http.Response made = tom.postFile(recordings(), "gesprek 1.mp3", mp3, Map.of());
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long id = made.json().path("transcript").path("id").asLong();
        assertThat(made.json().path("transcript").path("name").asText()).isEqualTo("gesprek 1");
        assertThat(made.json().path("transcript").path("format").asText()).isEqualTo("recording");
        assertThat(made.json().path("transcript").path("units").asInt()).isZero();
        assertThat(made.json().path("recording").path("durationMs").asLong()).isCloseTo(3500, within(5L));
        assertThat(made.json().path("recording").path("sizeBytes").asLong()).isEqualTo(mp3.length);

        Http.Response info = admin.get("/api/transcripts/" + id + "/media/info");
        assertThat(info.json().path("durationMs").asLong()).isCloseTo(3500, within(5L));
        assertThat(admin.download("/api/transcripts/" + id + "/media").body()).isEqualTo(mp3);
        assertThat(admin.get("/api/transcripts/" + id + "/units").json().path("units").size()).isZero();
    }

    @Test
    void the_raw_body_with_its_name_works_too_for_every_format() throws Exception {
        for (String[] f : new String[][]{{"a.wav"}, {"b.flac", "-c:a", "flac"}, {"c.m4a", "-c:a", "aac"}, {"d.ogg", "-c:a", "libvorbis"},
                {"e.opus", "-c:a", "libopus"}, {"f.mp4", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest"},
                {"g.webm", "-c:v", "libvpx", "-c:a", "libopus", "-shortest"}}) {
            Path file = f[0].endsWith(".wav") ? Files.copy(TestRecordings.wav(files), files.resolve(f[0]), java.nio.file.StandardCopyOption.REPLACE_EXISTING)
                    : TestRecordings.convert(files, f[0], java.util.Arrays.copyOfRange(f, 1, f.length));
            Http.Response made = admin.postRaw(recordings() + "?fileName=" + f[0], "application/octet-stream", Files.readAllBytes(file));
            assertThat(made.status()).as(f[0] + ": " + made.body()).isEqualTo(201);
            assertThat(made.json().path("recording").path("durationMs").asLong()).as(f[0]).isCloseTo(3500, within(10L));
        }
    }

    @Test
    void refusals_name_the_problem() throws Exception {
        byte[] wav = Files.readAllBytes(TestRecordings.wav(files));
        Http.Response byCoder = anna.postFile(recordings(), "x.wav", wav, Map.of());
        assertThat(byCoder.status()).isEqualTo(403);
        assertThat(admin.postFile(recordings(), "twee.wav", wav, Map.of()).status()).isEqualTo(201);
        Http.Response twice = admin.postFile(recordings(), "twee.wav", wav, Map.of());
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().path("code").asText()).isEqualTo("transcript.nameTaken");
        assertThat(twice.error()).contains("twee.wav").contains("'twee'");

        byte[] noData = java.util.Arrays.copyOf(wav, 36);
        Http.Response unreadable = admin.postFile(recordings(), "kapot.wav", noData, Map.of());
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.json().path("code").asText()).isEqualTo("media.noDuration");
        assertThat(unreadable.error()).contains("kapot.wav").contains("no data chunk");
        assertThat(admin.get("/api/projects/" + project + "/transcripts").body()).doesNotContain("kapot");

        Http.Response text = admin.postFile(recordings(), "notes.txt", "hallo".getBytes(), Map.of());
        assertThat(text.status()).isEqualTo(400);
        assertThat(text.json().path("code").asText()).isEqualTo("media.unknownType");
        Http.Response noName = admin.postRaw(recordings(), "application/octet-stream", wav);
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.json().path("code").asText()).isEqualTo("upload.noFile");
    }
}
