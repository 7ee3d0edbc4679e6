package nl.samenspraak.coding;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspraak.account.Role;
import nl.samenspraak.support.Fixtures;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Saving codes over HTTP from 50 concurrent coders: throughput of acknowledged saves and latency
 * percentiles. Every acknowledged save must be in the database with its change-log row.
 * Run: {@code mvn -B -Pbench test -Dtest=SaveBenchmark}. Figures go to BENCHMARKS.md.
 */
@Tag("bench")
class SaveBenchmark {
    static final int CODERS = 50;
    static final int UNITS = 400;
    static final int SAVES_PER_CODER = 600;
    static final int WARMUP_SAVES_PER_CODER = 60;

    @TempDir Path dir;

    @Test
    void fifty_coders_saving_codes_over_http() throws Exception {
        try (TestApp app = TestApp.start(dir)) {
            Http admin = app.loggedIn("root", Role.ADMIN);
            long project = Fixtures.project(admin, "Bench");
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < UNITS; i++) text.append(i % 2 == 0 ? "KM: " : "Klant: ").append("Uiting nummer ").append(i).append(".\n");
            Http.Response imported = admin.postFile("/api/projects/" + project + "/transcripts", "lang.txt",
                    text.toString().getBytes(StandardCharsets.UTF_8), Map.of("roles", "KM=professional,Klant=client"));
            long transcript = imported.json().path("transcripts").get(0).path("id").asLong();
            JsonNode units = admin.get("/api/transcripts/" + transcript).json().path("utterances");
            String[] codes = {Fixtures.codeFor(admin, "step", "professional", 0), Fixtures.codeFor(admin, "step", "professional", 1)};
            List<Http> coders = new ArrayList<>();
            for (int c = 0; c < CODERS; c++) {
                app.user("coder" + c, Role.CODER);
                Fixtures.member(admin, project, "coder" + c, "coder");
                coders.add(app.as("coder" + c));
            }
            run(coders, units, codes, WARMUP_SAVES_PER_CODER, "warm-up");
            long before = app.count("SELECT COUNT(*) FROM change_log");
            String jfr = System.getProperty("saveBenchmark.jfr");
            jdk.jfr.Recording recording = jfr == null ? null : new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
            if (recording != null) recording.start();
            long[] latencies = run(coders, units, codes, SAVES_PER_CODER, "measured");
            if (recording != null) { recording.stop(); recording.dump(Path.of(jfr)); }
            long logged = app.count("SELECT COUNT(*) FROM change_log") - before;
            assertThat(logged).as("every acknowledged save has its change-log row").isEqualTo((long) CODERS * SAVES_PER_CODER);
        }
    }

    private long[] run(List<Http> coders, JsonNode units, String[] codes, int savesPerCoder, String label) throws Exception {
        long[] latencies = new long[coders.size() * savesPerCoder];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < coders.size(); c++) {
            Http http = coders.get(c);
            int coder = c;
            Thread thread = new Thread(() -> {
                try { start.await(); } catch (InterruptedException e) { return; }
                for (int i = 0; i < savesPerCoder; i++) {
                    JsonNode unit = units.get((coder * 7 + i * 2) % units.size() & ~1);
                    long t0 = System.nanoTime();
                    Http.Response r = http.put("/api/utterances/" + unit.path("id").asLong() + "/codes/step",
                            Map.of("code", codes[i % 2]));
                    latencies[next.getAndIncrement()] = System.nanoTime() - t0;
                    if (r.status() != 200) failures.incrementAndGet();
                }
            });
            thread.start();
            threads.add(thread);
        }
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        start.countDown();
        for (Thread t : threads) t.join();
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuMsPerSave = (os.getProcessCpuTime() - cpu0) / 1e6 / latencies.length;
        Arrays.sort(latencies);
        System.out.printf("%n[SaveBenchmark %s] %d coders x %d saves: %.0f saves/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms, "
                        + "failures %d, JVM CPU %.2f ms per save (server and the 50 clients together), load average %.1f%n",
                label, coders.size(), savesPerCoder, latencies.length / seconds, pct(latencies, 0.50), pct(latencies, 0.99),
                latencies[latencies.length - 1] / 1e6, failures.get(), cpuMsPerSave, os.getSystemLoadAverage());
        assertThat(failures.get()).isZero();
        return latencies;
    }

    private static double pct(long[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
    }
}
