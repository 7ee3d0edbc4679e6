package nl.samenspraak.coding;

import nl.samenspraak.account.AccountService;
import nl.samenspraak.account.Role;
import nl.samenspraak.app.Main;
import nl.samenspraak.db.Database;
import nl.samenspraak.db.Writes;
import nl.samenspraak.support.Http;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two server processes on one database, 100 coders saving over both, one server killed with SIGKILL mid-load
 * (issue 13: "several servers on one database"). What rests on one process in a single server (one writer,
 * replayed opIds acknowledged once, the change log in order, an answer only after the commit) must then hold
 * by the database. Each coder saves as the coding screen does: every save carries an opId, and a save that got
 * no answer (its server died) is sent again with the same opId to the other server, as the screen's queue
 * replays it. Ten coders also save from a second tab on the other server, on the same units at the same time.
 * Afterwards, from the database: every acknowledged save is there, each opId is applied once, each code of a
 * one-tab coder is the last one they saved, and each cell's change log in id order is an unbroken chain (every
 * change's "before" is the "after" of the change before it) ending in the code stored.
 */
class TwoServersKillTest {
    static final int CODERS = 100;
    static final int SAVES_PER_CODER = 30;
    /** Coders who save from a second tab on the other server at the same time. */
    static final int TWO_TABS = 10;
    static final String[] CODES = {"co-decide", "motives", "pros-cons", "several-options"};

    @TempDir Path dir;

    private record Save(String opId, long unit, String code) {}

    @Test
    void every_acknowledged_save_survives_when_one_of_two_servers_is_killed_mid_load() throws Exception {
        Path db = dir.resolve("two.db");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 60; i++) text.append(i % 2 == 0 ? "KM: " : "Klant: ").append("Uiting ").append(i).append(".\n");
        Path transcript = Files.writeString(dir.resolve("gesprek.txt"), text);
        int imported = Main.run(List.of("import", "--db", db.toString(), "--project", "Twee servers", "--codebook", "samen-beslissen",
                "--roles", "KM=professional,Klant=client", transcript.toString()), new PrintStream(new ByteArrayOutputStream()), System.err);
        assertThat(imported).isZero();
        Jdbi jdbi = Database.open(db);
        AccountService accounts = new AccountService(jdbi, new Writes(jdbi));
        accounts.createUser("beheer", "een lang wachtwoord", Role.ADMIN);
        for (int c = 0; c < CODERS; c++) accounts.createUser(coder(c), "een lang wachtwoord", Role.CODER);
        long project = jdbi.withHandle(h -> h.createQuery("SELECT id FROM projects").mapTo(Long.class).one());
        List<Long> units = jdbi.withHandle(h -> h.createQuery("SELECT id FROM utterances ORDER BY seq").mapTo(Long.class).list());
        // The professional's units only: the "behaviour" dimension of samen-beslissen is coded on them.
        List<Long> professional = jdbi.withHandle(h -> h.createQuery("SELECT id FROM utterances WHERE speaker_role = 'professional' ORDER BY seq")
                .mapTo(Long.class).list());
        assertThat(professional).hasSize(units.size() / 2);

        Process a = serve(db, "a");
        Process b = serve(db, "b");
        try {
            String baseA = up(a, "a"), baseB = up(b, "b");
            Http admin = Http.to(baseA);
            admin.login("beheer", "een lang wachtwoord");
            for (int c = 0; c < CODERS; c++) {
                Http.Response r = admin.post("/api/projects/" + project + "/members", Map.of("userName", coder(c), "role", "coder"));
                assertThat(r.status()).as(r.body()).isEqualTo(201);
            }
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            // Half the coders start on each server; each logs in there (sessions are in the database, so a cookie from
            // one server is good on the other, as behind a proxy without sticky sessions).
            String[] cookies = new String[CODERS];
            for (int c = 0; c < CODERS; c++) cookies[c] = logIn(client, c % 2 == 0 ? baseA : baseB, coder(c));

            Map<String, Save> acknowledged = new ConcurrentHashMap<>();
            Map<String, String> replayed = new ConcurrentHashMap<>();
            AtomicInteger answered = new AtomicInteger();
            AtomicInteger resent = new AtomicInteger();
            CountDownLatch killed = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(CODERS + TWO_TABS);
            List<Future<List<Save>>> sent = new ArrayList<>();
            // Every coder saves from one tab; the first TWO_TABS coders also from a second tab on the other server, on the
            // same units at the same time, so that two servers change one cell at once.
            for (int tab = 0; tab < CODERS + TWO_TABS; tab++) {
                int coder = tab % CODERS;
                boolean second = tab >= CODERS;
                String prefix = second ? "t" : "c";
                sent.add(pool.submit(() -> {
                    List<Save> mine = new ArrayList<>();
                    String base = (coder % 2 == 0) != second ? baseA : baseB;
                    for (int i = 0; i < SAVES_PER_CODER; i++) {
                        Save s = new Save(prefix + coder + "-" + i, professional.get((coder * 7 + i * 3) % professional.size()),
                                CODES[(coder + i + (second ? 1 : 0)) % CODES.length]);
                        mine.add(s);
                        while (true) {
                            HttpResponse<String> r;
                            try {
                                r = client.send(HttpRequest.newBuilder(URI.create(base + "/api/utterances/" + s.unit() + "/codes/behaviour"))
                                        .timeout(Duration.ofSeconds(60)).header("Cookie", cookies[coder]).header("Content-Type", "application/json")
                                        .header("Origin", base).PUT(HttpRequest.BodyPublishers.ofString(
                                                "{\"code\":\"" + s.code() + "\",\"opId\":\"" + s.opId() + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
                            } catch (IOException unanswered) {
                                // The server died with this save in flight: it may or may not have been committed. The screen's
                                // queue sends it again, with the same opId, to the server still up.
                                base = baseB;
                                resent.incrementAndGet();
                                continue;
                            }
                            assertThat(r.statusCode()).as(s + ": " + r.body()).isEqualTo(200);
                            if (r.body().contains("\"replayed\":true")) replayed.put(s.opId(), r.body());
                            acknowledged.put(s.opId(), s);
                            // Server a is killed a third of the way through, while every coder is still saving.
                            if (answered.incrementAndGet() == (CODERS + TWO_TABS) * SAVES_PER_CODER / 3) killed.countDown();
                            break;
                        }
                    }
                    return mine;
                }));
            }
            killed.await();
            a.destroyForcibly().waitFor(); // SIGKILL
            List<Save> all = new ArrayList<>();
            for (Future<List<Save>> f : sent) all.addAll(f.get());
            pool.shutdown();
            assertThat(acknowledged).hasSize((CODERS + TWO_TABS) * SAVES_PER_CODER);
            assertThat(resent.get()).as("saves in flight on server a when it was killed, sent again to b").isPositive();

            // What the database holds, read with the surviving server still up.
            Jdbi after = Database.open(db);
            Map<String, Map<String, Object>> byOp = new HashMap<>();
            for (Map<String, Object> row : after.withHandle(h -> h.createQuery(
                    "SELECT op_id, utterance_id, coder_id, after_value FROM change_log WHERE entity = 'code' AND op_id IS NOT NULL").mapToMap().list())) {
                assertThat(byOp.put((String) row.get("op_id"), row)).as("opId " + row.get("op_id") + " applied once").isNull();
            }
            for (Save s : all) {
                Map<String, Object> row = byOp.get(s.opId());
                assertThat(row).as("acknowledged save " + s + " is in the change log").isNotNull();
                assertThat(row.get("after_value")).as(s.opId()).isEqualTo(s.code());
                assertThat(((Number) row.get("utterance_id")).longValue()).as(s.opId()).isEqualTo(s.unit());
            }
            assertThat(byOp).hasSize(all.size());

            // Each code is the last one its coder saved on that unit.
            Map<String, Long> coderIds = new HashMap<>();
            after.useHandle(h -> h.createQuery("SELECT id, name FROM users").mapToMap()
                    .forEach(r -> coderIds.put((String) r.get("name"), ((Number) r.get("id")).longValue())));
            // (A coder with two tabs has two last saves per unit: which is last, the database decided; the chain below holds it.)
            Map<String, String> expected = new HashMap<>();
            java.util.Set<String> twoTabs = new java.util.HashSet<>();
            for (Save s : all) {
                int coder = Integer.parseInt(s.opId().substring(1, s.opId().indexOf('-')));
                String cell = s.unit() + "/" + coderIds.get(coder(coder));
                if (coder < TWO_TABS) twoTabs.add(cell);
                else expected.put(cell, s.code());
            }
            Map<String, String> stored = new HashMap<>();
            after.useHandle(h -> h.createQuery("SELECT utterance_id, coder_id, code FROM codes WHERE dimension = 'behaviour'").mapToMap()
                    .forEach(r -> stored.put(r.get("utterance_id") + "/" + r.get("coder_id"), (String) r.get("code"))));
            Map<String, String> single = new HashMap<>(stored);
            single.keySet().removeAll(twoTabs);
            assertThat(single).isEqualTo(expected);
            assertThat(stored.keySet()).containsAll(twoTabs);

            // Each cell's change log, in id order, is one chain from nothing to the stored code.
            Map<String, String> last = new HashMap<>();
            after.useHandle(h -> h.createQuery("""
                            SELECT utterance_id, coder_id, before_value, after_value, op_id FROM change_log
                            WHERE entity = 'code' AND field = 'behaviour' ORDER BY id""").mapToMap()
                    .forEach(r -> {
                        String cell = r.get("utterance_id") + "/" + r.get("coder_id");
                        assertThat(r.get("before_value")).as("change " + r.get("op_id") + " of cell " + cell + " follows the one before it")
                                .isEqualTo(last.get(cell));
                        last.put(cell, (String) r.get("after_value"));
                    }));
            assertThat(last).isEqualTo(stored);
            System.out.printf("[TwoServersKillTest] %d saves acknowledged; %d were in flight on server a when it was killed and were sent "
                    + "again to b, %d of them answered as replays (a had committed them)%n", acknowledged.size(), resent.get(), replayed.size());
        } finally {
            a.destroyForcibly().waitFor();
            b.destroyForcibly().waitFor();
        }
    }

    private static String coder(int c) {
        return String.format("codeur%03d", c);
    }

    private final Map<String, Integer> ports = new HashMap<>();

    private Process serve(Path db, String name) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) { port = s.getLocalPort(); }
        ports.put(name, port);
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dsamenspraak.argon2=" + System.getProperty("samenspraak.argon2", "m=8,t=1"),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--port", String.valueOf(port), "--db", db.toString(), "--no-demo")
                .redirectErrorStream(true).redirectOutput(dir.resolve("server-" + name + ".log").toFile()).start();
    }

    private String up(Process server, String name) throws Exception {
        String base = "http://localhost:" + ports.get(name);
        HttpClient client = HttpClient.newHttpClient();
        for (int attempt = 0; attempt < 300; attempt++) { // 300 × 200 ms: a minute for a child JVM to start
            if (!server.isAlive()) break;
            try {
                if (client.send(HttpRequest.newBuilder(URI.create(base + "/api/health")).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return base;
                }
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("Server " + name + " did not start: " + Files.readString(dir.resolve("server-" + name + ".log")));
    }

    private static String logIn(HttpClient client, String base, String name) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/api/login")).header("Content-Type", "application/json")
                .header("Origin", base).POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"password\":\"een lang wachtwoord\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(name + ": " + r.body()).isEqualTo(200);
        return r.headers().allValues("Set-Cookie").stream().map(c -> c.substring(0, c.indexOf(';'))).reduce((x, y) -> x + "; " + y).orElseThrow();
    }
}
