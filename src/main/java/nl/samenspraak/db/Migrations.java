package nl.samenspraak.db;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies {@code db/migration/V###__name.sql} in order, each in its own transaction, and records
 * it in {@code schema_migrations}. Migrations are listed in {@code db/migration/index.txt} because a
 * class-path folder cannot be listed portably from inside a jar. One query tells which are applied, so
 * a start on a migrated database costs that query; plain JDBC, so that the start's own thread can run
 * it while the rest of the app (Jdbi among it) is still being built.
 *
 * <p>PostgreSQL runs the same numbered migrations. Where its dialect differs, the difference is visible in one of
 * two places: a file of the same name in {@code db/migration/postgresql/} replaces the migration (only those whose
 * triggers or collations must be written differently), and every other migration passes through
 * {@link #forPostgres}, three word-for-word rewrites of column types. {@code MigrationsBothStoresTest} holds both
 * stores to the same versions, tables and columns.
 */
public final class Migrations {
    private Migrations() {}

    private static final String TABLE = """
            CREATE TABLE IF NOT EXISTS schema_migrations (
              version INTEGER PRIMARY KEY,
              name TEXT NOT NULL,
              applied_at TEXT NOT NULL)""";

    public static void apply(DataSource database) {
        Connection opened;
        try {
            opened = database.getConnection();
        } catch (SQLException | RuntimeException e) { // the pool's own failure to start is a RuntimeException around the driver's
            throw new Database.Unavailable("Cannot open the database: " + firstLine(e), e);
        }
        try (Connection c = opened) {
            apply(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot migrate the database: " + e.getMessage(), e);
        }
    }

    /** A driver's message without the lines of detail some add; wrapped causes unwrapped (the pool wraps the driver's). */
    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root && root.getMessage() != null
                && root.getCause().getMessage() != null && root.getMessage().contains(root.getCause().getMessage())) root = root.getCause();
        String m = root.getMessage() == null ? root.toString() : root.getMessage();
        return m.lines().findFirst().orElse(m).strip();
    }

    private static void apply(Connection c) throws SQLException {
        boolean postgres = Database.isPostgres(c);
        if (!postgres) {
            migrate(c, false);
            return;
        }
        // Two servers starting on one PostgreSQL database at once: the second waits here for the first to finish, then
        // finds every migration applied (SQLite's first write takes its one lock instead).
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + LOCK + ")");
        }
        try {
            migrate(c, true);
        } finally {
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_unlock(" + LOCK + ")");
            }
        }
    }

    /** The advisory lock key of a migration run on PostgreSQL (postgresql/V015 uses another for code_changes). */
    private static final long LOCK = 715_000;

    private static void migrate(Connection c, boolean postgres) throws SQLException {
        Set<Integer> applied = new HashSet<>();
        try (Statement s = c.createStatement()) {
            s.executeUpdate(TABLE);
            try (ResultSet rs = s.executeQuery("SELECT version FROM schema_migrations")) {
                while (rs.next()) applied.add(rs.getInt(1));
            }
        }
        for (String name : index()) {
            int version = Integer.parseInt(name.substring(1, name.indexOf("__")));
            if (applied.contains(version)) continue;
            String sql = postgres ? postgresSql(name) : read("db/migration/" + name);
            c.setAutoCommit(false);
            try {
                // sqlite3_exec runs the whole file, trigger bodies included (a script splitter would cut a
                // CREATE TRIGGER at the first semicolon inside BEGIN ... END); PostgreSQL's driver runs the
                // statements of a script in turn, dollar-quoted function bodies whole.
                try (Statement statement = c.createStatement()) {
                    if (postgres) statement.execute(sql);
                    else statement.executeUpdate(sql);
                } catch (SQLException e) {
                    throw new IllegalStateException("Migration " + name + " failed: " + e.getMessage(), e);
                }
                try (PreparedStatement record = c.prepareStatement("INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?)")) {
                    record.setInt(1, version);
                    record.setString(2, name);
                    record.setString(3, Instant.now().toString());
                    record.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** The PostgreSQL text of a migration: its own file where the dialect needs one, else the shared file rewritten. */
    static String postgresSql(String name) {
        String own = "db/migration/postgresql/" + name;
        if (Migrations.class.getClassLoader().getResource(own) != null) return read(own);
        return forPostgres(read("db/migration/" + name));
    }

    /**
     * The only rewrites of a shared migration for PostgreSQL: a row id that SQLite numbers itself becomes an
     * identity column; REAL (PostgreSQL's is 4 bytes) becomes DOUBLE PRECISION (SQLite's 8); BLOB becomes BYTEA.
     */
    static String forPostgres(String sql) {
        return sql.replaceAll("(?m)^(\\s*)id(\\s+)INTEGER PRIMARY KEY\\b", "$1id$2INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY")
                .replaceAll("\\bREAL\\b", "DOUBLE PRECISION")
                .replaceAll("\\bBLOB\\b", "BYTEA");
    }

    static List<String> index() {
        List<String> names = new ArrayList<>();
        for (String line : read("db/migration/index.txt").split("\\R")) {
            if (!line.isBlank() && !line.startsWith("#")) names.add(line.trim());
        }
        names.sort(null);
        return names;
    }

    private static String read(String resource) {
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("Missing migration resource " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + resource, e);
        }
    }
}
