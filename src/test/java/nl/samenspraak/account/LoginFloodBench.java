package nl.samenspraak.account;

import nl.samenspraak.app.Main;
import nl.samenspraak.db.Database;
import nl.samenspraak.db.Writes;
import nl.samenspraak.support.RawHttp;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The log-in flood of issue 11 against a real server process at {@code -Xmx256m}: 150 clients post
 * wrong passwords as fast as they are answered, each attempt from a new loopback address and for a
 * new name (the worst case: no throttle applies, only the bounded password checks), then from one
 * address for one name (the throttle answers), while a probe
 * asks {@code /api/health} every 100 ms, a logged-in coder saves a code every 20 ms, and a browser that
 * logged in as another user before logs in again every second (the known lane of {@link LoginGuard}). The same probes run
 * first without a flood ({@code none}), so that the figures under a flood can be told from the machine's own load.
 * Run: {@code mvn -B -Pbench test -Dtest=LoginFloodBench} ({@code -DloginFlood.seconds=60}, {@code -DloginFlood.nice=true}).
 */
@Tag("bench")
class LoginFloodBench {
    static final int CLIENTS = 150;
    static final String PASSWORD = "een lang wachtwoord";
    /**
     * The attacker runs on the server's own cores here, where a real one would not: it gets only what
     * the server leaves idle (Linux SCHED_IDLE, {@code chrt --idle 0}); {@code -DloginFlood.nice=true}
     * runs it under {@code nice -n 19} instead, which still takes a share of the CPU from the server.
     */
    static final List<String> ATTACKER_PRIORITY = Boolean.getBoolean("loginFlood.nice") ? List.of("nice", "-n", "19") : List.of("chrt", "--idle", "0");
    @TempDir Path dir;

    @Test
    void a_flood_of_wrong_passwords_at_256_mib() throws Exception {
        int seconds = Integer.getInteger("loginFlood.seconds", 30);
        Path db = dir.resolve("flood.db");
        Path transcript = Files.writeString(dir.resolve("gesprek.txt"), "KM: Een.\nKlant: Twee.\nKM: Drie.\nKlant: Vier.\n");
        assertThat(Main.run(List.of("import", "--db", db.toString(), "--project", "Vloed", "--codebook", "samen-beslissen",
                "--roles", "KM=professional,Klant=client", transcript.toString()), new PrintStream(new ByteArrayOutputStream()), System.err)).isZero();
        Jdbi jdbi = Database.open(db);
        AccountService accounts = new AccountService(jdbi, new Writes(jdbi));
        accounts.createUser("ans", PASSWORD, Role.ADMIN);
        accounts.createUser("bert", PASSWORD, Role.CODER);
        List<Long> units = jdbi.withHandle(h -> h.createQuery("SELECT id FROM utterances ORDER BY seq").mapTo(Long.class).list());

        int port;
        try (ServerSocket s = new ServerSocket(0)) { port = s.getLocalPort(); }
        Path log = dir.resolve("server.log");
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--port", String.valueOf(port), "--db", db.toString(), "--no-demo")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            String base = "http://localhost:" + port;
            HttpClient coder = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
            waitUntilUp(coder, base);
            assertThat(send(coder, base, "POST", "/api/login", "{\"name\":\"ans\",\"password\":\"" + PASSWORD + "\"}").statusCode()).isEqualTo(200);
            HttpClient known = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
            String bert = "{\"name\":\"bert\",\"password\":\"" + PASSWORD + "\"}";
            assertThat(send(known, base, "POST", "/api/login", bert).statusCode()).as("bert's browser logs in once before").isEqualTo(200);

            for (String mode : List.of("none", "spread", "one")) {
                Process attacker = mode.equals("none") ? null : new ProcessBuilder(ATTACKER_PRIORITY.get(0), ATTACKER_PRIORITY.get(1), ATTACKER_PRIORITY.get(2),
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"), LoginFlood.class.getName(), String.valueOf(port), String.valueOf(seconds),
                        String.valueOf(CLIENTS), mode).redirectErrorStream(true).start();
                List<Double> health = Collections.synchronizedList(new ArrayList<>());
                List<Double> saves = Collections.synchronizedList(new ArrayList<>());
                long end = System.nanoTime() + seconds * 1_000_000_000L;
                List<Double> logins = Collections.synchronizedList(new ArrayList<>());
                ExecutorService probes = Executors.newFixedThreadPool(3);
                probes.submit(() -> probe(end, 1000, logins, () -> send(known, base, "POST", "/api/login", bert)));
                probes.submit(() -> probe(end, 100, health, () -> send(coder, base, "GET", "/api/health", null)));
                AtomicInteger i = new AtomicInteger();
                probes.submit(() -> probe(end, 20, saves, () -> send(coder, base, "PUT", "/api/utterances/" + units.get(i.get() % units.size())
                        + "/codes/step", "{\"code\":\"" + (i.getAndIncrement() % 2 == 0 ? "team-talk" : "option-talk") + "\"}")));
                probes.shutdown();
                probes.awaitTermination(seconds + 120L, java.util.concurrent.TimeUnit.SECONDS);
                String flood = attacker == null ? "no flood (the same probes on the same machine, for comparison)"
                        : new String(attacker.getInputStream().readAllBytes()).strip();
                if (attacker != null) attacker.waitFor();
                System.out.printf("%n[LoginFloodBench %s] %d s, %d clients (%s), server at -Xmx256m, %d cores, load average %.1f%n", mode, seconds,
                        CLIENTS, String.join(" ", ATTACKER_PRIORITY), Runtime.getRuntime().availableProcessors(), java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                System.out.printf("  log-in answers: %s%n", flood);
                System.out.printf("  /api/health: %s%n", summary(health));
                System.out.printf("  coder's saves: %s%n", summary(saves));
                System.out.printf("  a known browser's log-ins: %s; refused: %d%n", summary(logins), logins.stream().filter(x -> x >= 60_000.0).count());
            }
            String serverLog = Files.readString(log);
            System.out.printf("  OutOfMemoryError in the server log: %d; server still running: %s%n",
                    serverLog.split("OutOfMemoryError", -1).length - 1, server.isAlive());
            assertThat(serverLog).doesNotContain("OutOfMemoryError");
            assertThat(server.isAlive()).isTrue();
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    interface Call { HttpResponse<String> run() throws Exception; }

    /** Calls every {@code everyMs} until {@code end}, recording each answer's time in ms (a failed call counts as 60 s). */
    static Void probe(long end, int everyMs, List<Double> times, Call call) throws InterruptedException {
        while (System.nanoTime() < end) {
            long t0 = System.nanoTime();
            try {
                int status = call.run().statusCode();
                times.add(status == 200 ? (System.nanoTime() - t0) / 1e6 : 60_000.0);
            } catch (Exception e) {
                times.add(60_000.0);
            }
            Thread.sleep(everyMs);
        }
        return null;
    }

    static String summary(List<Double> times) {
        List<Double> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        if (sorted.isEmpty()) return "no samples";
        return String.format("%d samples, p50 %.1f ms, p99 %.1f ms, max %.1f ms", sorted.size(), at(sorted, 0.50), at(sorted, 0.99), sorted.get(sorted.size() - 1));
    }

    static double at(List<Double> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }

    static HttpResponse<String> send(HttpClient client, String base, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(java.time.Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Origin", base);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void waitUntilUp(HttpClient client, String base) throws Exception {
        for (int attempt = 0; attempt < 300; attempt++) {
            try {
                if (client.send(HttpRequest.newBuilder(URI.create(base + "/api/health")).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200) return;
            } catch (java.io.IOException e) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("The server did not start");
    }
}
