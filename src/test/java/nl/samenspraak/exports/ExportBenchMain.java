package nl.samenspraak.exports;

import nl.samenspraak.account.Access;
import nl.samenspraak.account.AccountService;
import nl.samenspraak.account.Role;
import nl.samenspraak.account.User;
import nl.samenspraak.codebook.CodebookService;
import nl.samenspraak.db.Database;
import nl.samenspraak.db.Writes;
import nl.samenspraak.project.ProjectCodebooks;
import nl.samenspraak.reliability.ReliabilityService;
import nl.samenspraak.report.ProjectReader;
import nl.samenspraak.report.ReportService;
import nl.samenspraak.report.Scope;
import nl.samenspraak.report.Selection;
import nl.samenspraak.spreadsheet.CsvTables;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one export (or the reliability) of the bench database in its own JVM, so that -Xmx is real;
 * prints one line: {@code RESULT task=... seconds=... processCpuSeconds=... peakHeapPoolsMB=... rows=... bytes=...}
 * (processCpuSeconds: CPU time of the whole JVM during the export, every thread, JIT and GC included).
 * Arguments: DB (a SQLite file or a PostgreSQL URL, as serve's --db) TASK(xlsx|units.csv|reliability|qdpx) OUT-FILE BOOTSTRAP.
 */
public final class ExportBenchMain {
    private ExportBenchMain() {}

    public static void main(String[] args) throws Exception {
        nl.samenspraak.db.Store db = nl.samenspraak.db.Store.forCommand(args[0]);
        String task = args[1];
        Path out = Path.of(args[2]);
        int bootstrap = Integer.parseInt(args[3]);
        var jdbi = Database.open(db);
        Writes writes = new Writes(jdbi);
        AccountService accounts = new AccountService(jdbi, writes);
        Access access = new Access(accounts, jdbi);
        CodebookService codebooks = new CodebookService(jdbi, writes);
        ProjectReader reader = new ProjectReader(jdbi, new ProjectCodebooks(jdbi, codebooks));
        ReportService reports = new ReportService(reader, access);
        ReliabilityService reliability = new ReliabilityService(reader, access);
        ExecutorService work = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "export-work");
            t.setDaemon(true);
            return t;
        });
        ExportService exports = new ExportService(reader, access, reports, reliability, work);

        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        AtomicLong rows = new AtomicLong();
        String extra = "";
        if (task.equals("qdpx")) {
            // The REFI-QDA project, as GET .../export.qdpx writes it (straight to the stream); rows: none counted.
            var file = new QdpxExport(jdbi, access, new ProjectCodebooks(jdbi, codebooks)).prepare(new User(0, "bench", Role.ADMIN, null), 1, "en");
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
                file.content().writeTo(o);
            }
        } else {
            Scope scope = reader.scope(reader.project(1), new Selection(List.of(), List.of(), bootstrap, 1, "en"));
            if (task.equals("reliability")) {
                var r = reliability.compute(scope);
                var alpha = r.dimensions().stream().filter(d -> d.dimension().equals("step")).findFirst().orElseThrow().result();
                extra = " units=" + alpha.units() + " coders=" + alpha.coders().size() + " alpha=" + alpha.coefficients().stream()
                        .filter(c -> c.key().equals("krippendorff_alpha")).findFirst().orElseThrow().value();
            } else {
                var prepared = exports.prepare(scope, ExportFormat.parse(task), CsvTables.Dialect.STANDARD);
                try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
                    exports.write(prepared, o, rows);
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        }
        double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
        System.out.printf("RESULT task=%s seconds=%.2f processCpuSeconds=%.2f peakHeapPoolsMB=%.1f maxHeapMB=%.0f rows=%d bytes=%d%s%n", task, seconds, cpu, peak / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576.0, rows.get(), Files.exists(out) ? Files.size(out) : 0, extra);
    }
}
