package nl.samenspraak.exports;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Export and reliability at scale, each in a child JVM with -Xmx256m so the heap limit is real. Peak heap
 * is reported twice: the sum of the heap pools' peaks (MemoryMXBean; an upper bound, as pools peak at
 * different times) and the largest heap occupancy before a collection in the GC log (-Xlog:gc).
 * Run: mvn -B -Pbench test -Dtest=ExportBench ; figures go to target/bench-export.txt. One test alone, e.g. the
 * REFI-QDA project: mvn -B -Pbench test -Dtest='ExportBench#qdpx*' (each test builds its own database).
 */
@Tag("bench")
class ExportBench {
    static final Path WORK = Path.of("target", "bench-export");

    @Test
    void xlsx_export_of_a_million_coded_units_with_256_mb_of_heap() throws Exception {
        Path db = WORK.resolve("million-codes.db");
        long codes = ensure(db, 200, 2000, 2, true);
        List<String> lines = new ArrayList<>();
        lines.add("database: 200 transcripts x 2000 units, coders 1-2 code all, coder 3 every other transcript: " + codes + " codes");
        String at = onTestStore(db, lines);
        for (int i = 0; i < 3; i++) lines.add(run(at, "xlsx", "million.xlsx", 1000));
        lines.add(run(at, "xlsx", "million-64m.xlsx", 1000, "-Xmx64m"));
        lines.add(run(at, "units.csv", "million-units.csv", 0));
        lines.add(run(at, "reliability", "none", 1000));
        try (ZipFile zip = new ZipFile(WORK.resolve("million.xlsx").toFile())) {
            assertThat(zip.getEntry("xl/worksheets/sheet1.xml")).isNotNull();
            assertThat(zip.getEntry("xl/workbook.xml")).isNotNull();
        }
        report(lines);
    }

    @Test
    void reliability_of_a_million_units_by_three_coders_with_256_mb_of_heap() throws Exception {
        Path db = WORK.resolve("million-units.db");
        long codes = ensure(db, 500, 2000, 3, false);
        List<String> lines = new ArrayList<>();
        lines.add("database: 500 transcripts x 2000 units, 3 coders code all: " + codes + " codes");
        String at = onTestStore(db, lines);
        for (int i = 0; i < 2; i++) lines.add(run(at, "reliability", "none", 1000));
        lines.add(run(at, "xlsx", "three-million.xlsx", 1000));
        report(lines);
    }

    @Test
    void qdpx_export_of_a_million_units_by_three_coders_with_256_mb_of_heap() throws Exception {
        Path db = WORK.resolve("million-units-qdpx.db");
        long codes = ensure(db, 500, 2000, 3, false);
        List<String> lines = new ArrayList<>();
        lines.add("database: 500 transcripts x 2000 units, 3 coders code all: " + codes + " codes");
        lines.add(run(onTestStore(db, lines), "qdpx", "million.qdpx", 0));
        try (ZipFile zip = new ZipFile(WORK.resolve("million.qdpx").toFile())) {
            assertThat(zip.size()).isEqualTo(501);
            assertThat(zip.getEntry("project.qde")).isNotNull();
        }
        report(lines);
    }

    private static long ensure(Path db, int transcripts, int units, int full, boolean partial) throws Exception {
        Files.createDirectories(WORK);
        Files.deleteIfExists(db);
        Files.deleteIfExists(Path.of(db + "-wal"));
        Files.deleteIfExists(Path.of(db + "-shm"));
        long t = System.nanoTime();
        long codes = BenchDatabase.build(db, transcripts, units, full, partial);
        System.out.printf("built %s in %.1f s%n", db, (System.nanoTime() - t) / 1e9);
        return codes;
    }

    /**
     * Where the child JVM reads the study: the SQLite file; or on PostgreSQL (-Dstore=postgresql -Dstore.url=URL of
     * {@code .ci/postgres start}) a new database of that cluster, the file copied into it by the {@code migrate} command.
     */
    private static String onTestStore(Path db, List<String> lines) throws IOException {
        if (!nl.samenspraak.support.TestStores.postgres()) return db.toString();
        long t = System.nanoTime();
        String argument = nl.samenspraak.support.TestStores.migratedFrom(db, WORK.resolve("postgresql").resolve(db.getFileName()));
        lines.add(String.format("on PostgreSQL: copied into a new database by migrate in %.1f s", (System.nanoTime() - t) / 1e9));
        return argument;
    }

    private static String run(String db, String task, String out, int bootstrap) throws IOException, InterruptedException {
        return run(db, task, out, bootstrap, "-Xmx256m");
    }

    /** Runs the task in a child JVM with the given heap limit. */
    private static String run(String db, String task, String out, int bootstrap, String heap) throws IOException, InterruptedException {
        Path gc = WORK.resolve(task + "-gc.log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), heap,
                "-Xlog:gc:file=" + gc, "-cp", System.getProperty("java.class.path"), ExportBenchMain.class.getName(),
                db, task, WORK.resolve(out).toString(), String.valueOf(bootstrap));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        assertThat(exit).as(output).isZero();
        String result = output.lines().filter(l -> l.startsWith("RESULT")).findFirst().orElseThrow(() -> new AssertionError(output));
        return result + " maxHeapBeforeGcMB=" + maxBeforeGc(gc) + " maxHeapAfterGcMB=" + maxAfterGc(gc) + " (java " + heap + ")";
    }

    /** The largest "N M->" in lines like "Pause Young (Normal) (G1 Evacuation Pause) 150M->20M(256M)". */
    static long maxBeforeGc(Path log) throws IOException {
        Matcher m = Pattern.compile("(\\d+)M->(\\d+)M").matcher(Files.readString(log));
        long max = 0;
        while (m.find()) max = Math.max(max, Long.parseLong(m.group(1)));
        return max;
    }

    /** The largest "M" in "N->M": the most heap still live after a collection. */
    static long maxAfterGc(Path log) throws IOException {
        Matcher m = Pattern.compile("(\\d+)M->(\\d+)M").matcher(Files.readString(log));
        long max = 0;
        while (m.find()) max = Math.max(max, Long.parseLong(m.group(2)));
        return max;
    }

    private static void report(List<String> lines) throws IOException {
        lines.add(0, "load average before: " + Files.readString(Path.of("/proc/loadavg")).trim());
        lines.forEach(System.out::println);
        Files.write(WORK.resolve("results.txt"), lines, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }
}
