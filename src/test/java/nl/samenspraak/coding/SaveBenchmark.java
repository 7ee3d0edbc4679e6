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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Saving codes over HTTP from 50 concurrent coders (50 connections, each request from one of 50
 * logged-in coders), driven by wrk (Debian package {@code wrk}) so that the load generator does not
 * share the server's JVM. Afterwards every acknowledged save must be in the change log.
 * Run: {@code mvn -B -Pbench test -Dtest=SaveBenchmark} (optionally {@code -DsaveBenchmark.seconds=20}, {@code -DsaveBenchmark.warmup=30}, {@code -DsaveBenchmark.rounds=5}, {@code -DsaveBenchmark.coders=200}, {@code -DsaveBenchmark.rate=1000} for the latency run at a fixed rate;
 * on PostgreSQL {@code -Dstore=postgresql -Dstore.url=URL} of a cluster started with {@code .ci/postgres start --durable}).
 */
@Tag("bench")
@org.junit.jupiter.api.extension.ExtendWith(nl.samenspraak.support.BenchJvm.class)
class SaveBenchmark {
    /** 50 by default; {@code -DsaveBenchmark.coders=200} for the larger team. */
    static final int CODERS = Integer.getInteger("saveBenchmark.coders", 50);
    static final int UNITS = 400;

    @TempDir Path dir;

    @Test
    void fifty_coders_saving_codes_over_http() throws Exception {
        int seconds = Integer.getInteger("saveBenchmark.seconds", 15);
        try (TestApp app = TestApp.start(dir)) {
            System.out.printf("[SaveBenchmark] %s%n", nl.samenspraak.support.BenchTriggers.apply(app.jdbi)); // the JVM's flags: BenchJvm
            Http admin = app.loggedIn("root", Role.ADMIN);
            long project = Fixtures.project(admin, "Bench");
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < UNITS; i++) text.append(i % 2 == 0 ? "KM: " : "Klant: ").append("Uiting nummer ").append(i).append(".\n");
            Http.Response imported = admin.postFile("/api/projects/" + project + "/transcripts", "lang.txt",
                    text.toString().getBytes(StandardCharsets.UTF_8), Map.of("roles", "KM=professional,Klant=client"));
            long transcript = imported.json().path("transcripts").get(0).path("id").asLong();
            List<Long> units = new ArrayList<>();
            for (JsonNode u : admin.get("/api/transcripts/" + transcript).json().path("utterances")) units.add(u.path("id").asLong());
            List<String> cookies = new ArrayList<>();
            for (int c = 0; c < CODERS; c++) {
                app.user("coder" + c, Role.CODER);
                Fixtures.member(admin, project, "coder" + c, "coder");
                cookies.add(app.sessionCookie("coder" + c));
            }
            // A server that has run for a while has compiled its hot paths: 30 s of saves before anything is measured (after 3 s
            // or 10 s the rounds below still grew faster one after the other: the JIT was still compiling).
            wrk(app, writeScript(cookies, units, 0, 0), Integer.getInteger("saveBenchmark.warmup", 30), "warm-up");
            List<Long> coders = new ArrayList<>();
            for (int c = 0; c < CODERS; c++) coders.add(app.count("SELECT id FROM users WHERE name = 'coder" + c + "'"));
            anchor(app.store, units, coders, 3); // warm-up of the anchor's statements
            // The ratio: HTTP saturated (every coder saves again as soon as the last save is acknowledged) against the
            // anchor (plain SQLite or PostgreSQL on the same database, one save per transaction), in turns of a few
            // seconds each, so that a shared machine's changing speed falls on both alike; the median of the rounds' ratios.
            int rounds = Integer.getInteger("saveBenchmark.rounds", 5);
            int slice = Math.max(2, seconds / rounds);
            Path saturated = writeScript(cookies, units, 0, 0);
            List<Double> ratios = new ArrayList<>();
            List<Double> anchorRates = new ArrayList<>();
            long httpSaves = 0;
            double httpSeconds = 0;
            for (int round = 1; round <= rounds; round++) {
                Result http = measure(app, saturated, slice, "saturated, round " + round + " of " + rounds + ": each connection saves as fast as it is answered");
                Anchor plain = anchor(app.store, units, coders, slice);
                System.out.printf("[SaveBenchmark anchor, round %d: plain %s, one save per transaction, one connection] %,.0f saves/s, "
                                + "p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d saves in %d s)%n", round,
                        app.store.postgres() ? "PostgreSQL (the server's own durability settings)" : "SQLite (WAL, synchronous=FULL)",
                        plain.perSecond(), plain.p50Ms(), plain.p99Ms(), plain.maxMs(), plain.saves(), slice);
                System.out.printf("[SaveBenchmark round %d] HTTP %,.0f saves/s (p99 %.1f ms) / anchor %,.0f saves/s = %.2f%n",
                        round, http.perSecond(), http.p99Ms(), plain.perSecond(), http.perSecond() / plain.perSecond());
                ratios.add(http.perSecond() / plain.perSecond());
                anchorRates.add(plain.perSecond());
                httpSaves += http.ok();
                httpSeconds += slice;
            }
            double anchorRate = median(anchorRates);
            System.out.printf("%n[SaveBenchmark ratio] median of %d rounds %.2f (rounds %s); HTTP %,.0f saves/s over all rounds, anchor median %,.0f saves/s%n%n",
                    rounds, median(ratios), ratios.stream().map(r -> String.format("%.2f", r)).toList(), httpSaves / httpSeconds, anchorRate);
            // Latency where the anchor stands: the 50 coders together offer the anchor's saves/s (its median above), each
            // request on a fixed schedule, not waiting for the one before; achieved rate and p99 say whether HTTP keeps up.
            // -DsaveBenchmark.rate=N offers N saves/s instead: the same load for two versions compared.
            int fixed = Integer.getInteger("saveBenchmark.rate", 0);
            double offered = fixed > 0 ? fixed : anchorRate;
            String where = fixed > 0 ? "at a fixed rate" : "at the anchor's rate";
            Result atAnchor = measure(app, writeScript(cookies, units, 0, offered), seconds,
                    String.format("%s: %,.0f saves/s offered on a fixed schedule", where, offered));
            System.out.printf("[SaveBenchmark %s] offered %,.0f saves/s, acknowledged %,.0f saves/s, p99 %.1f ms%n%n",
                    where, offered, atAnchor.perSecond(), atAnchor.p99Ms());
            // Paced: each of the 50 coders waits THINK_MS after an answer: just over 3,000 saves/s in all.
            measure(app, writeScript(cookies, units, THINK_MS, 0), seconds, "paced: " + THINK_MS + " ms between a coder's saves");
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** 50 coders at 3,000 saves per second: 16.7 ms per coder per save, of which a save takes ~3 ms. */
    static final int THINK_MS = 13;

    private Result measure(TestApp app, Path script, int seconds, String label) throws Exception {
        long before = app.count("SELECT COUNT(*) FROM change_log");
        Result r = wrk(app, script, seconds, label);
        long logged = app.count("SELECT COUNT(*) FROM change_log") - before;
        System.out.printf("[SaveBenchmark] change-log rows written: %d; acknowledged (2xx): %d%n", logged, r.ok());
        assertThat(r.errors()).isZero();
        // wrk stops with up to one request per connection in flight: those may commit without being counted.
        assertThat(logged).isBetween(r.ok(), r.ok() + CODERS);
        return r;
    }

    record Result(long ok, long errors, double perSecond, double p99Ms) {}

    /** A plain connection with the server's own settings (Database.dataSource: on SQLite WAL, synchronous=FULL, BEGIN IMMEDIATE), no pool. */
    private static java.sql.Connection connect(nl.samenspraak.db.Store store) throws java.sql.SQLException {
        return nl.samenspraak.db.Database.dataSource(store).getConnection();
    }

    record Anchor(long saves, double perSecond, double p50Ms, double p99Ms, double maxMs) {}

    /**
     * What the issue measures the HTTP path against: plain SQLite with the same durability (WAL, synchronous=FULL,
     * BEGIN IMMEDIATE, as the server's connections; on PostgreSQL the same server and its settings) running the same statements of a save as the
     * server ({@link CodeWrites#target} and {@link CodeWrites#save}: the operation id looked up, the code before, the upsert, the change-log row with
     * that operation id, as a save from the coding screen carries one; on PostgreSQL one statement) with one save per transaction, back to back on one
     * connection and one thread, so that no lock is waited for: the fastest that one-save-per-sync can go on this disk.
     */
    private static Anchor anchor(nl.samenspraak.db.Store store, List<Long> units, List<Long> coders, int seconds) throws Exception {
        String[] codes = {"team-talk", "option-talk"};
        long[] nanos = new long[1 << 22];
        int n = 0;
        String run = java.util.UUID.randomUUID().toString();
        try (java.sql.Connection c = connect(store)) {
            c.setAutoCommit(false);
            long start = System.nanoTime();
            long end = start + seconds * 1_000_000_000L;
            for (long t0 = start; t0 < end && n < nanos.length; n++) {
                long unit = units.get((n * 7) % units.size());
                long coder = coders.get(n % coders.size());
                String now = java.time.Instant.now().toString();
                CodingDao.Target target = CodeWrites.target(c, unit, coder).orElseThrow();
                String opId = "anchor-" + run + "-" + n;
                String code = codes[n % 2];
                if (CodeWrites.save(c, store.postgres(), coder, coder, target.projectId(), target.transcriptId(), unit, "step", code, target.codebookId(), now, opId)
                        .isEmpty()) throw new IllegalStateException("an operation id used twice: " + opId);
                c.commit();
                long t1 = System.nanoTime();
                nanos[n] = t1 - t0;
                t0 = t1;
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            long[] sorted = java.util.Arrays.copyOf(nanos, n);
            java.util.Arrays.sort(sorted);
            return new Anchor(n, n / elapsed, sorted[n / 2] / 1e6, sorted[(int) (n * 0.99)] / 1e6, sorted[n - 1] / 1e6);
        }
    }

    private Result wrk(TestApp app, Path script, int seconds, String label) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        Process p = new ProcessBuilder("wrk", "-t2", "-c" + CODERS, "-d" + seconds + "s", "--latency", "-s", script.toString(), app.baseUrl)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        Thread.sleep(1000); // the saves still in flight when wrk stopped finish before anything is counted
        long total = number(out, "(\\d+) requests in");
        System.out.printf("%n[SaveBenchmark %s, load average %.1f, server CPU %.2f ms per save]%n%s%n", label,
                os.getSystemLoadAverage(), (os.getProcessCpuTime() - cpu0) / 1e6 / Math.max(1, total), out);
        long errors = number(out, "Non-2xx or 3xx responses: (\\d+)") + number(out, "Socket errors: connect (\\d+)");
        double perSecond = Double.parseDouble(text(out, "Requests/sec:\\s+([0-9.]+)", "0"));
        return new Result(total - errors, errors, perSecond, millis(text(out, "\\s99%\\s+([0-9.]+[mu]?s)", "0ms")));
    }

    private static String text(String out, String regex, String otherwise) {
        Matcher m = Pattern.compile(regex).matcher(out);
        return m.find() ? m.group(1) : otherwise;
    }

    /** wrk's latency as it prints it: 812.00us, 10.61ms, 1.02s. */
    private static double millis(String wrkTime) {
        if (wrkTime.endsWith("us")) return Double.parseDouble(wrkTime.substring(0, wrkTime.length() - 2)) / 1000;
        if (wrkTime.endsWith("ms")) return Double.parseDouble(wrkTime.substring(0, wrkTime.length() - 2));
        return Double.parseDouble(wrkTime.substring(0, wrkTime.length() - 1)) * 1000;
    }

    private static long number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /**
     * wrk's script: {@code thinkMs} > 0, each connection waits that long after an answer; {@code perSecond} > 0, the
     * requests of each of wrk's 2 threads leave on a fixed schedule that adds up to that rate (a request waits for
     * its slot, not for the answer before it, while a connection is free), timed by gettimeofday through LuaJIT's ffi.
     */
    private Path writeScript(List<String> cookies, List<Long> units, int thinkMs, double perSecond) throws Exception {
        StringBuilder lua = new StringBuilder("local cookies = {");
        for (String c : cookies) lua.append('"').append(c).append("\",");
        lua.append("}\nlocal units = {");
        for (long u : units) lua.append(u).append(',');
        lua.append("}\nlocal codes = {\"team-talk\", \"option-talk\"}\n");
        if (thinkMs > 0) lua.append("function delay() return ").append(thinkMs).append(" end\n");
        lua.append("""
                local ffi = require("ffi")
                ffi.cdef[[ typedef struct { long tv_sec; long tv_usec; } samenspraak_timeval; int gettimeofday(samenspraak_timeval *tv, void *tz); ]]
                local tv = ffi.new("samenspraak_timeval")
                local function now() ffi.C.gettimeofday(tv, nil); return tonumber(tv.tv_sec) * 1000 + tonumber(tv.tv_usec) / 1000 end
                """);
        if (perSecond > 0) {
            lua.append("local interval = ").append(2 * 1000.0 / perSecond).append(" -- ms between a thread's requests (2 threads)\n");
            lua.append("""
                    local nextSlot = nil
                    function delay()
                      local t = now()
                      if nextSlot == nil or nextSlot < t - 1000 then nextSlot = t end
                      local wait = nextSlot - t
                      nextSlot = nextSlot + interval
                      if wait < 0 then return 0 end
                      return math.floor(wait)
                    end
                    """);
        }
        lua.append("""
                local n = 0
                local offset = 0
                local threads = 0
                function setup(thread) thread:set("offset", threads * 7919); threads = threads + 1 end
                local run = ""
                -- Each save carries an operation id, as the coding screen's saves do (web/js/saver.js): unique per thread and run
                function init(args) n = offset; run = string.format("%d-%.0f", offset, now() * 1000) end
                function request()
                  n = n + 1
                  local body = '{"code":"' .. codes[(n % 2) + 1] .. '","opId":"wrk-' .. run .. '-' .. n .. '"}'
                  return wrk.format("PUT", "/api/utterances/" .. units[(n % #units) + 1] .. "/codes/step",
                    {["Cookie"] = cookies[(n % #cookies) + 1], ["Content-Type"] = "application/json", ["Origin"] = "http://" .. wrk.host .. ":" .. wrk.port}, body)
                end
                """);
        Path script = dir.resolve("save-" + thinkMs + "-" + Math.round(perSecond) + ".lua");
        Files.writeString(script, lua.toString());
        return script;
    }
}
