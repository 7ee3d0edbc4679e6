package nl.samenspraak.transcript;

import nl.samenspraak.account.Access;
import nl.samenspraak.account.AccountService;
import nl.samenspraak.account.Role;
import nl.samenspraak.db.Writes;
import nl.samenspraak.http.ApiException;
import nl.samenspraak.support.Fixtures;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.LogCapture;
import nl.samenspraak.support.TestApp;
import nl.samenspraak.transcript.audio.FfmpegPeaks;
import nl.samenspraak.transcript.audio.PeakCache;
import nl.samenspraak.transcript.audio.Peaks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The waveform of a recording (issue 14) over HTTP, from real audio made by sox and ffmpeg: a 440 Hz tone at
 * half of full scale for one second, then two seconds of silence, so the peaks must be about ±64 in the
 * first 100 buckets and 0 after. Also: the peaks are computed in the background right after a recording is
 * stored (by either route), kept beside the recording and reused, a broken kept file is computed again, a
 * replaced recording gets new peaks, erasure removes them, concurrent first requests (and the background
 * work) compute once, and who may ask.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WaveformHttpTest {
    @TempDir static Path dir;
    @TempDir Path sounds;
    TestApp app;
    Http admin, anna, bram;
    long project, transcript;

    @BeforeAll void start() { app = TestApp.start(dir); }

    @BeforeEach void fresh() {
        Audio.requireSox();
        admin = app.loggedIn("root", Role.ADMIN);
        anna = app.loggedIn("anna", Role.CODER);
        bram = app.loggedIn("bram", Role.CODER);
        project = Fixtures.project(admin, app.unique("Golf"));
        Fixtures.member(admin, project, "anna", "coder");
        transcript = Fixtures.transcript(admin, project, "gesprek.txt");
    }

    @AfterAll void stop() { app.close(); }

    private String waveform() { return "/api/transcripts/" + transcript + "/waveform"; }

    private Path cache() { return PeakCache.fileFor(dir.resolve("media"), transcript); }

    private void upload(Path file) throws IOException {
        Http.Response up = admin.postFile("/api/transcripts/" + transcript + "/media", file.getFileName().toString(), Files.readAllBytes(file), Map.of());
        assertThat(up.status()).as(up.body()).isEqualTo(201);
    }

    private static Peaks parse(Http.Download d) throws IOException {
        assertThat(d.status()).as(d.text()).isEqualTo(200);
        assertThat(d.headers().firstValue("Content-Type").orElse("")).startsWith("application/octet-stream");
        return Peaks.read(new ByteArrayInputStream(d.body()), d.body().length).orElseThrow(() -> new AssertionError("not a waveform"));
    }

    /** Tone in buckets 0..99 (edges left out), silence from 100 (edges left out): {@code slack} allows for lossy coding. */
    private static void toneThenSilence(Peaks p, int edge, int low, int high, int silence) {
        assertThat(p.bucketMs()).isEqualTo(10);
        assertThat(p.durationMs()).isBetween(2990L, 3100L);
        assertThat(p.buckets()).isBetween(299, 310);
        for (int b = edge; b < 100 - edge; b++) {
            assertThat((int) p.max(b)).as("max of bucket %d", b).isBetween(low, high);
            assertThat((int) p.min(b)).as("min of bucket %d", b).isBetween(-high, -low);
        }
        for (int b = 100 + edge; b < p.buckets(); b++) {
            assertThat((int) p.max(b)).as("max of bucket %d", b).isBetween(-silence, silence);
            assertThat((int) p.min(b)).as("min of bucket %d", b).isBetween(-silence, silence);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"-r 16000 -c 1 -b 16", "-r 44100 -c 2 -b 24", "-r 8000 -c 1 -b 8 -e unsigned-integer",
            "-r 22050 -c 2 -b 32", "-r 48000 -c 1 -b 32 -e floating-point"})
    void a_wav_tone_then_silence_shows_in_the_buckets(String format) throws Exception {
        upload(Audio.tone(sounds.resolve("toon.wav"), format, 0.5, 1, 2));

        Peaks p = parse(anna.download(waveform()));

        toneThenSilence(p, 1, 60, 66, 1);
        assertThat(p.durationMs()).isEqualTo(3000);
        assertThat(p.buckets()).isEqualTo(300);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mp3", "ogg", "m4a", "webm", "mp4"})
    void mp3_ogg_opus_m4a_webm_and_mp4_are_decoded_by_ffmpeg(String type) throws Exception {
        Audio.requireFfmpeg();
        Path wav = Audio.tone(sounds.resolve("toon.wav"), "-r 48000 -c 1 -b 16", 0.5, 1, 2);
        upload(Audio.convert(wav, sounds.resolve("toon." + type), Map.of("mp3", "libmp3lame", "ogg", "libopus", "m4a", "aac", "webm", "libopus", "mp4", "aac").get(type), "96k"));

        Peaks p = parse(anna.download(waveform()));

        toneThenSilence(p, 6, 54, 74, 3);
    }

    /** Waits (a minute at most) until the background work has kept the peaks; no request asks for them. */
    private static void kept(Path cache) throws InterruptedException {
        for (int i = 0; i < 600 && !Files.isRegularFile(cache); i++) Thread.sleep(100);
        assertThat(cache).as("computed in the background, unasked").isRegularFile();
    }

    @Test
    void the_peaks_are_computed_in_the_background_after_the_upload_kept_beside_the_recording_and_reused() throws Exception {
        upload(Audio.tone(sounds.resolve("toon.wav"), "-r 16000 -c 1 -b 16", 0.5, 1, 2));
        kept(cache());
        byte[] keptBytes = Files.readAllBytes(cache());
        byte[] first = anna.download(waveform()).body();
        assertThat(Files.readAllBytes(cache())).isEqualTo(keptBytes);
        FileTime old = FileTime.from(Instant.parse("2001-01-01T00:00:00Z"));
        Files.setLastModifiedTime(cache(), old);

        Http.Download second = admin.download(waveform());

        assertThat(second.body()).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(cache())).as("not written again").isEqualTo(old);
        assertThat(first.length).isEqualTo(Peaks.HEADER_BYTES + 2 * 300);

        // A transcript made from a recording alone: its waveform too is made at once.
        Http.Response made = admin.postFile("/api/projects/" + project + "/recordings", "opname.wav",
                Files.readAllBytes(Audio.tone(sounds.resolve("opname.wav"), "-r 8000 -c 1 -b 16", 0.5, 1, 1)), Map.of());
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        kept(PeakCache.fileFor(dir.resolve("media"), made.json().path("transcript").path("id").asLong()));
    }

    @Test
    void a_broken_kept_file_is_computed_again() throws Exception {
        upload(Audio.tone(sounds.resolve("toon.wav"), "-r 16000 -c 1 -b 16", 0.5, 1, 2));
        byte[] right = anna.download(waveform()).body();
        byte[] kept = Files.readAllBytes(cache());
        FileTime old = FileTime.from(Instant.parse("2001-01-01T00:00:00Z"));

        byte[] flipped = kept.clone();
        flipped[kept.length - 10] ^= 0x55; // a changed peak: the checksum no longer fits
        byte[] cut = java.util.Arrays.copyOf(kept, kept.length - 7); // a file cut short
        for (byte[] broken : List.of(flipped, cut, "rubbish".getBytes(StandardCharsets.US_ASCII), new byte[0])) {
            Files.write(cache(), broken);
            Files.setLastModifiedTime(cache(), old);

            assertThat(anna.download(waveform()).body()).isEqualTo(right);
            assertThat(Files.readAllBytes(cache())).isEqualTo(kept);
            assertThat(Files.getLastModifiedTime(cache())).isNotEqualTo(old);
        }
    }

    @Test
    void a_replaced_recording_gets_its_own_peaks_and_erasure_removes_them() throws Exception {
        upload(Audio.tone(sounds.resolve("toon.wav"), "-r 16000 -c 1 -b 16", 0.5, 1, 2));
        assertThat((int) parse(anna.download(waveform())).max(50)).isBetween(60, 66);

        upload(Audio.tone(sounds.resolve("stil.wav"), "-r 16000 -c 1 -b 16", 0.0, 1, 1));
        Peaks after = parse(anna.download(waveform()));

        assertThat(after.durationMs()).isEqualTo(2000);
        assertThat((int) after.max(50)).isZero();
        Http.Response erased = admin.post("/api/transcripts/" + transcript + "/erasure", Map.of("reason", "Verzoek van de cliënt", "confirmName", "gesprek"));
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(cache()).doesNotExist();
        assertThat(admin.get(waveform()).status()).isEqualTo(404);
    }

    @Test
    void who_may_ask() throws Exception {
        Http.Response none = anna.get(waveform());
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.json().path("code").asText()).isEqualTo("media.none");
        assertThat(none.error()).contains("has no recording");

        upload(Audio.tone(sounds.resolve("toon.wav"), "-r 8000 -c 1 -b 16", 0.5, 1, 0));
        assertThat(anna.download(waveform()).status()).as("a coder of the project").isEqualTo(200);
        assertThat(admin.download(waveform()).status()).isEqualTo(200);
        assertThat(bram.get(waveform()).status()).as("an outsider").isEqualTo(404);
        assertThat(app.anonymous().get(waveform()).status()).isEqualTo(401);
        assertThat(anna.get("/api/transcripts/999999/waveform").status()).isEqualTo(404);
    }

    @Test
    void a_recording_that_does_not_decode_is_a_422_naming_why() throws IOException {
        Audio.requireFfmpeg();
        Http.Response up = admin.postFile("/api/transcripts/" + transcript + "/media", "kapot.wav", MediaHttpTest.wav(5000), Map.of());
        assertThat(up.status()).isEqualTo(201);
        Http.Response wav = anna.get(waveform());
        assertThat(wav.status()).as(wav.body()).isEqualTo(422);
        assertThat(wav.json().path("code").asText()).isEqualTo("waveform.undecodable");
        assertThat(wav.error()).contains("kapot.wav", "ends before its audio data");

        byte[] junk = new byte[20_000];
        new java.util.Random(7).nextBytes(junk);
        System.arraycopy("ID3".getBytes(StandardCharsets.US_ASCII), 0, junk, 0, 3);
        admin.postFile("/api/transcripts/" + transcript + "/media", "kapot.mp3", junk, Map.of());
        Http.Response mp3 = anna.get(waveform());
        assertThat(mp3.status()).as(mp3.body()).isEqualTo(422);
        assertThat(mp3.json().path("code").asText()).isEqualTo("waveform.undecodable");
        assertThat(mp3.error()).contains("kapot.mp3", "ffmpeg could not decode it").doesNotContain(dir.toString());
    }

    @Test
    @ResourceLock(Resources.SYSTEM_ERR)
    void concurrent_first_requests_compute_once() throws Exception {
        Path sound = Audio.tone(sounds.resolve("lang.wav"), "-r 44100 -c 2 -b 16", 0.5, 30, 30);
        List<Http> clients = List.of(anna, admin, app.as("anna"), app.as("root"), app.as("anna"), app.as("root"));
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        try (LogCapture log = LogCapture.start()) {
            // The upload starts the background computation; requests arriving meanwhile wait for that one.
            upload(sound);
            List<Future<Http.Download>> answers = clients.stream().map(c -> pool.submit(() -> c.download(waveform()))).toList();
            byte[] first = answers.get(0).get().body();
            for (Future<Http.Download> a : answers) {
                assertThat(a.get().status()).isEqualTo(200);
                assertThat(a.get().body()).isEqualTo(first);
            }
            Matcher computed = Pattern.compile("Waveform of transcript " + transcript + " computed").matcher(log.text());
            int times = 0;
            while (computed.find()) times++;
            assertThat(times).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The service itself, over the app's database: without ffmpeg WAV still works and MP3 is a 503; a decoder that overruns is stopped. */
    @Test
    void without_ffmpeg_wav_works_and_mp3_is_a_503_and_a_slow_decoder_is_stopped() throws Exception {
        Audio.requireFfmpeg();
        Writes writes = new Writes(app.jdbi);
        Access access = new Access(new AccountService(app.jdbi, writes), app.jdbi);
        MediaService media = new MediaService(app.jdbi, writes, access, MediaService.folderFor(app.database));
        WaveformService withoutFfmpeg = new WaveformService(media, Duration.ofMinutes(1), Optional::empty);
        var root = app.user("root", Role.ADMIN);
        // Stored through this service, not the routes: nothing is computed in the background.

        store(media, root, Audio.tone(sounds.resolve("toon.wav"), "-r 16000 -c 1 -b 16", 0.5, 1, 2));
        assertThat(withoutFfmpeg.peaks(root, transcript).durationMs()).isEqualTo(3000);

        Path wav = Audio.tone(sounds.resolve("lang.wav"), "-r 48000 -c 2 -b 16", 0.5, 60, 0);
        store(media, root, Audio.convert(wav, sounds.resolve("lang.mp3"), "libmp3lame", "128k"));
        assertThatThrownBy(() -> withoutFfmpeg.peaks(root, transcript)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.code()).isEqualTo("waveform.noDecoder");
            assertThat(e.getMessage()).contains(".mp3", "ffmpeg", "WAV");
        });

        byte[] keptBefore = Files.readAllBytes(cache()); // the WAV's, answered by no one now: the MP3 has another fingerprint
        WaveformService hurried = new WaveformService(media, Duration.ofMillis(1), FfmpegPeaks::find);
        assertThatThrownBy(() -> hurried.peaks(root, transcript)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.code()).isEqualTo("waveform.timeout");
        });
        assertThat(Files.readAllBytes(cache())).as("nothing written by the stopped run").isEqualTo(keptBefore);
        writes.close();
    }

    private void store(MediaService media, nl.samenspraak.account.User user, Path file) throws IOException {
        media.upload(user, transcript, Files.size(file), () -> new MediaService.Incoming(file.getFileName().toString(), Files.newInputStream(file), () -> { }));
    }
}
