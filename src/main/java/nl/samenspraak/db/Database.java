package nl.samenspraak.db;

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
     * a few rows before it writes and opening a SQLite connection per query is measurable. Migrated.
     */
    public static Pooled openPooled(Path file) {
        Pooled db = over(pool(file));
        try {
            Migrations.apply(db.pool());
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    /**
     * The pool, not yet opened: it makes its first connection when first asked, and nothing is migrated.
     * A start opens and migrates it ({@link Migrations#apply}) on its own thread while the rest of the app
     * is built over it ({@link #over}), and serves nothing that reads the database until that is done.
     */
    public static HikariDataSource pool(Path file) {
        HikariDataSource pool = new HikariDataSource();
        pool.setDataSource(dataSource(file));
        pool.setMaximumPoolSize(POOL_SIZE);
        pool.setPoolName("sqlite");
        return pool;
    }

    /** Jdbi over a pool; reads nothing. */
    public static Pooled over(HikariDataSource pool) {
        return new Pooled(configure(Jdbi.create(pool)), pool);
    }

    /** The database for a command-line run: one connection per use, nothing to close. Migrated. */
    public static Jdbi open(Path file) {
        SQLiteDataSource ds = dataSource(file);
        Migrations.apply(ds);
        return configure(Jdbi.create(ds));
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
        return jdbi;
    }
}
