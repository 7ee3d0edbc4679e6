package nl.samenspraak.app;

import nl.samenspraak.db.Database;
import nl.samenspraak.db.StudyCopy;
import nl.samenspraak.transcript.MediaService;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

/**
 * {@code migrate --from FILE.db --to TARGET}: a study moved from its SQLite file to another database (README,
 * "Running on PostgreSQL"). The target is migrated to the same version and must be empty; the copy is checked
 * (row counts, the change log) before it is committed ({@link StudyCopy}). Recordings stay files: the rows that
 * name them are copied, and the command says which folder the server on the target must be given.
 */
final class MigrateCommand {
    private MigrateCommand() {}

    static final String HELP = """
            Usage: java -jar samenspraak.jar migrate --from FILE.db --to TARGET

            Copies a whole study (every table, ids kept, the recordings' references) from the SQLite file
            FILE.db into TARGET, a new SQLite file or an empty PostgreSQL database. TARGET is migrated first
            and must hold nothing; the copy is checked (the row count of every table, and the change log row
            for row) before it is committed, so a failed migrate leaves TARGET as it was. Stop the server on
            FILE.db first, or changes made during the copy are not taken along.""";

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.contains("--help")) { out.println(HELP); return 0; }
        try {
            Flags flags = Flags.parse(args, List.of("--from", "--to"), List.of());
            Path from = Path.of(flags.required("--from"));
            String to = flags.required("--to");
            if (!Files.isRegularFile(from)) throw new IllegalArgumentException("--from: " + from + " is not a file.");
            if (Path.of(to).toAbsolutePath().normalize().equals(from.toAbsolutePath().normalize())) {
                throw new IllegalArgumentException("--to names the same file as --from.");
            }
            Jdbi source = Database.open(from);
            Jdbi target = Database.open(Path.of(to));
            StudyCopy.Result r;
            try (Handle s = source.open(); Handle t = target.open()) {
                r = StudyCopy.copy(s.getConnection(), t.getConnection());
            }
            out.printf("Copied %,d row(s) in %d table(s) from %s to %s; checked: every table's row count, and the change log (SHA-256 %s).%n",
                    r.total(), r.rows().size(), from, to, r.changeLogDigest().substring(0, 16));
            r.rows().forEach((table, n) -> { if (n > 0) out.printf("  %-28s %,d%n", table, n); });
            long recordings = r.rows().getOrDefault("media", 0L);
            if (recordings > 0) {
                out.printf("The %,d recording(s) stay in %s: give the server on the target that folder.%n", recordings, MediaService.folderFor(from));
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + "\n" + HELP);
            return 2;
        } catch (SQLException | IllegalStateException e) {
            err.println("migrate failed, nothing was committed to the target: " + e.getMessage());
            return 1;
        }
    }
}
