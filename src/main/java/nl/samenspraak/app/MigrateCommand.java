package nl.samenspraak.app;

import nl.samenspraak.db.Database;
import nl.samenspraak.db.Store;
import nl.samenspraak.db.StudyCopy;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code migrate --from FILE.db --to TARGET}: a study moved from its SQLite file to another database (README,
 * "Running on PostgreSQL"). The target is migrated to the same version and must be empty; the copy is checked
 * (row counts, the change log) before it is committed ({@link StudyCopy}). Recordings are files: the rows that
 * name them are copied, and the files linked or copied into the folder the target's server uses.
 */
final class MigrateCommand {
    private MigrateCommand() {}

    static final String HELP = """
            Usage: java -jar samenspraak.jar migrate --from FILE.db --to FILE|URL [--media DIR]

            Copies a whole study (every table, ids kept, the recordings' references) from the SQLite file
            FILE.db into a new SQLite file or an empty PostgreSQL database (postgresql://HOST:PORT/NAME; user
            and password in the URL or in SAMENSPRAAK_DB_USER / SAMENSPRAAK_DB_PASSWORD). The target is
            migrated first and must hold nothing; the copy is checked (the row count of every table, and the
            change log row for row) before it is committed, so a failed migrate leaves it as it was. The
            recordings are then linked or copied into the target's folder: beside a SQLite file, or --media DIR
            (or SAMENSPRAAK_MEDIA, default data/media) for PostgreSQL, the folder its server is given. Stop the
            server on FILE.db first, or changes made during the copy are not taken along.""";

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.contains("--help")) { out.println(HELP); return 0; }
        try {
            Flags flags = Flags.parse(args, List.of("--from", "--to", "--media"), List.of());
            Path from = Path.of(flags.required("--from"));
            String to = flags.required("--to");
            if (Store.isUrl(from.toString())) throw new IllegalArgumentException("--from is the SQLite file of the study; " + from + " is a URL.");
            if (!Files.isRegularFile(from)) throw new IllegalArgumentException("--from: " + from + " is not a file.");
            String media = flags.value("--media", "");
            if (!media.isBlank() && !Store.isUrl(to)) throw new IllegalArgumentException("--media is for a PostgreSQL target; a SQLite target keeps its recordings beside its file.");
            Store target = media.isBlank() ? Store.forCommand(to) : Store.parse(to, Path.of(media));
            if (!target.postgres() && target.file().toAbsolutePath().normalize().equals(from.toAbsolutePath().normalize())) {
                throw new IllegalArgumentException("--to names the same file as --from.");
            }
            Store source = Store.sqlite(from);
            Jdbi sourceDb = Database.open(source);
            Jdbi targetDb = Database.open(target);
            StudyCopy.Result r;
            try (Handle s = sourceDb.open(); Handle t = targetDb.open()) {
                r = StudyCopy.copy(s.getConnection(), t.getConnection());
            }
            out.printf("Copied %,d row(s) in %d table(s) from %s to %s; checked: every table's row count, and the change log (SHA-256 %s).%n",
                    r.total(), r.rows().size(), from, target.describe(), r.changeLogDigest().substring(0, 16));
            r.rows().forEach((table, n) -> { if (n > 0) out.printf("  %-28s %,d%n", table, n); });
            if (target.postgres()) {
                // Every row just written is new to PostgreSQL: no statistics for the planner yet, no visibility map, no hint
                // bits, and the code_changes rows the copy's triggers wrote are dead. Done now rather than whenever autovacuum
                // and the first readers get to it: the first whole read of the 1M-unit bench study took 85-92 s without it,
                // 5.5 s after it (BENCHMARKS.md, "Saved copies of the cache").
                long analyzing = System.nanoTime();
                targetDb.useHandle(h -> h.execute("VACUUM ANALYZE"));
                out.printf("Analyzed the target's tables for PostgreSQL's planner in %.1f s.%n", (System.nanoTime() - analyzing) / 1e9);
            }
            long reading = System.nanoTime();
            int saved = saveCodeCaches(targetDb);
            if (saved > 0) out.printf("Read the codes of %d project(s) and saved them for the code cache, so that the server's first start"
                    + " need not, in %.1f s.%n", saved, (System.nanoTime() - reading) / 1e9);
            List<String> problems = new ArrayList<>();
            int recordings = recordings(sourceDb, source.media(), target.media(), problems);
            if (recordings > 0) out.printf("%,d recording(s) linked or copied from %s to %s.%n", recordings, source.media(), target.media());
            problems.forEach(p -> out.println("Not taken along: " + p + "."));
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + "\n" + HELP);
            return 2;
        } catch (SQLException | IllegalStateException | IOException e) {
            err.println("migrate failed: " + e.getMessage() + " Nothing was committed to the target's database.");
            return 1;
        }
    }

    /**
     * Every project's codes read into a code cache and saved in the target (reliability.CodeCache.saveSnapshots), as a
     * server does after its first start: the copy has none of the source's saved copies, which match the source's change
     * log. Returns the copies saved.
     */
    private static int saveCodeCaches(Jdbi db) {
        java.util.concurrent.ExecutorService readers = java.util.concurrent.Executors.newCachedThreadPool();
        try (nl.samenspraak.db.Writes writes = new nl.samenspraak.db.Writes(db)) {
            nl.samenspraak.reliability.CodeCache cache = new nl.samenspraak.reliability.CodeCache(db, readers);
            nl.samenspraak.project.ProjectCodebooks codebooks = new nl.samenspraak.project.ProjectCodebooks(db,
                    new nl.samenspraak.codebook.CodebookService(db, writes));
            cache.warm(id -> codebooks.forProject(id).codebook());
            return cache.saveSnapshots(writes);
        } finally {
            readers.shutdownNow();
        }
    }

    /**
     * The recordings the study names, hard-linked (a stored recording never changes in place) or copied into the
     * target's recordings folder; none when both are the same folder. A missing file is told, not fatal: the rows
     * are the study, and a recording can be put in place by hand.
     */
    private static int recordings(Jdbi source, Path from, Path into, List<String> problems) throws IOException {
        if (from.toAbsolutePath().normalize().equals(into.toAbsolutePath().normalize())) return 0;
        List<Map<String, Object>> rows = source.withHandle(h -> h.createQuery("SELECT stored_name, transcript_id FROM media").mapToMap().list());
        if (rows.isEmpty()) return 0;
        Files.createDirectories(into);
        int n = 0;
        for (Map<String, Object> row : rows) {
            String name = (String) row.get("stored_name");
            Path file = from.resolve(name);
            if (!Files.isRegularFile(file)) {
                problems.add("the recording of transcript " + row.get("transcript_id") + " (" + name + "), missing from " + from);
                continue;
            }
            Path there = into.resolve(name);
            if (Files.exists(there)) {
                if (Files.size(there) != Files.size(file)) problems.add(there + ", which exists already and differs from " + file);
                continue;
            }
            try {
                Files.createLink(there, file);
            } catch (UnsupportedOperationException | IOException acrossDisks) {
                Files.copy(file, there);
            }
            n++;
        }
        return n;
    }
}
