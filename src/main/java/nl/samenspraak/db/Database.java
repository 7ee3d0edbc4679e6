package nl.samenspraak.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens the SQLite file with the settings every connection needs (WAL, foreign keys, a busy
 * timeout) and applies the numbered migrations. One {@link Jdbi} per app, passed down; never static.
 */
public final class Database {
    /** How long a writer waits for the one SQLite write lock before giving up. */
    static final int BUSY_TIMEOUT_MS = 10_000;
    /** Readers run in parallel under WAL; writers queue in {@link Writes}, so a few connections suffice. */
    static final int POOL_SIZE = 8;

    private Database() {}

    /** A pooled database for the server; close it when the server stops. */
    public record Pooled(Jdbi jdbi, HikariDataSource pool) implements AutoCloseable {
        @Override
        public void close() { pool.close(); }
    }

    /**
     * The server's database: the same settings behind a small connection pool, since a save reads
     * a few rows before it writes and opening a SQLite connection per query is measurable.
     */
    public static Pooled openPooled(Path file) {
        HikariConfig hc = new HikariConfig();
        hc.setDataSource(dataSource(file));
        hc.setMaximumPoolSize(POOL_SIZE);
        hc.setPoolName("sqlite");
        HikariDataSource pool = new HikariDataSource(hc);
        return new Pooled(configure(Jdbi.create(pool)), pool);
    }

    /** The database for a command-line run: one connection per use, nothing to close. */
    public static Jdbi open(Path file) {
        return configure(Jdbi.create(dataSource(file)));
    }

    private static SQLiteDataSource dataSource(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the folder for " + file, e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        // FULL, not NORMAL: an acknowledged code must survive a power cut, not only a crash.
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return ds;
    }

    private static Jdbi configure(Jdbi jdbi) {
        jdbi.installPlugin(new SqlObjectPlugin());
        jdbi.registerColumnMapper(new EnumKeys());
        Migrations.apply(jdbi);
        return jdbi;
    }
}
