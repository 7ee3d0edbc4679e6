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
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * How long {@code serve} takes on an existing database (migrated, with users and a project), from the process's
 * start to the first 200 from {@code /api/health}, side by side with a bare Javalin hello world
 * ({@link HelloHealth}, one route) run by the same JVM from the same jar. Four commands take turns (the order
 * turns every round), after warm-up runs that are not counted, so that a busy machine slows all alike:
 * <ol>
 * <li>{@code ./samenspraak serve --db FILE --no-demo --port P}, the launcher script as the README starts the
 * server (the class-data-sharing archive that {@code mvn package} wrote beside the jar);</li>
 * <li>the hello world, plain {@code java -cp};</li>
 * <li>the hello world with a class-data archive of its own (made by one run with {@code -XX:ArchiveClassesAtExit}
 * before the warm-ups), so that the comparison with (1) is like for like;</li>
 * <li>{@code java -jar target/samenspraak.jar serve ...}, the plain jar.</li>
 * </ol>
 * The probe opens a new connection every 5 ms while the port is closed, and every 20 ms while the server answers
 * "starting". It prints each one's median and p90, the ratios (issue 13 asks for at most 1.5x), and the CPU
 * time the process had used by then (Linux); no time is asserted.
 * Run: {@code mvn -B -q package -DskipTests && mvn -B -Pbench test -Dtest=StartupBench}
 * ({@code -Dstartup.runs=15 -Dstartup.warmups=2}; {@code -Dstartup.jvm="-Xshare:off"} adds JVM options to (2)-(4);
 * {@code -Dstartup.jar=PATH} measures another build's jar as (4), an earlier commit's say).
 */
@Tag("bench")
class StartupBench {
    static final Path BUILT = Path.of("target", "samenspraak.jar");
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
        Path built = requireFreshJar();
        Path jar = System.getProperty("startup.jar") == null ? built : Path.of(System.getProperty("startup.jar"));
        int runs = Integer.getInteger("startup.runs", 15);
        int warmups = Integer.getInteger("startup.warmups", 2);
        List<String> jvm = Stream.of(System.getProperty("startup.jvm", "").split("\\s+")).filter(s -> !s.isBlank()).toList();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path db = existingDatabase(java, built);
        Path hello = helloJar();
        Path helloArchive = dir.resolve("hello.jsa");
        {
            int port = freePort();
            measure(hello(java, jvm, List.of("-XX:ArchiveClassesAtExit=" + helloArchive), built, hello, port), port, false);
            for (int i = 0; i < 100 && !Files.exists(helloArchive); i++) Thread.sleep(100); // written as the process exits
            if (!Files.exists(helloArchive)) throw new AssertionError("the hello world's class-data archive was not written");
        }
        String[] names = {"serve, ./samenspraak (archive)", "hello world, java", "hello world, java + own archive", "serve, java -jar"};
        System.out.printf("%n[StartupBench] %s; %d cores, %s, load average %s, JVM options %s; %d warm-up and %d counted runs each%n", jar,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"), loadAverage(), jvm, warmups, runs);
        List<List<Run>> results = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < warmups + runs; i++) {
            for (int k = 0; k < 4; k++) {
                int side = i % 2 == 0 ? k : 3 - k;
                int port = freePort();
                List<String> command = switch (side) {
                    case 0 -> List.of("bash", LAUNCHER.toAbsolutePath().toString(), "serve", "--db", db.toString(), "--no-demo", "--port", String.valueOf(port));
                    case 1 -> hello(java, jvm, List.of(), built, hello, port);
                    case 2 -> hello(java, jvm, List.of("-XX:SharedArchiveFile=" + helloArchive), built, hello, port);
                    default -> serve(java, jvm, jar, db, port);
                };
                Run run = measure(command, port, side == 0 || side == 3);
                if (i >= warmups) results.get(side).add(run);
            }
        }
        System.out.printf("[StartupBench] load average at the end %s%n", loadAverage());
        for (int k = 0; k < 4; k++) System.out.printf("  (%d) %-34s %s%n", k + 1, names[k] + ":", summary(results.get(k)));
        System.out.printf("  ratio (1) serve by the launcher / (2) hello world:              %s%n", ratio(results.get(0), results.get(1)));
        System.out.printf("  ratio (1) serve by the launcher / (3) hello world with archive: %s%n", ratio(results.get(0), results.get(2)));
        System.out.printf("  ratio (4) serve by java -jar / (2) hello world:                 %s%n", ratio(results.get(3), results.get(1)));
    }

    static final Path LAUNCHER = Path.of("samenspraak");

    static String ratio(List<Run> a, List<Run> b) {
        return String.format("median %.2f, p90 %.2f", median(times(a)) / median(times(b)), p90(times(a)) / p90(times(b)));
    }

    static List<String> serve(String java, List<String> jvm, Path jar, Path db, int port) {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvm);
        command.addAll(List.of("-jar", jar.toString(), "serve", "--db", db.toString(), "--no-demo", "--port", String.valueOf(port)));
        return command;
    }

    static List<String> hello(String java, List<String> jvm, List<String> extra, Path jar, Path hello, int port) {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvm);
        command.addAll(extra);
        command.addAll(List.of("-cp", jar + File.pathSeparator + hello, HelloHealth.class.getName(), String.valueOf(port)));
        return command;
    }

    /** {@link HelloHealth} in a jar of its own: a class-data archive takes no class folders on the class path. */
    Path helloJar() throws IOException {
        Path hello = dir.resolve("hello.jar");
        String name = HelloHealth.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(hello));
             InputStream in = HelloHealth.class.getClassLoader().getResourceAsStream(name)) {
            out.putNextEntry(new JarEntry(name));
            in.transferTo(out);
            out.closeEntry();
        }
        return hello;
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
        Path archive = Path.of("target", "samenspraak.jsa");
        if (!Files.exists(archive) || Files.getLastModifiedTime(archive).compareTo(jar) < 0) {
            throw new AssertionError(archive + " is missing or older than the jar: run mvn -B -q package -DskipTests (without -Dcds.skip).");
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
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home")); // the launcher's java: this one
        Process p = builder.start();
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
