package nl.samenspraak.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspraak.account.AccountService;
import nl.samenspraak.account.Role;
import nl.samenspraak.app.Main;
import nl.samenspraak.db.Database;
import nl.samenspraak.db.Writes;
import nl.samenspraak.support.Fixtures;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 20 MiB transcript previewed and imported by a server in its own JVM at -Xmx256m, while 20
 * coders keep saving codes; and the 9 MB "legal" file of 1.2 million short turns, refused with a
 * 413. Reports the preview and import times, the coders' save latency before and during the
 * import, the server's largest heap after a collection, and that it never ran out of memory.
 * Run: {@code mvn -B -Pbench test -Dtest=ImportBenchmark}.
 */
@Tag("bench")
class ImportBenchmark {
    static final int CODERS = 20;
    /** Between two saves of one coder: 20 coders save about 400 times a second in all. */
    static final int THINK_MS = 50;

    @TempDir Path dir;

    @Test
    void a_20_mib_transcript_is_previewed_and_imported_at_256_mib_while_20_coders_save() throws Exception {
        Path db = dir.resolve("bench.db");
        new AccountService(Database.open(db), new Writes(Database.open(db))).createUser("root", TestApp.PASSWORD, Role.ADMIN);
        String triggers = nl.samenspraak.support.BenchTriggers.apply(Database.open(db));
        byte[] big = BenchTranscripts.dutch(20 * 1024 * 1024 - 4096);
        byte[] legal = BenchTranscripts.shortTurns(1_200_000);
        int port;
        try (ServerSocket s = new ServerSocket(0)) { port = s.getLocalPort(); }
        Path log = dir.resolve("server.log"), gc = dir.resolve("gc.log");
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-Xlog:gc:file=" + gc, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--port", String.valueOf(port), "--db", db.toString(), "--no-demo")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        report("machine: %d cores, %s %s, Java %s; load average (1 min) at the start: %.1f", os.getAvailableProcessors(), os.getName(),
                os.getArch(), System.getProperty("java.version"), os.getSystemLoadAverage());
        report("%s", triggers);
        try {
            Http admin = waitFor(Http.to("http://localhost:" + port));
            long project = Fixtures.project(admin, "Bench");
            List<Coder> coders = coders(admin, port, project);
            report("preview (20 MiB, %d bytes)", big.length);
            for (int i = 0; i < 3; i++) {
                long t0 = System.nanoTime(), cpu0 = cpuMillis(server);
                Http.Response r = admin.postFile("/api/projects/" + project + "/transcripts/preview", "groot.txt", big, Map.of());
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                report("  preview %d: %.2f s, %d units; server CPU %d ms", i + 1, (System.nanoTime() - t0) / 1e9,
                        r.json().path("transcripts").get(0).path("unitCount").asInt(), cpuMillis(server) - cpu0);
            }
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> threads = new ArrayList<>();
            for (Coder c : coders) {
                Thread t = new Thread(() -> c.saveUntil(running), "coder");
                t.start();
                threads.add(t);
            }
            Thread.sleep(5_000);
            long importStart = System.nanoTime(), importCpu = cpuMillis(server);
            Http.Response imported = admin.postFile("/api/projects/" + project + "/transcripts", "groot.txt", big,
                    Map.of("roles", "KM=professional,Klant=client,Tolk=other"));
            long importEnd = System.nanoTime(), importCpuEnd = cpuMillis(server);
            Thread.sleep(1_000);
            running.set(false);
            for (Thread t : threads) t.join();
            assertThat(imported.status()).as(imported.body()).isEqualTo(201);
            report("import: %.2f s, %d units; server CPU %d ms (the coders' saves included)", (importEnd - importStart) / 1e9,
                    imported.json().path("transcripts").get(0).path("utterances").asInt(), importCpuEnd - importCpu);
            report("saves before the import: %s", Coder.stats(coders, 0, importStart));
            report("saves during the import: %s", Coder.stats(coders, importStart, importEnd));
            assertThat(coders.stream().mapToLong(c -> c.errors).sum()).as("failed saves").isZero();
            long t0 = System.nanoTime();
            Http.Response refused = admin.postFile("/api/projects/" + project + "/transcripts", "wet.txt", legal, Map.of());
            report("legal file (%d bytes, 1,200,000 turns): %d in %.2f s: %s", legal.length, refused.status(),
                    (System.nanoTime() - t0) / 1e9, refused.error());
            assertThat(refused.status()).isEqualTo(413);
            assertThat(admin.get("/api/health").status()).isEqualTo(200);
            double load = os.getSystemLoadAverage();
            report("load average (1 min) at the end: %.1f%s", load, load > os.getAvailableProcessors() ? " (above the core count: the figures measure the other load too)" : "");
        } finally {
            server.destroy();
            server.waitFor();
        }
        String serverLog = Files.readString(log);
        assertThat(serverLog).doesNotContain("OutOfMemoryError");
        serverLog.lines().filter(l -> l.contains("stored hidden in")).forEach(l -> report("server: %s", l.substring(l.indexOf("Import of"))));
        report("largest heap after a collection: %s; gc log lines: %d", BenchTranscripts.largestAfterGc(gc), Files.readAllLines(gc).size());
    }

    /** The CPU time the server's process used so far: on a shared machine, what the work cost apart from the waiting. */
    private static long cpuMillis(Process server) {
        return server.toHandle().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
    }

    private static Http waitFor(Http http) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            try {
                http.login("root", TestApp.PASSWORD);
                return http;
            } catch (RuntimeException | AssertionError e) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("The server did not start");
    }

    private static List<Coder> coders(Http admin, int port, long project) {
        long small = Fixtures.transcript(admin, project, "klein.txt");
        List<Long> units = new ArrayList<>();
        admin.get("/api/transcripts/" + small).json().path("utterances").forEach(u -> units.add(u.path("id").asLong()));
        String dimension = Fixtures.firstDimension(admin);
        List<String> codes = List.of(Fixtures.codeFor(admin, dimension, "professional", 0), Fixtures.codeFor(admin, dimension, "professional", 1));
        List<Coder> coders = new ArrayList<>();
        for (int c = 0; c < CODERS; c++) {
            Http.Response made = admin.post("/api/users", Map.of("name", "coder" + c, "password", TestApp.PASSWORD, "role", "coder"));
            assertThat(made.status()).as(made.body()).isBetween(200, 201);
            Fixtures.member(admin, project, "coder" + c, "coder");
            Http http = Http.to("http://localhost:" + port);
            http.login("coder" + c, TestApp.PASSWORD);
            coders.add(new Coder(http, List.of(units.get(0), units.get(2), units.get(4)), dimension, codes)); // the professional's turns
        }
        return coders;
    }

    static void report(String format, Object... args) {
        System.out.printf("[ImportBenchmark] " + format + "%n", args);
    }

    /** One coder saving codes on the professional's units in a loop, recording when and how long each save took. */
    static final class Coder {
        final Http http;
        final List<Long> units;
        final String dimension;
        final List<String> codes;
        final List<long[]> saves = Collections.synchronizedList(new ArrayList<>());
        long errors;

        Coder(Http http, List<Long> units, String dimension, List<String> codes) {
            this.http = http;
            this.units = units;
            this.dimension = dimension;
            this.codes = codes;
        }

        void saveUntil(AtomicBoolean running) {
            for (int n = 0; running.get(); n++) {
                long t0 = System.nanoTime();
                Http.Response r = http.put("/api/utterances/" + units.get(n % units.size()) + "/codes/" + dimension, Map.of("code", codes.get(n % 2)));
                long t1 = System.nanoTime();
                if (r.status() != 200) errors++;
                saves.add(new long[]{t0, t1 - t0});
                try { Thread.sleep(THINK_MS); } catch (InterruptedException e) { return; }
            }
        }

        /** Count, p50, p99 and max of the saves that started in [from, to). */
        static String stats(List<Coder> coders, long from, long to) {
            List<Long> ms = new ArrayList<>();
            for (Coder c : coders) synchronized (c.saves) { for (long[] s : c.saves) if (s[0] >= from && s[0] < to) ms.add(s[1]); }
            Collections.sort(ms);
            if (ms.isEmpty()) return "none";
            return String.format("%d saves, p50 %.1f ms, p99 %.1f ms, max %.1f ms", ms.size(), ms.get(ms.size() / 2) / 1e6,
                    ms.get((int) Math.min(ms.size() - 1, Math.ceil(ms.size() * 0.99) - 1)) / 1e6, ms.get(ms.size() - 1) / 1e6);
        }
    }
}
