package nl.samenspraak.account;

import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Secret keys the server makes once and keeps (the device-cookie signing key). */
public interface DeviceKeyDao {
    @SqlUpdate("INSERT INTO server_keys(name, value, created_at) VALUES (:name, :value, :now) ON CONFLICT(name) DO NOTHING")
    void insertIfAbsent(String name, byte[] value, String now);

    @SqlQuery("SELECT value FROM server_keys WHERE name = :name")
    byte[] find(String name);
}
