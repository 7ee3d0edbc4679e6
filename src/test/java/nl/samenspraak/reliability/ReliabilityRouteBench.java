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
