package nl.samenspraak.db;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Copies a whole study from one migrated database to another, empty one (the {@code migrate} command: from the
 * SQLite file to PostgreSQL): every table, rows and ids as they are, parents before children, in one transaction
 * on the target, checked before it commits (row counts of every table, and a digest of the change log in id
 * order), so that a target is either the same study or untouched. Plain JDBC and the drivers' own metadata
 * (tables, keys, column types), so it knows no store by name but for PostgreSQL's sequences, which must be moved
 * past the ids copied. Not copied: {@code schema_migrations} (each side has its own; they must name the same
 * migrations), {@code code_changes} (the feed of the in-memory code caches; a server starting on the copy
 * reads each project whole, so it starts empty) and {@code code_cache_snapshots} (saved copies of those caches at a
 * position of the source's feed, which the copy does not have).
 */
public final class StudyCopy {
    private StudyCopy() {}

    static final Set<String> NOT_COPIED = Set.of("schema_migrations", "code_changes", "code_cache_snapshots");
    private static final int BATCH = 1_000;

    /** Per table (in the order copied) its rows, and the digest of the change log that both sides gave. */
    public record Result(Map<String, Long> rows, String changeLogDigest) {
        public long total() { return rows.values().stream().mapToLong(Long::longValue).sum(); }
    }

    /**
     * Copies {@code from} into {@code to}. Refuses (IllegalArgumentException, nothing written) a target that holds a
     * row in any table or whose migrations differ; fails (IllegalStateException, rolled back) when the check after the
     * copy finds a difference.
     */
    public static Result copy(Connection from, Connection to) throws SQLException {
        Set<String> versions = versions(from);
        if (!versions.equals(versions(to))) {
            throw new IllegalArgumentException("The source and the target are at different migrations (" + versions + " and " + versions(to)
                    + "): open both with this version of Samenspraak first.");
        }
        List<String> tables = inOrder(from);
        Set<String> targetTables = tables(to);
        for (String t : tables) {
            if (!targetTables.contains(t)) throw new IllegalArgumentException("The target has no table " + t + ".");
        }
        for (String t : targetTables) {
            if (t.equals("schema_migrations")) continue;
            long n = count(to, t);
            if (n > 0) throw new IllegalArgumentException("The target is not empty: table " + t + " has " + n + " row(s). migrate copies into an empty database only.");
        }
        boolean autoCommit = to.getAutoCommit();
        to.setAutoCommit(false);
        try {
            Map<String, Long> rows = new LinkedHashMap<>();
            for (String t : tables) rows.put(t, copyTable(from, to, t));
            try (Statement s = to.createStatement()) {
                s.executeUpdate("DELETE FROM code_changes"); // what the target's own triggers wrote while rows went in
                // One row naming no transcript (as an erasure leaves), so that the log's next id follows the last one a
                // code cache on the copy has seen: on PostgreSQL the ids the triggers took are gone from the sequence, and
                // an empty log followed by a jump would look to a cache like rows trimmed away (a whole read again).
                s.executeUpdate("INSERT INTO code_changes(target) VALUES (0)");
            }
            if (Database.isPostgres(to)) moveSequences(to, tables);
            for (String t : tables) {
                long there = count(to, t);
                if (there != rows.get(t)) throw new IllegalStateException("Copied " + rows.get(t) + " row(s) of " + t + " but the target holds " + there + ".");
            }
            String digest = changeLogDigest(from);
            String copied = changeLogDigest(to);
            if (!digest.equals(copied)) throw new IllegalStateException("The change log of the target differs from the source's (digest " + copied + ", not " + digest + ").");
            to.commit();
            return new Result(rows, digest);
        } catch (SQLException | RuntimeException e) {
            to.rollback();
            throw e;
        } finally {
            to.setAutoCommit(autoCommit);
        }
    }

    /** The change log, every column of every row in id order, as one SHA-256 (values written alike whatever the store's types). */
    public static String changeLogDigest(Connection c) throws SQLException {
        MessageDigest sha = sha256();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT * FROM change_log ORDER BY id")) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                for (int i = 1; i <= columns; i++) {
                    Object v = r.getObject(i);
                    String text = v == null ? "\u0000" : v instanceof Boolean b ? (b ? "1" : "0")
                            : v instanceof Number n ? (n instanceof Double || n instanceof Float ? Double.toString(n.doubleValue()) : Long.toString(n.longValue()))
                            : v.toString();
                    sha.update(text.getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 0x1f);
                }
                sha.update((byte) 0x1e);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static long copyTable(Connection from, Connection to, String table) throws SQLException {
        Map<String, Integer> targetTypes = columnTypes(to, table);
        List<String> columns = new ArrayList<>();
        for (String c : columnTypes(from, table).keySet()) {
            if (!targetTypes.containsKey(c)) throw new IllegalArgumentException("The target's table " + table + " has no column " + c + ".");
            columns.add(c);
        }
        List<String> key = primaryKey(from, table);
        String select = "SELECT " + String.join(", ", columns) + " FROM " + table + (key.isEmpty() ? "" : " ORDER BY " + String.join(", ", key));
        String insert = "INSERT INTO " + table + "(" + String.join(", ", columns) + ") VALUES (" + "?, ".repeat(columns.size() - 1) + "?)";
        long n = 0;
        try (Statement s = from.createStatement(); ResultSet r = s.executeQuery(select); PreparedStatement in = to.prepareStatement(insert)) {
            while (r.next()) {
                for (int i = 0; i < columns.size(); i++) set(in, i + 1, r.getObject(i + 1), targetTypes.get(columns.get(i)));
                in.addBatch();
                if (++n % BATCH == 0) in.executeBatch();
            }
            if (n % BATCH != 0) in.executeBatch();
        }
        return n;
    }

    /** A value as the target's column takes it: SQLite keeps 0/1 for a boolean and whole numbers as long. */
    private static void set(PreparedStatement in, int i, Object v, int type) throws SQLException {
        if (v == null) {
            in.setNull(i, type);
        } else if ((type == Types.BOOLEAN || type == Types.BIT) && v instanceof Number n) {
            in.setBoolean(i, n.longValue() != 0);
        } else if ((type == Types.INTEGER || type == Types.SMALLINT) && v instanceof Number n) {
            in.setInt(i, Math.toIntExact(n.longValue()));
        } else if (type == Types.BIGINT && v instanceof Number n) {
            in.setLong(i, n.longValue());
        } else if ((type == Types.DOUBLE || type == Types.REAL || type == Types.FLOAT || type == Types.NUMERIC || type == Types.DECIMAL) && v instanceof Number n) {
            in.setDouble(i, n.doubleValue());
        } else {
            in.setObject(i, v);
        }
    }

    /** After rows went in with their ids, a sequence (serial or identity column) hands out the next id after the largest. */
    private static void moveSequences(Connection to, List<String> tables) throws SQLException {
        for (String t : tables) {
            for (String column : primaryKey(to, t)) {
                try (PreparedStatement p = to.prepareStatement("SELECT pg_get_serial_sequence(?, ?)")) {
                    p.setString(1, t);
                    p.setString(2, column);
                    try (ResultSet r = p.executeQuery()) {
                        if (!r.next() || r.getString(1) == null) continue;
                        try (Statement s = to.createStatement()) {
                            s.execute("SELECT setval('" + r.getString(1) + "', (SELECT COALESCE(MAX(" + column + "), 0) + 1 FROM " + t + "), false)");
                        }
                    }
                }
            }
        }
    }

    /** The source's tables, each after the tables its foreign keys name (a table naming itself is copied in key order). */
    static List<String> inOrder(Connection c) throws SQLException {
        Map<String, Set<String>> parents = new TreeMap<>();
        for (String t : tables(c)) {
            if (NOT_COPIED.contains(t)) continue;
            Set<String> p = new TreeSet<>();
            try (ResultSet r = c.getMetaData().getImportedKeys(null, null, t)) {
                while (r.next()) {
                    String parent = r.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!parent.equals(t)) p.add(parent);
                }
            }
            parents.put(t, p);
        }
        Set<String> done = new LinkedHashSet<>();
        while (done.size() < parents.size()) {
            boolean progress = false;
            for (var e : parents.entrySet()) {
                if (!done.contains(e.getKey()) && done.containsAll(e.getValue().stream().filter(parents::containsKey).toList())) {
                    done.add(e.getKey());
                    progress = true;
                }
            }
            if (!progress) throw new IllegalStateException("The foreign keys of the tables form a cycle: " + parents);
        }
        return new ArrayList<>(done);
    }

    private static Set<String> tables(Connection c) throws SQLException {
        Set<String> names = new TreeSet<>();
        DatabaseMetaData m = c.getMetaData();
        try (ResultSet r = m.getTables(null, Database.isPostgres(c) ? "public" : null, "%", new String[]{"TABLE"})) {
            while (r.next()) {
                String name = r.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!name.startsWith("sqlite_")) names.add(name);
            }
        }
        return names;
    }

    private static Map<String, Integer> columnTypes(Connection c, String table) throws SQLException {
        Map<String, Integer> types = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            var meta = r.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) types.put(meta.getColumnName(i).toLowerCase(Locale.ROOT), meta.getColumnType(i));
        }
        return types;
    }

    private static List<String> primaryKey(Connection c, String table) throws SQLException {
        Map<Integer, String> key = new TreeMap<>();
        try (ResultSet r = c.getMetaData().getPrimaryKeys(null, null, table)) {
            while (r.next()) key.put(r.getInt("KEY_SEQ"), r.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
        }
        return new ArrayList<>(key.values());
    }

    private static Set<String> versions(Connection c) throws SQLException {
        Set<String> v = new TreeSet<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT version FROM schema_migrations")) {
            while (r.next()) v.add(Long.toString(r.getLong(1)));
        }
        return v;
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
