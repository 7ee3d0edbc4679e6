package nl.samenspraak.support;

import nl.samenspraak.db.Database;
import nl.samenspraak.db.Store;
import org.junit.jupiter.api.Assumptions;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Which store the tests run on. By default SQLite, a file in the test's temp folder. With
 * {@code -Dstore=postgresql -Dstore.url=postgresql://USER@HOST:PORT/postgres} (a cluster that
 * {@code .ci/postgres start} made) every {@link TestApp} gets a new PostgreSQL database of its own on that
 * cluster in place of its SQLite file, its recordings in the temp folder where they would lie beside the file.
 * As a file outlives the app that made it until its temp folder is removed (a test that restarts on an existing
 * database opens a second app on the same file), so does the database: one per file path, dropped once its app
 * has closed and its temp folder is gone (looked at whenever another is made, and at the end of the run).
 */
public final class TestStores {
    private TestStores() {}

    public static boolean postgres() {
        return "postgresql".equals(System.getProperty("store"));
    }

    /** Skips a test that is about the SQLite file itself (its backups, a crash of the file, a small disk). */
    public static void assumeSqlite(String reason) {
        Assumptions.assumeFalse(postgres(), "SQLite only: " + reason);
    }

    /** The databases made, by the absolute path of the file each stands for, and whether an app still has it open. */
    private static final Map<Path, Made> MADE = new HashMap<>();
    private record Made(Store store, boolean closed) {}

    static {
        if (postgres()) Runtime.getRuntime().addShutdownHook(new Thread(() -> sweep(true)));
    }

    /**
     * The store a test app runs on: the SQLite file, or on PostgreSQL the database that stands for that file, made
     * now when the file's app was not started before; recordings beside {@code file}.
     */
    public static synchronized Store fresh(Path file) {
        if (!postgres()) return Store.sqlite(file);
        sweep(false);
        Path key = file.toAbsolutePath().normalize();
        Made made = MADE.get(key);
        if (made != null) {
            MADE.put(key, new Made(made.store(), false));
            return made.store();
        }
        String name = newName("t_");
        admin("CREATE DATABASE " + name + " TEMPLATE " + migrated());
        Store store = cluster().withDatabase(name, Store.sqlite(file).media());
        MADE.put(key, new Made(store, false));
        return store;
    }

    /** The database every new one is copied from, made and migrated at the first ask; dropped at the end of the run. */
    private static String template;

    /**
     * A database of the cluster with every migration applied, as a template: a copy of it is what a new database
     * would be after its app's migrations, made by PostgreSQL's file copy instead of running them again (a PostgreSQL
     * {@code TestApp} started in 270-450 ms, from the template in 210-300 ms; docs/testing.md). The app still checks the
     * migrations at its start and finds them applied; the template itself is migrated from nothing in every run.
     */
    private static String migrated() {
        if (template == null) {
            String name = newName("t_template_");
            admin("CREATE DATABASE " + name);
            try {
                nl.samenspraak.db.Migrations.apply(Database.dataSource(cluster().withDatabase(name, null)));
            } catch (RuntimeException e) {
                drop(name);
                throw e;
            }
            template = name;
        }
        return template;
    }

    /** A database name of the cluster no other has: {@code prefix} and a random UUID's hex digits. */
    private static String newName(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }

    /** What a command takes as {@code --db} for a store: the file, or the PostgreSQL URL with its user. */
    public static String argument(Store store) {
        if (!store.postgres()) return store.file().toString();
        return store.user() == null ? store.url() : store.url().replace("postgresql://", "postgresql://" + store.user() + "@");
    }

    /**
     * The benchmarks' PostgreSQL study: a new database of the test cluster standing for {@code key} (as {@link #fresh}),
     * with the SQLite study {@code sqlite} copied in by the {@code migrate} command; returns what {@code serve --db} takes.
     */
    public static String migratedFrom(Path sqlite, Path key) throws java.io.IOException {
        Files.createDirectories(key.toAbsolutePath().getParent());
        Store store = fresh(key);
        String argument = argument(store);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(), err = new java.io.ByteArrayOutputStream();
        int code = nl.samenspraak.app.Main.run(java.util.List.of("migrate", "--from", sqlite.toString(), "--to", argument, "--media", store.media().toString()),
                new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8), new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        if (code != 0) throw new IllegalStateException("migrate failed (" + code + "): " + err.toString(java.nio.charset.StandardCharsets.UTF_8));
        return argument;
    }

    /** The app on that store has closed; its database goes when its temp folder has gone. Nothing for SQLite. */
    public static synchronized void closed(Store store) {
        if (!store.postgres()) return;
        MADE.replaceAll((file, made) -> made.store().equals(store) ? new Made(store, true) : made);
    }

    private static synchronized void sweep(boolean all) {
        for (var it = MADE.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (all || (e.getValue().closed() && !Files.exists(e.getKey().getParent()))) {
                String url = e.getValue().store().url();
                drop(url.substring(url.lastIndexOf('/') + 1));
                it.remove();
            }
        }
        if (all && template != null) {
            drop(template);
            template = null;
        }
    }

    private static void drop(String database) {
        try {
            admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (RuntimeException ignored) {
            // the cluster may be gone at the end of a run; a throwaway cluster is removed whole
        }
    }

    private static Store cluster() {
        String url = System.getProperty("store.url");
        if (url == null || url.isBlank()) throw new IllegalStateException("-Dstore=postgresql needs -Dstore.url=postgresql://USER@HOST:PORT/postgres (.ci/postgres start prints it)");
        return Store.parse(url, Map.of(), null);
    }

    private static void admin(String sql) {
        DataSource ds = Database.dataSource(cluster());
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
