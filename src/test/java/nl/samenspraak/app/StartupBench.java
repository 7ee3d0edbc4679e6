package nl.samenspraak.app;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * How long {@code serve} takes, as a user starts it ({@code java -jar target/samenspraak.jar serve --db FILE
 * --no-demo --port P}) on an existing database (migrated, with users and a project), from the process's
 * start to the first 200 from {@code /api/health}; side by side with a bare Javalin hello world
 * ({@link HelloHealth}) run by the same JVM from the same jar. The two alternate (which goes first swaps
 * every round), after warm-up runs that are not counted, so that a busy machine slows both alike. The probe
 * opens a new connection every 5 ms while the port is closed, and every 20 ms while the server answers "starting". It
 * prints each one's median and p90 and their ratio (issue 13 asks for at most 1.5x), and the CPU time
 * the process had used by then (Linux); no time is asserted.
 * Run: {@code mvn -B -q package -DskipTests && mvn -B -Pbench test -Dtest=StartupBench}
 * ({@code -Dstartup.runs=15 -Dstartup.warmups=2}; {@code -Dstartup.jvm="-Xshare:off"} adds JVM options to both;
 * {@code -Dstartup.jar=PATH} measures another build's jar, an earlier commit's say, with the same hello world;
 * {@code -Dstartup.cds=true} gives each its own class-data-sharing archive, made by one run with
 * {@code -XX:ArchiveClassesAtExit} before the warm-ups, which a user would need a wrapper script for).
 */
@Tag("bench")
class StartupBench {
    static final Path BUILT = Path.of("target", "samenspraak.jar");
    static final Path TEST_CLASSES = Path.of("target", "test-classes");
    static final String PASSWORD = "een lang wachtwoord";
    /** Every this many ms the probe tries again while the port is closed (a refused connection costs the server nothing). */
    static final int POLL_MS = 5;
    /**
     * Every this many ms while the server answers but not yet 200 (serve's port opens before its database is
     * ready, and /api/health says "starting"): each such answer costs the starting server CPU, and a client
     * told "starting" waits a little. It can only make serve's figure later, never earlier.
     */
    static final int POLL_STARTING_MS = Integer.getInteger("startup.pollStarting", 20);
    @TempDir Path dir;

    record Run(double ms, double cpuMs) {}

    @Test
    void serve_on_an_existing_database_against_a_bare_javalin() throws Exception {
        Path jar = System.getProperty("startup.jar") == null ? requireFreshJar() : Path.of(System.getProperty("startup.jar"));
        int runs = Integer.getInteger("startup.runs", 15);
        int warmups = Integer.getInteger("startup.warmups", 2);
        boolean cds = Boolean.getBoolean("startup.cds");
        List<String> jvm = Stream.of(System.getProperty("startup.jvm", "").split("\\s+")).filter(s -> !s.isBlank()).toList();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path db = existingDatabase(java, jar);

        System.out.printf("%n[StartupBench] %s; %d cores, %s, load average %s, JVM options %s%s; %d warm-up and %d counted runs each%n", jar,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"), loadAverage(), jvm,
                cds ? ", each with its own CDS archive" : "", warmups, runs);
        if (cds) {
            for (boolean isServe : new boolean[] {true, false}) {
                int port = freePort();
                measure(command(java, jvm, List.of("-XX:ArchiveClassesAtExit=" + archive(isServe)), jar, db, isServe, port), port, isServe);
            }
        }
        List<Run> serve = new ArrayList<>();
        List<Run> hello = new ArrayList<>();
        for (int i = 0; i < warmups + runs; i++) {
            boolean serveFirst = i % 2 == 0;
            for (int k = 0; k < 2; k++) {
                boolean isServe = serveFirst == (k == 0);
                int port = freePort();
                List<String> command = command(java, jvm, cds ? List.of("-XX:SharedArchiveFile=" + archive(isServe)) : List.of(), jar, db, isServe, port);
                Run run = measure(command, port, isServe);
                if (i >= warmups) (isServe ? serve : hello).add(run);
            }
        }
        System.out.printf("[StartupBench] load average at the end %s%n", loadAverage());
        System.out.printf("  serve --no-demo, existing database: %s%n", summary(serve));
        System.out.printf("  bare Javalin hello world:           %s%n", summary(hello));
        System.out.printf("  ratio serve / hello world: median %.2f, p90 %.2f%n",
                median(times(serve)) / median(times(hello)), p90(times(serve)) / p90(times(hello)));
    }

    /** {@code java [jvm] [extra] -jar JAR serve ...} or the hello world from the same jar. */
    static List<String> command(String java, List<String> jvm, List<String> extra, Path jar, Path db, boolean isServe, int port) {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvm);
        command.addAll(extra);
        if (isServe) {
            command.addAll(List.of("-jar", jar.toString(), "serve", "--db", db.toString(), "--no-demo", "--port", String.valueOf(port)));
        } else {
            command.addAll(List.of("-cp", jar + File.pathSeparator + TEST_CLASSES, HelloHealth.class.getName(), String.valueOf(port)));
        }
        return command;
    }

    Path archive(boolean isServe) {
        return dir.resolve(isServe ? "serve.jsa" : "hello.jsa");
    }

    /** The jar must hold the classes being measured: built after the last compile. */
    static Path requireFreshJar() throws IOException {
        if (!Files.exists(BUILT)) throw new AssertionError(BUILT + " is missing: run mvn -B -q package -DskipTests first.");
        FileTime jar = Files.getLastModifiedTime(BUILT);
        try (Stream<Path> classes = Files.walk(Path.of("target", "classes"))) {
            List<Path> newer = classes.filter(Files::isRegularFile).filter(p -> {
                try { return Files.getLastModifiedTime(p).compareTo(jar) > 0; } catch (IOException e) { return true; }
            }).limit(3).toList();
            if (!newer.isEmpty()) throw new AssertionError(BUILT + " is older than " + newer + ": run mvn -B -q package -DskipTests first.");
        }
        return BUILT;
    }

    /** A database as a running installation has it: migrated, a project with a transcript, three users, started once. */
    Path existingDatabase(String java, Path jar) throws Exception {
        Path db = dir.resolve("bestaand.db");
        Path transcript = Files.writeString(dir.resolve("gesprek.txt"), "KM: Een.\nKlant: Twee.\nKM: Drie.\nKlant: Vier.\n");
        run(List.of(java, "-jar", jar.toString(), "import", "--db", db.toString(), "--project", "Start", "--codebook", "samen-beslissen",
                "--roles", "KM=professional,Klant=client", transcript.toString()), null);
        for (String[] user : new String[][] {{"ans", "admin"}, {"bert", "coder"}, {"carla", "coder"}}) {
            run(List.of(java, "-jar", jar.toString(), "user", "add", "--db", db.toString(), "--name", user[0], "--role", user[1]), PASSWORD + "\n");
        }
        return db;
    }

    static void run(List<String> command, String input) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (input != null) {
            try (OutputStream in = p.getOutputStream()) { in.write(input.getBytes(StandardCharsets.UTF_8)); }
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
    }

    /** Starts the process and asks {@code /api/health} until it answers 200 with its "ok" in the body. */
    Run measure(List<String> command, int port, boolean isServe) throws Exception {
        String expected = isServe ? "\"status\":\"ok\"" : "ok";
        Path log = Files.createTempFile(dir, "start", ".log");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = t0 + 120_000_000_000L;
            while (true) {
                String answer = health(port);
                if (answer != null && answer.startsWith("HTTP/1.1 200") && answer.contains(expected)) {
                    double ms = (System.nanoTime() - t0) / 1e6;
                    return new Run(ms, cpuMs(p.pid()));
                }
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError(String.join(" ", command) + " did not answer 200 (last: " + answer + "):\n" + Files.readString(log));
                }
                Thread.sleep(answer == null ? POLL_MS : POLL_STARTING_MS);
            }
        } finally {
            p.destroy();
            p.waitFor();
        }
    }

    /** One plain HTTP/1.1 request on a new connection; null while the port is closed. */
    static String health(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            s.setSoTimeout(30_000);
            s.getOutputStream().write("GET /api/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            try (InputStream in = s.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            return null;
        }
    }

    /** User and system CPU time of a process so far, from /proc (clock ticks of 10 ms); NaN elsewhere. */
    static double cpuMs(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) { return s.getLocalPort(); }
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    static List<Double> times(List<Run> runs) { return runs.stream().map(Run::ms).toList(); }

    static String summary(List<Run> runs) {
        List<Double> ms = times(runs);
        List<Double> cpu = runs.stream().map(Run::cpuMs).toList();
        return String.format("median %.0f ms, p90 %.0f ms (min %.0f, max %.0f); CPU by then median %.0f ms",
                median(ms), p90(ms), Collections.min(ms), Collections.max(ms), median(cpu));
    }

    static double median(List<Double> values) { return nearestRank(values, 0.5); }

    static double p90(List<Double> values) { return nearestRank(values, 0.9); }

    static double nearestRank(List<Double> values, double q) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.max(0, (int) Math.ceil(q * sorted.size()) - 1));
    }
}
