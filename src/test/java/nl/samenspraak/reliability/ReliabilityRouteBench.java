package nl.samenspraak.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspraak.account.Role;
import nl.samenspraak.codebook.CodebookService;
import nl.samenspraak.db.Writes;
import nl.samenspraak.exports.BenchDatabase;
import nl.samenspraak.project.ProjectCodebooks;
import nl.samenspraak.report.ProjectReader;
import nl.samenspraak.report.Scope;
import nl.samenspraak.report.Selection;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reliability route over HTTP on a real server and database at 1M units x 3 coders (500 transcripts x 2,000
 * units, dimension 'step', bootstrap 1000 as the page asks): the first request after the start (the cache is
 * built), warm requests, a warm request after 100 codes were changed over HTTP, the database path of today
 * once for comparison, and the bytes of the cache's arrays. No timing is asserted.
 * Run: mvn -B -Pbench test -Dtest=ReliabilityRouteBench (add -Dbench.reuse=true to keep the database of the last run); figures in target/bench-reliability/results.txt.
 */
@Tag("bench")
@org.junit.jupiter.api.extension.ExtendWith(nl.samenspraak.support.BenchJvm.class)
class ReliabilityRouteBench {
    static final Path WORK = Path.of("target", "bench-reliability");

    @Test
    void reliability_route_of_a_million_units_by_three_coders() throws Exception {
        Files.createDirectories(WORK);
        Path db = WORK.resolve("million-units.db");
        List<String> lines = new ArrayList<>();
        lines.add("load average before: " + Files.readString(Path.of("/proc/loadavg")).trim());
        if (Boolean.getBoolean("bench.reuse") && Files.exists(db)) {
            lines.add("database: the one of the previous run (-Dbench.reuse=true), 100 codes per earlier run changed");
        } else {
            for (String s : List.of("", "-wal", "-shm")) Files.deleteIfExists(Path.of(db + s));
            long t0 = System.nanoTime();
            long codes = BenchDatabase.build(db, 500, 2000, 3, false);
            lines.add(String.format("database: 500 transcripts x 2000 units, 3 coders code all: %d codes, built in %.1f s", codes, (System.nanoTime() - t0) / 1e9));
        }
        try (TestApp app = TestApp.startAt(db)) {
            app.user("root", Role.ADMIN);
            app.jdbi.useHandle(h -> {
                h.execute("UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE name = 'root') WHERE name LIKE 'coder%'");
                h.execute("INSERT OR IGNORE INTO project_members(project_id, user_id, role, added_at) SELECT 1, id, 'coder', '2026-01-01T00:00:00Z' FROM users WHERE name LIKE 'coder%'");
            });
            Http admin = app.as("root"), coder = app.as("coder2");
            String url = "/api/projects/1/reliability";
            lines.add(timed("first request after the start (builds the cache)", admin, url));
            for (int i = 0; i < 5; i++) lines.add(timed("warm request " + (i + 1), admin, url));
            List<Long> units = app.jdbi.withHandle(h -> h.createQuery("SELECT id FROM utterances ORDER BY id").mapTo(Long.class).list());
            Random random = new Random(7);
            for (int i = 0; i < 100; i++) {
                Http.Response r = coder.put("/api/utterances/" + units.get(random.nextInt(units.size())) + "/codes/step",
                        Map.of("code", BenchDatabase.STEPS[random.nextInt(4)]));
                assertThat(r.status()).as(r.body()).isEqualTo(200);
            }
            lines.add(timed("warm request after 100 codes changed over HTTP", admin, url));
            lines.add(timed("warm request again", admin, url));

            // Today's database path, once, in this process, for the same scope; and the numbers must agree.
            ProjectReader reader = new ProjectReader(app.jdbi, new ProjectCodebooks(app.jdbi, new CodebookService(app.jdbi, new Writes(app.jdbi))));
            Scope scope = reader.scope(reader.project(1), Selection.all());
            long s = System.nanoTime();
            var direct = new ReliabilityService(reader, null).computeFromDatabase(scope);
            lines.add(String.format("database path (computeFromDatabase, no HTTP): %.0f ms", (System.nanoTime() - s) / 1e6));
            JsonNode cached = admin.get(url).json();
            double a = CodeCacheHttpTest.uncachedAlpha(nl.samenspraak.http.Json.mapper().valueToTree(direct)), b = CodeCacheHttpTest.uncachedAlpha(cached);
            lines.add("alpha: database path " + a + ", cached " + b);
            assertThat(b).isCloseTo(a, org.assertj.core.api.Assertions.within(1e-12));

            // The cache's memory: its arrays counted, and the heap it holds (used heap after GC with and without a cache of the project).
            System.gc();
            long before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            CodeCache cache = new CodeCache(app.jdbi);
            s = System.nanoTime();
            cache.read(scope);
            long build = System.nanoTime() - s;
            System.gc();
            long after = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            lines.add(String.format("cache of the project: arrays %.1f MB; heap held after GC %.1f MB (%d - %d bytes); built alone in %.0f ms",
                    cache.arrayBytes() / 1e6, (after - before) / 1e6, after, before, build / 1e6));
            assertThat(cache.arrayBytes()).isPositive();
        }
        lines.add("load average after: " + Files.readString(Path.of("/proc/loadavg")).trim());
        lines.forEach(System.out::println);
        Files.write(WORK.resolve("results.txt"), lines, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    /**
     * Cold and warm at 10k, 100k and 1M units x 3 coders (5, 50 and 500 transcripts of 2,000 units; -Dbench.sizes=10000,...
     * to choose): for each, the server is started as {@code serve} in a fresh child JVM (default heap) on the existing
     * database; as soon as {@code /api/health} answers 200 it logs in and asks for the reliability. Reported: process start
     * to health, the first request's own wait, process start to its answer, three warm requests; then, in this JVM, the
     * cache of the project built alone and its arrays. Databases are kept in target/bench-reliability (units-N.db) and reused.
     */
    @Test
    void cold_start_in_a_fresh_process_and_warm_at_three_sizes() throws Exception {
        Files.createDirectories(WORK);
        List<String> lines = new ArrayList<>();
        for (String size : System.getProperty("bench.sizes", "10000,100000,1000000").split(",")) {
            int units = Integer.parseInt(size.trim()), transcripts = units / 2000;
            Path db = WORK.resolve("units-" + units + ".db");
            if (!Files.exists(db)) {
                long t0 = System.nanoTime();
                long codes = BenchDatabase.build(db, transcripts, 2000, 3, false);
                lines.add(String.format("%d units: database of %d transcripts x 2000 units, %d codes, built in %.1f s", units, transcripts, codes, (System.nanoTime() - t0) / 1e9));
            }
            // On PostgreSQL (-Dstore=postgresql -Dstore.url=URL of .ci/postgres start): the SQLite study copied into a new
            // database of that cluster by the migrate command, and serve started on that database.
            Path at = db;
            String argument = db.toString();
            boolean postgres = nl.samenspraak.support.TestStores.postgres();
            if (postgres) {
                try (TestApp source = TestApp.startOnSqliteAt(db)) {
                    source.user("root", Role.ADMIN);
                }
                at = WORK.resolve("postgresql").resolve("units-" + units + ".db");
                long t0 = System.nanoTime();
                argument = nl.samenspraak.support.TestStores.migratedFrom(db, at);
                lines.add(String.format("%d units: copied into PostgreSQL by migrate in %.1f s", units, (System.nanoTime() - t0) / 1e9));
            }
            String memory;
            try (TestApp app = TestApp.startAt(at)) {
                app.user("root", Role.ADMIN);
                // The cache below read whole, and the first start below without a saved copy of the code cache (it reads the
                // project whole, then saves one); the others with the copy the one before saved (CodeCache.saveSnapshots).
                app.jdbi.useHandle(h -> h.execute("DELETE FROM code_cache_snapshots"));
                ProjectReader reader = new ProjectReader(app.jdbi, new ProjectCodebooks(app.jdbi, new CodebookService(app.jdbi, new Writes(app.jdbi))));
                Scope scope = reader.scope(reader.project(1), Selection.all());
                System.gc();
                long before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                var pool = java.util.concurrent.Executors.newCachedThreadPool();
                CodeCache cache = new CodeCache(app.jdbi, pool);
                long s = System.nanoTime();
                cache.read(scope);
                long build = System.nanoTime() - s;
                pool.shutdown();
                System.gc();
                long after = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                memory = String.format("cache built alone in this JVM (as serve) %.0f ms; arrays %.2f MB; heap held after GC %.2f MB", build / 1e6,
                        cache.arrayBytes() / 1e6, (after - before) / 1e6);
                if (!postgres) app.jdbi.useHandle(h -> h.execute("PRAGMA wal_checkpoint(TRUNCATE)"));
            }
            String store = postgres ? "PostgreSQL" : "SQLite";
            // -Dbench.coldStarts=N: the first N starts each without a saved copy (deleted before each), so that one database
            // (on PostgreSQL one migrate of several minutes) gives several of them; the starts after those from the copy.
            int coldStarts = Integer.getInteger("bench.coldStarts", 1);
            for (int run = 0; run < Math.max(Integer.getInteger("bench.starts", 2), coldStarts); run++) {
                if (run > 0 && run < coldStarts) {
                    try (TestApp app = TestApp.startAt(at)) {
                        app.jdbi.useHandle(h -> h.execute("DELETE FROM code_cache_snapshots"));
                        if (!postgres) app.jdbi.useHandle(h -> h.execute("PRAGMA wal_checkpoint(TRUNCATE)"));
                    }
                }
                lines.add(units + " units x 3 coders on " + store + ", " + (run < coldStarts ? "no saved copy" : "from the saved copy") + ": " + coldStart(argument));
            }
            lines.add(units + " units x 3 coders on " + store + ": " + memory + " (load " + loadavg() + ")");
        }
        lines.forEach(System.out::println);
        Files.write(WORK.resolve("results.txt"), lines, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    /** The cache of the 1M x 3 project (the database of the test above) built -Dbench.builds times in this JVM: its wall and CPU time (this thread). */
    @Test
    void cache_build_alone() throws Exception {
        Path db = WORK.resolve("units-1000000.db");
        List<String> lines = new ArrayList<>();
        var threads = ManagementFactory.getThreadMXBean();
        try (TestApp app = TestApp.startAt(db)) {
            ProjectReader reader = new ProjectReader(app.jdbi, new ProjectCodebooks(app.jdbi, new CodebookService(app.jdbi, new Writes(app.jdbi))));
            Scope scope = reader.scope(reader.project(1), Selection.all());
            for (int i = 0; i < Integer.getInteger("bench.builds", 3); i++) {
                long w = System.nanoTime(), c = threads.getCurrentThreadCpuTime();
                new CodeCache(app.jdbi).read(scope);
                lines.add(String.format("1M x 3, cache built alone, one reader: %.0f ms wall, %.0f ms CPU of this thread (load %s)",
                        (System.nanoTime() - w) / 1e6, (threads.getCurrentThreadCpuTime() - c) / 1e6, loadavg()));
                var pool = java.util.concurrent.Executors.newCachedThreadPool();
                w = System.nanoTime();
                new CodeCache(app.jdbi, pool).read(scope);
                lines.add(String.format("1M x 3, cache built alone, %d readers (as serve): %.0f ms wall (load %s)", CodeCache.READERS,
                        (System.nanoTime() - w) / 1e6, loadavg()));
                pool.shutdown();
            }
        }
        lines.forEach(System.out::println);
        Files.write(WORK.resolve("results.txt"), lines, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    /** {@code serve} in a child JVM on {@code db}: its first reliability request as soon as it is up, then three warm ones. */
    private static String coldStart(String db) throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
                "nl.samenspraak.app.Main", "serve", "--db", db, "--port", String.valueOf(port), "--no-demo");
        Path log = WORK.resolve("serve-" + port + ".log");
        String load = loadavg();
        long start = System.nanoTime();
        Process server = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            Http http = Http.to("http://localhost:" + port);
            long up = 0;
            while (up == 0) {
                if (!server.isAlive()) throw new AssertionError("serve ended: " + Files.readString(log));
                try {
                    if (http.get("/api/health").status() == 200) up = System.nanoTime();
                } catch (RuntimeException notYet) {
                    Thread.sleep(10);
                }
                if (System.nanoTime() - start > 120_000_000_000L) throw new AssertionError("no health after 120 s: " + Files.readString(log));
            }
            long cpuUp = cpuMs(server);
            http.login("root", TestApp.PASSWORD);
            String url = "/api/projects/1/reliability";
            long asked = System.nanoTime();
            Http.Response first = http.get(url);
            long answered = System.nanoTime();
            long cpuFirst = cpuMs(server);
            assertThat(first.status()).as(first.body()).isEqualTo(200);
            List<Long> warm = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                long s = System.nanoTime();
                assertThat(http.get(url).status()).isEqualTo(200);
                warm.add((System.nanoTime() - s) / 1_000_000);
            }
            String read = String.join("; ", Files.readAllLines(log).stream().filter(l -> l.contains("Code cache:")).map(l -> l.substring(l.indexOf("Code cache:")))
                    .toList());
            if (read.isEmpty()) read = "no background read logged";
            return String.format("fresh process: health 200 after %d ms; first reliability request waited %d ms (asked %d ms after the start, answered"
                            + " %d ms after it); warm %s ms; server CPU %d ms at health, %d ms at the first answer; %s (load before %s, after %s)",
                    (up - start) / 1_000_000, (answered - asked) / 1_000_000, (asked - start) / 1_000_000, (answered - start) / 1_000_000, warm,
                    cpuUp, cpuFirst, read, load, loadavg());
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    /** The CPU time the child process has used so far (all its threads), in ms; -1 where the system does not say. */
    private static long cpuMs(Process p) {
        return p.toHandle().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
    }

    private static String timed(String what, Http http, String url) {
        long s = System.nanoTime();
        Http.Response r = http.get(url);
        long ms = (System.nanoTime() - s) / 1_000_000;
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return String.format("%s: %d ms (%d bytes, load %s)", what, ms, r.body().length(), loadavg());
    }

    private static String loadavg() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
