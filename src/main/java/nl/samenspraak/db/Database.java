package nl.samenspraak.db;

import com.zaxxer.hikari.HikariDataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.sqlite.SQLiteConfig;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

import javax.sql.DataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Opens the SQLite file with the settings every connection needs (WAL, foreign keys, a busy
 * timeout), or a PostgreSQL database ({@link Store}), and applies the numbered migrations. One
 * {@link Jdbi} per app, passed down; never static.
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
        return openPooled(Store.sqlite(file));
    }

    /** {@link #openPooled(Path)} on either store. */
    public static Pooled openPooled(Store store) {
        Pooled db = over(pool(store));
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
        return pool(Store.sqlite(file));
    }

    /** {@link #pool(Path)} on either store. */
    public static HikariDataSource pool(Store store) {
        HikariDataSource pool = new HikariDataSource();
        pool.setDataSource(dataSource(store));
        pool.setMaximumPoolSize(POOL_SIZE);
        pool.setPoolName(store.postgres() ? "postgresql" : "sqlite");
        return pool;
    }

    /** Jdbi over a pool; reads nothing. */
    public static Pooled over(HikariDataSource pool) {
        return new Pooled(configure(Jdbi.create(pool)), pool);
    }

    /** The database for a command-line run: one connection per use, nothing to close. Migrated. */
    public static Jdbi open(Path file) {
        return open(Store.sqlite(file));
    }

    /** {@link #open(Path)} on either store. */
    public static Jdbi open(Store store) {
        DataSource ds = dataSource(store);
        Migrations.apply(ds);
        return configure(Jdbi.create(ds));
    }

    /** The data source without a pool (a command-line run, a test that checks what is stored). */
    public static DataSource dataSource(Store store) {
        return store.postgres() ? postgres(store) : dataSource(store.file());
    }

    /**
     * A PostgreSQL database: the driver's own data source. A wrong URL, wrong credentials or a server that
     * cannot be reached fail at the first connection, which {@link Migrations#apply} turns into {@link Unavailable}.
     */
    private static DataSource postgres(Store store) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(store.jdbcUrl());
        if (store.user() != null) ds.setUser(store.user());
        if (store.password() != null) ds.setPassword(store.password());
        ds.setConnectTimeout(10);
        ds.setApplicationName("samenspraak");
        // No parallel workers for the app's queries: they walk one transcript by its index (the export's per-transcript
        // cursors, the code cache's reads), where starting a worker process costs more than the query (the export's
        // codes of a 2,000-unit transcript: 33 ms with a worker, 7 ms without; BENCHMARKS.md, export on PostgreSQL).
        ds.setOptions("-c max_parallel_workers_per_gather=0");
        return ds;
    }

    /** Whether a connection is to PostgreSQL (the few statements that differ by store branch on it). */
    public static boolean isPostgres(Connection c) {
        try {
            return c.getMetaData().getURL().startsWith("jdbc:postgresql:");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@link #isPostgres(Connection)} of a handle's connection. */
    public static boolean isPostgres(Handle h) {
        return isPostgres(h.getConnection());
    }

    /** {@link #isPostgres(Connection)} of the database behind a Jdbi. */
    public static boolean isPostgres(Jdbi jdbi) {
        return jdbi.withHandle(Database::isPostgres);
    }

    /**
     * Begins a read transaction on a handle in auto-commit: one snapshot for every query until COMMIT, and no write lock
     * (SQLite: DEFERRED, where the app's connections otherwise begin IMMEDIATE; PostgreSQL: REPEATABLE READ, whose
     * snapshot is taken at the first query, where its default would take one per statement).
     */
    public static void beginRead(Handle h) {
        h.execute(isPostgres(h) ? "BEGIN ISOLATION LEVEL REPEATABLE READ" : "BEGIN DEFERRED");
    }

    /**
     * The database could not be opened at all (no server there, wrong credentials, no such database): a user's error,
     * one line and exit code 2 from every command (an {@link IllegalArgumentException}, as the commands' other bad input).
     */
    public static final class Unavailable extends IllegalArgumentException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
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
        jdbi.registerArgument(new IntegerBooleans());
        return jdbi;
    }
}
