package nl.samenspraak.db;

import org.jdbi.v3.core.Jdbi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Applies {@code db/migration/V###__name.sql} in order, each in its own transaction, and records
 * it in {@code schema_migrations}. Migrations are listed in {@code db/migration/index.txt} because a
 * class-path folder cannot be listed portably from inside a jar.
 */
public final class Migrations {
    private Migrations() {}

    public static void apply(Jdbi jdbi) {
        jdbi.useExtension(MigrationDao.class, MigrationDao::createTable);
        Set<Integer> applied = jdbi.withExtension(MigrationDao.class, MigrationDao::applied);
        for (String name : index()) {
            int version = Integer.parseInt(name.substring(1, name.indexOf("__")));
            if (applied.contains(version)) continue;
            String sql = read("db/migration/" + name);
            jdbi.useTransaction(h -> {
                // sqlite3_exec runs the whole file, trigger bodies included (Jdbi's script splitter
                // would cut a CREATE TRIGGER at the first semicolon inside BEGIN ... END).
                try (var statement = h.getConnection().createStatement()) {
                    statement.executeUpdate(sql);
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException("Migration " + name + " failed: " + e.getMessage(), e);
                }
                h.attach(MigrationDao.class).record(version, name, Instant.now().toString());
            });
        }
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
