package nl.samenspraak.transcript;

import nl.samenspraak.account.Role;
import nl.samenspraak.support.Fixtures;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Range requests on a recording follow RFC 9110 section 14: a satisfiable range answers 206 with
 * exactly its bytes, a suffix range the last N bytes, an unsatisfiable one 416 with
 * {@code Content-Range: bytes *}{@code /LENGTH}, and a malformed one is ignored (200, the whole file).
 * After every request, and after a client that hangs up mid-stream, no server thread is left working.
 */
class MediaRangeHttpTest {
    static final int SIZE = 300_000;
    static final int BIG = 16 * 1024 * 1024;
    @TempDir static Path dir;
    static TestApp app;
    static String cookie;
    static long small, big;
    static byte[] content;
    static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll static void start() {
        app = TestApp.start(dir);
        Http admin = app.loggedIn("root", Role.ADMIN);
        long project = Fixtures.project(admin, "Bereik");
        small = Fixtures.transcript(admin, project, "kort.txt");
        big = Fixtures.transcript(admin, project, "lang.txt");
        content = MediaHttpTest.wav(SIZE);
        assertThat(admin.postFile("/api/transcripts/" + small + "/media", "kort.wav", content, Map.of()).status()).isEqualTo(201);
        assertThat(admin.postRaw("/api/transcripts/" + big + "/media?fileName=lang.wav", "audio/wav", MediaHttpTest.wav(BIG)).status()).isEqualTo(201);
        cookie = app.sessionCookie("root");
    }

    @AfterAll static void stop() { app.close(); }

    static HttpResponse<byte[]> get(String range) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.baseUrl + "/api/transcripts/" + small + "/media"))
                .timeout(Duration.ofSeconds(10)).header("Cookie", cookie);
        if (range != null) b.header("Range", range);
        return client.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static byte[] slice(long from, long to) {
        return Arrays.copyOfRange(content, (int) from, (int) to + 1);
    }

    @Test
    void a_range_past_the_end_is_refused_with_416_and_the_length() throws Exception {
        HttpResponse<byte[]> r = get("bytes=999999999-");
        assertThat(r.statusCode()).isEqualTo(416);
        assertThat(r.headers().firstValue("Content-Range")).hasValue("bytes */" + SIZE);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("\"error\"").contains(String.valueOf(SIZE));
        assertThat(get("bytes=" + SIZE + "-" + (SIZE + 10)).statusCode()).as("first byte just past the end").isEqualTo(416);
        assertThat(get("bytes=-0").statusCode()).as("an empty suffix").isEqualTo(416);
        assertThat(get("bytes=99999999999999999999-").statusCode()).as("a position beyond any long").isEqualTo(416);
        assertNoThreadKeepsWorking();
    }

    @Test
    void a_suffix_range_answers_the_last_bytes() throws Exception {
        HttpResponse<byte[]> one = get("bytes=-1");
        assertThat(one.statusCode()).isEqualTo(206);
        assertThat(one.headers().firstValue("Content-Range")).hasValue("bytes " + (SIZE - 1) + "-" + (SIZE - 1) + "/" + SIZE);
        assertThat(one.body()).isEqualTo(slice(SIZE - 1, SIZE - 1));
        HttpResponse<byte[]> more = get("bytes=-500");
        assertThat(more.body()).isEqualTo(slice(SIZE - 500, SIZE - 1));
        HttpResponse<byte[]> longer = get("bytes=-999999999");
        assertThat(longer.statusCode()).isEqualTo(206);
        assertThat(longer.headers().firstValue("Content-Range")).hasValue("bytes 0-" + (SIZE - 1) + "/" + SIZE);
        assertThat(longer.body()).isEqualTo(content);
    }

    @Test
    void satisfiable_ranges_answer_exactly_their_bytes() throws Exception {
        HttpResponse<byte[]> open = get("bytes=1000-");
        assertThat(open.statusCode()).isEqualTo(206);
        assertThat(open.headers().firstValue("Content-Range")).hasValue("bytes 1000-" + (SIZE - 1) + "/" + SIZE);
        assertThat(open.headers().firstValue("Content-Length")).hasValue(String.valueOf(SIZE - 1000));
        assertThat(open.body()).isEqualTo(slice(1000, SIZE - 1));
        HttpResponse<byte[]> clipped = get("bytes=" + (SIZE - 10) + "-" + (SIZE + 5000));
        assertThat(clipped.statusCode()).isEqualTo(206);
        assertThat(clipped.body()).isEqualTo(slice(SIZE - 10, SIZE - 1));
        assertThat(get("bytes=0-0").body()).isEqualTo(slice(0, 0));
        HttpResponse<byte[]> whole = get(null);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        assertThat(whole.body()).isEqualTo(content);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes", "bytes=", "bytes=-", "bytes=abc-def", "bytes=12-x", "bytes=500-100", "items=0-10",
            "bytes=0-1,5-6", "bytes=--5", "bytes=1-2-3", " "})
    void a_malformed_range_is_ignored_and_the_whole_recording_sent(String range) throws Exception {
        HttpResponse<byte[]> r = get(range);
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8).substring(0, Math.min(200, r.body().length))).isEqualTo(200);
        assertThat(r.body()).isEqualTo(content);
        assertNoThreadKeepsWorking();
    }

    @Test
    void a_client_that_hangs_up_mid_stream_leaves_no_thread_working() throws Exception {
        for (String range : List.of("bytes=0-", "bytes=999999999-", "bytes=-" + BIG)) {
            try (Socket socket = new Socket("localhost", app.app.port())) {
                socket.setSoTimeout(10_000);
                String request = "GET /api/transcripts/" + big + "/media HTTP/1.1\r\nHost: localhost\r\nCookie: " + cookie
                        + "\r\nRange: " + range + "\r\n\r\n";
                socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                InputStream in = socket.getInputStream();
                try {
                    in.read(new byte[16 * 1024]); // the first bytes of the answer, then hang up with the rest unread
                } catch (SocketTimeoutException noAnswer) {
                    // hang up all the same
                }
            }
        }
        assertNoThreadKeepsWorking();
        assertThat(get("bytes=0-9").statusCode()).as("the server still answers").isEqualTo(206);
    }

    /**
     * No thread of the server is still busy with a recording: none is runnable in a frame of this
     * app or of Javalin's HTTP utilities (where the seekable writer spun). A spinning thread never
     * leaves, so the bounded wait fails; the message names the thread, its CPU time and its stack.
     */
    static void assertNoThreadKeepsWorking() throws InterruptedException {
        List<String> busy = List.of();
        for (int attempt = 0; attempt < 100; attempt++) {
            busy = busyThreads();
            if (busy.isEmpty()) return;
            Thread.sleep(100);
        }
        assertThat(busy).as("server threads still working on a recording after 10 s").isEmpty();
    }

    static List<String> busyThreads() {
        var mx = ManagementFactory.getThreadMXBean();
        List<String> out = new ArrayList<>();
        for (ThreadInfo info : mx.dumpAllThreads(false, false)) {
            if (info.getThreadId() == Thread.currentThread().getId() || info.getThreadState() != Thread.State.RUNNABLE) continue;
            boolean serving = Arrays.stream(info.getStackTrace()).anyMatch(f -> f.getClassName().startsWith("io.javalin.http.util.")
                    || f.getClassName().startsWith("nl.samenspraak.transcript.") || f.getClassName().startsWith("nl.samenspraak.http."));
            if (serving) {
                out.add(info.getThreadName() + " (CPU " + mx.getThreadCpuTime(info.getThreadId()) / 1_000_000 + " ms) "
                        + Arrays.toString(Arrays.copyOf(info.getStackTrace(), Math.min(8, info.getStackTrace().length))));
            }
        }
        return out;
    }
}
