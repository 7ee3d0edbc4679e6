package nl.samenspraak.app;

import nl.samenspraak.db.Backups;
import nl.samenspraak.transcript.MediaService;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** {@code backup --db FILE --to FILE} and {@code restore --from FILE --db FILE}: docs/backups.md. */
final class BackupCommand {
    private BackupCommand() {}

    static final String BACKUP_HELP = """
            Usage: java -jar samenspraak.jar backup --db FILE --to FILE

            Writes a consistent copy of the database to FILE (SQLite's VACUUM INTO: everything committed
            before it began; the server may keep running and saving), and the recordings it lists into
            FILE.media/ (hard links where the disk allows, else copies). FILE must not exist yet.""";

    static final String RESTORE_HELP = """
            Usage: java -jar samenspraak.jar restore --from FILE --db FILE

            Puts the backup FILE (and FILE.media/, when there) in place of the database and its recordings
            folder. Stop the server first: a database in use is refused. The backup is checked (PRAGMA
            integrity_check) before anything is replaced; what was there is kept as <name>.before-restore-<time>.""";

    static int backup(List<String> args, PrintStream out, PrintStream err) {
        if (args.contains("--help")) { out.println(BACKUP_HELP); return 0; }
        return run(() -> {
            Flags flags = Flags.parse(args, List.of("--db", "--to"), List.of());
            Path db = sqliteFile(flags.required("--db"));
            Backups.Result r = Backups.backup(db, MediaService.folderFor(db), Path.of(flags.required("--to")));
            out.printf("Backed up %s to %s (%.1f MiB) with %d recording(s) in %s.%n", db, r.database(), r.bytes() / 1048576.0, r.recordings(), r.media());
            r.problems().forEach(p -> out.println("Not taken along: " + p + "."));
        }, BACKUP_HELP, err);
    }

    static int restore(List<String> args, PrintStream out, PrintStream err) {
        if (args.contains("--help")) { out.println(RESTORE_HELP); return 0; }
        return run(() -> {
            Flags flags = Flags.parse(args, List.of("--from", "--db"), List.of());
            Path db = sqliteFile(flags.required("--db"));
            Backups.Result r = Backups.restore(Path.of(flags.required("--from")), db, MediaService.folderFor(db), BackupSchedule.stamp());
            out.printf("Restored %s from %s with %d recording(s); what was there before is kept beside it as *.before-restore-*.%n",
                    r.database(), flags.required("--from"), r.recordings());
        }, RESTORE_HELP, err);
    }

    private static int run(Runnable work, String help, PrintStream err) {
        try {
            work.run();
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + "\n" + help);
            return 2;
        } catch (IllegalStateException | UncheckedIOException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    /** Backups copy a SQLite file; a PostgreSQL database is backed up with its own tools. */
    private static Path sqliteFile(String db) {
        if (nl.samenspraak.db.Store.isUrl(db)) {
            throw new IllegalArgumentException("--db: backup and restore copy a SQLite file; back a PostgreSQL database up with its own tools (pg_dump, pg_restore) and copy its media folder.");
        }
        return Path.of(db);
    }
}
