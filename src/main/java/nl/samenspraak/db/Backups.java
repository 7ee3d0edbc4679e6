package nl.samenspraak.db;

import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Backups of a live database and its recordings, and restoring one. The database is copied with
 * {@code VACUUM INTO} (SQLite 3.27+): one read transaction, so the copy is a consistent snapshot of
 * everything committed before it began, and under WAL the server's writers go on while it runs. A copy
 * of the file instead (cp, rsync, a disk snapshot of the folder) can miss what is still in the
 * {@code -wal} file, or catch a page half-written; docs/backups.md says what that loses.
 * The recordings the snapshot lists are hard-linked (a stored recording is never changed in place, so a
 * link is a copy that costs no space) or, across disks, copied into {@code <backup>.media/}.
 */
public final class Backups {
    private Backups() {}

    /** What a backup or restore did; {@code problems} are recordings that could not be taken along. */
    public record Result(Path database, Path media, int recordings, long bytes, List<String> problems) {}

    /** The recordings folder that goes with a backup file. */
    public static Path mediaOf(Path backup) {
        return backup.resolveSibling(backup.getFileName() + ".media");
    }

    public static Result backup(Path database, Path mediaFolder, Path target) {
        if (!Files.isRegularFile(database)) throw new IllegalArgumentException("There is no database at " + database + ".");
        if (Files.exists(target)) throw new IllegalArgumentException(target + " exists already; name a new file for the backup.");
        try {
            Path parent = target.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = parent.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
            try {
                try (Connection c = connect(database, true); Statement s = c.createStatement()) {
                    s.executeUpdate("VACUUM INTO '" + temp.toAbsolutePath().toString().replace("'", "''") + "'");
                }
                requireIntact(temp);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
            List<String> problems = new ArrayList<>();
            int recordings = linkRecordings(target, mediaFolder, mediaOf(target), problems);
            return new Result(target, mediaOf(target), recordings, Files.size(target), problems);
        } catch (IOException e) {
            throw new UncheckedIOException("The backup to " + target + " failed: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("The backup of " + database + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Puts a backup in place of the database (and its recordings in place of the media folder). The
     * server must be stopped: a database still open elsewhere is refused. What was there is kept beside
     * it as {@code <name>.before-restore-<time>}.
     */
    public static Result restore(Path backup, Path database, Path mediaFolder, String stamp) {
        if (!Files.isRegularFile(backup)) throw new IllegalArgumentException("There is no backup at " + backup + ".");
        try {
            requireIntact(backup);
            if (Files.exists(database)) requireUnused(database);
            Path parent = database.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = parent.resolve("." + database.getFileName() + ".restore.tmp");
            Files.copy(backup, temp, StandardCopyOption.REPLACE_EXISTING);
            if (Files.exists(database)) Files.move(database, aside(database, stamp));
            for (String suffix : List.of("-wal", "-shm")) Files.deleteIfExists(database.resolveSibling(database.getFileName() + suffix));
            Files.move(temp, database, StandardCopyOption.ATOMIC_MOVE);
            int recordings = 0;
            if (Files.isDirectory(mediaOf(backup))) {
                if (Files.exists(mediaFolder)) Files.move(mediaFolder, aside(mediaFolder, stamp));
                Files.createDirectories(mediaFolder);
                try (var files = Files.list(mediaOf(backup))) {
                    for (Path f : files.toList()) {
                        Files.copy(f, mediaFolder.resolve(f.getFileName()));
                        recordings++;
                    }
                }
            }
            return new Result(database, mediaFolder, recordings, Files.size(database), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("Restoring " + backup + " failed: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("Restoring " + backup + " failed: " + e.getMessage(), e);
        }
    }

    private static Path aside(Path p, String stamp) {
        return p.resolveSibling(p.getFileName() + ".before-restore-" + stamp);
    }

    /** The recordings the backup's own media table lists, linked or copied; a missing or changed file is a problem, not a failure. */
    private static int linkRecordings(Path backup, Path mediaFolder, Path into, List<String> problems) throws SQLException, IOException {
        List<String[]> rows = new ArrayList<>();
        try (Connection c = connect(backup, true); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT stored_name, size_bytes, transcript_id FROM media")) {
            while (r.next()) rows.add(new String[]{r.getString(1), r.getString(2), r.getString(3)});
        }
        Files.createDirectories(into);
        int n = 0;
        for (String[] row : rows) {
            Path source = mediaFolder.resolve(row[0]);
            if (!Files.isRegularFile(source) || Files.size(source) != Long.parseLong(row[1])) {
                problems.add("the recording of transcript " + row[2] + " (" + row[0] + ") was removed or replaced while the backup ran");
                continue;
            }
            try {
                Files.createLink(into.resolve(row[0]), source);
            } catch (UnsupportedOperationException | IOException notHere) {
                if (notHere instanceof FileAlreadyExistsException) throw (IOException) notHere;
                Files.copy(source, into.resolve(row[0]));
            }
            n++;
        }
        return n;
    }

    static void requireIntact(Path file) throws SQLException {
        try (Connection c = connect(file, true); Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
            String first = r.next() ? r.getString(1) : "no answer";
            if (!"ok".equals(first)) throw new IllegalStateException(file + " is damaged (integrity check: " + first + ").");
        }
    }

    /** Leaving WAL needs the only connection: if another process (the server) has the file open, this fails. */
    private static void requireUnused(Path database) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(1_000);
        try (Connection c = config.createConnection("jdbc:sqlite:" + database.toAbsolutePath()); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("PRAGMA journal_mode=DELETE")) {
                if (!r.next() || !"delete".equalsIgnoreCase(r.getString(1))) throw new SQLException("still in WAL mode");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(database + " is in use (is the server running?); stop the server before restoring.", e);
        }
    }

    private static Connection connect(Path file, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(readOnly);
        config.setBusyTimeout(Database.BUSY_TIMEOUT_MS);
        return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }
}
