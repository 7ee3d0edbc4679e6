package nl.samenspraak.db;

import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.Optional;

/** What the server keeps between starts (a signing key, the demo mark): one value per name, set once. */
public interface ServerSettings {
    @SqlUpdate("INSERT INTO server_settings(name, value, created_at) VALUES (:name, :value, :now) ON CONFLICT(name) DO NOTHING")
    void insertIfAbsent(String name, byte[] value, String now);

    @SqlQuery("SELECT value FROM server_settings WHERE name = :name")
    Optional<byte[]> find(String name);
}
