package nl.samenspraak.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.samenspraak.account.AccountService;
import nl.samenspraak.account.Role;
import nl.samenspraak.app.Main;
import nl.samenspraak.db.Database;
import nl.samenspraak.db.Writes;
import nl.samenspraak.support.Http;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Every unit change survives a crash once acknowledged" (issue 14), as coding.CrashDurabilityTest holds it for
 * codes: a real server process takes unit changes (made, split, moved, merged, speaker changed, undone) from four
 * clients at once, each in its own recording, and is killed with SIGKILL in the middle of it. After a restart every
 * acknowledged change is in the change log under its opId, at most the one change each client had in flight is there
 * besides, and the change log's unit entries, replayed from nothing, give exactly the units the server shows.
 */
class UnitCrashDurabilityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CLIENTS = 4;
    private static final int KILL_AFTER = 200;
    private static final int RECORDING_SECONDS = 240;

    @TempDir Path dir;

    /** What one client had acknowledged: its changes (opId → change id) and the units of the last answer. */
    private static final class Client {
        final String name;
        long transcript;
        final Map<String, Long> acknowledged = new HashMap<>();
        JsonNode units;
        volatile boolean running = true;
        volatile Throwable failure;

        Client(String name) { this.name = name; }
    }

    @Test
    void every_acknowledged_unit_change_survives_a_kill_and_the_change_log_replays_to_the_units() throws Exception {
        Path db = dir.resolve("units-crash.db");
        Jdbi jdbi = Database.open(db);
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(new Client("coder" + i));
            new AccountService(jdbi, new Writes(jdbi)).createUser("coder" + i, "een lang wachtwoord", Role.ADMIN);
        }

        int port = freePort();
        Process server = serve(port, db, "server.log");
        AtomicInteger acknowledged = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        try {
            String base = "http://localhost:" + port;
            waitUntilUp(base);
            byte[] wav = silence(RECORDING_SECONDS);
            for (Client c : clients) {
                Http http = Http.to(base);
                assertThat(http.login(c.name, "een lang wachtwoord").status()).isEqualTo(200);
                Http.Response p = http.post("/api/projects", Map.of("name", "Crash " + c.name, "codebookKey", "rias-werk-inkomen"));
                assertThat(p.status()).as(p.body()).isEqualTo(201);
                Http.Response r = http.postFile("/api/projects/" + p.json().path("id").asLong() + "/recordings", c.name + ".wav", wav, Map.of());
                assertThat(r.status()).as(r.body()).isEqualTo(201);
                c.transcript = r.json().path("transcript").path("id").asLong();
                Thread th = new Thread(() -> work(http, c, acknowledged), "unit-client-" + c.name);
                threads.add(th);
            }
            threads.forEach(Thread::start);
            while (acknowledged.get() < KILL_AFTER) {
                for (Client c : clients) if (c.failure != null) throw new AssertionError(c.name + " failed before the kill", c.failure);
                Thread.sleep(5);
            }
            assertThat(clients).as("every client is still sending when the server is killed").allMatch(c -> c.running);
            server.destroyForcibly().waitFor();
        } finally {
            server.destroyForcibly().waitFor();
            for (Thread th : threads) th.join(60_000);
        }
        for (Client c : clients) {
            assertThat(c.failure).as("%s: only the connection may fail", c.name).isInstanceOf(UncheckedIOException.class);
        }

        // The server again, over the same file.
        Process again = serve(port, db, "server-again.log");
        try {
            String base = "http://localhost:" + port;
            waitUntilUp(base);
            Jdbi after = Database.open(db);
            for (Client c : clients) {
                List<Map<String, Object>> log = after.withHandle(h -> h.createQuery("SELECT id, op_id, field, before_value, after_value FROM change_log"
                        + " WHERE transcript_id = :t AND field LIKE 'unit.%' ORDER BY id").bind("t", c.transcript).mapToMap().list());
                Map<String, Long> logged = new HashMap<>();
                for (Map<String, Object> row : log) logged.put((String) row.get("op_id"), ((Number) row.get("id")).longValue());
                // Every acknowledged change is there, with the id it was answered with; at most the one in flight besides.
                assertThat(logged).as(c.name).containsAllEntriesOf(c.acknowledged);
                assertThat(log.size()).as("%s: changes logged against acknowledged", c.name).isBetween(c.acknowledged.size(), c.acknowledged.size() + 1);

                // The log's unit entries, replayed from nothing, give the units found.
                TreeMap<Long, JsonNode> replayed = new TreeMap<>();
                for (Map<String, Object> row : log) {
                    for (JsonNode b : JSON.readTree((String) row.get("before_value"))) {
                        assertThat(key(replayed.get(b.path("id").asLong()))).as("%s: change %s starts from the units as they were", c.name, row.get("id")).isEqualTo(key(b));
                        replayed.remove(b.path("id").asLong());
                    }
                    for (JsonNode a : JSON.readTree((String) row.get("after_value"))) replayed.put(a.path("id").asLong(), a);
                }
                Http http = Http.to(base);
                assertThat(http.login(c.name, "een lang wachtwoord").status()).isEqualTo(200);
                JsonNode found = http.get("/api/transcripts/" + c.transcript).json().path("utterances");
                List<String> foundKeys = new ArrayList<>();
                for (JsonNode u : found) foundKeys.add(key(u));
                List<String> replayedKeys = replayed.values().stream().sorted((x, y) -> Long.compare(x.path("startMs").asLong(), y.path("startMs").asLong()))
                        .map(UnitCrashDurabilityTest::key).toList();
                assertThat(foundKeys).as("%s: the units found are the change log replayed", c.name).isEqualTo(replayedKeys);
                if (log.size() == c.acknowledged.size()) {
                    List<String> answered = new ArrayList<>();
                    for (JsonNode u : c.units) answered.add(key(u));
                    assertThat(foundKeys).as("%s: the units found are those of the last answer", c.name).isEqualTo(answered);
                }
                assertThat(found.size()).as(c.name).isGreaterThan(3);
            }
        } finally {
            again.destroyForcibly().waitFor();
        }
    }

    /**
     * One client's load, until the connection fails: from an open unit at 0, each second of the recording is ended
     * (next), split in the middle, the first part's end moved 100 ms earlier, the parts merged again, the speaker
     * changed; every third second that speaker change is undone.
     */
    private static void work(Http http, Client c, AtomicInteger acknowledged) {
        try {
            String units = "/api/transcripts/" + c.transcript + "/units";
            change(http, c, acknowledged, "POST", units + "/next", Map.of("atMs", 0, "role", "professional"));
            for (int k = 1; k < RECORDING_SECONDS - 1; k++) {
                long t = k * 1000L;
                change(http, c, acknowledged, "POST", units + "/next", Map.of("atMs", t, "role", "professional"));
                long whole = idStarting(c, t - 1000);
                change(http, c, acknowledged, "POST", units + "/" + whole + "/split", Map.of("atMs", t - 500));
                change(http, c, acknowledged, "PUT", units + "/" + whole + "/end", Map.of("atMs", t - 600));
                change(http, c, acknowledged, "POST", units + "/" + whole + "/merge-next", Map.of());
                change(http, c, acknowledged, "PUT", units + "/" + whole + "/speaker", Map.of("role", k % 2 == 0 ? "professional" : "client"));
                if (k % 3 == 0) change(http, c, acknowledged, "POST", units + "/undo", Map.of());
            }
        } catch (Throwable e) {
            c.failure = e;
        } finally {
            c.running = false;
        }
    }

    private static void change(Http http, Client c, AtomicInteger acknowledged, String method, String path, Map<String, Object> body) {
        String opId = UUID.randomUUID().toString();
        Map<String, Object> withOp = new HashMap<>(body);
        withOp.put("opId", opId);
        Http.Response r = method.equals("PUT") ? http.put(path, withOp) : http.post(path, withOp);
        if (r.status() != 200 && r.status() != 201) throw new AssertionError(method + " " + path + " " + body + ": " + r.status() + " " + r.body());
        JsonNode answer = r.json();
        c.acknowledged.put(opId, answer.path("changeId").asLong());
        c.units = answer.path("units");
        acknowledged.incrementAndGet();
    }

    private static long idStarting(Client c, long startMs) {
        for (JsonNode u : c.units) if (u.path("startMs").asLong() == startMs) return u.path("id").asLong();
        throw new AssertionError("no unit starts at " + startMs + " in " + c.units);
    }

    /** A unit as the log and the API both give it: id, speaker, gist, times. */
    private static String key(JsonNode u) {
        if (u == null) return null;
        return u.path("id").asLong() + " " + u.path("speakerLabel").asText() + "/" + u.path("speakerRole").asText() + " '" + u.path("text").asText()
                + "' " + u.path("startMs").asLong() + "-" + (u.path("endMs").isNull() || u.path("endMs").isMissingNode() ? "open" : u.path("endMs").asLong());
    }

    /** A silent WAV of the given length (8 kHz, 16-bit, mono). */
    private static byte[] silence(int seconds) {
        int data = seconds * 8000 * 2;
        ByteBuffer b = ByteBuffer.allocate(44 + data).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + data).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(8000).putInt(16000).putShort((short) 2).putShort((short) 16).put("data".getBytes()).putInt(data);
        return b.array();
    }

    private Process serve(int port, Path db, String log) throws Exception {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--port", String.valueOf(port), "--db", db.toString(), "--no-demo")
                .redirectErrorStream(true).redirectOutput(dir.resolve(log).toFile()).start();
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) { return s.getLocalPort(); }
    }

    private static void waitUntilUp(String base) throws Exception {
        for (int attempt = 0; attempt < 300; attempt++) { // 300 × 200 ms: a minute for the child JVM to start
            try {
                if (Http.to(base).get("/api/health").status() == 200) return;
            } catch (UncheckedIOException e) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("The server did not start");
    }

}
