package nl.samenspraak.db;

import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.Set;

/** The record of applied migrations (the migrations themselves are SQL files, run by {@link Migrations}). */
interface MigrationDao {
    @SqlUpdate("""
            CREATE TABLE IF NOT EXISTS schema_migrations (
              version INTEGER PRIMARY KEY,
              name TEXT NOT NULL,
              applied_at TEXT NOT NULL)""")
    void createTable();

    @SqlQuery("SELECT version FROM schema_migrations")
    Set<Integer> applied();

    @SqlUpdate("INSERT INTO schema_migrations(version, name, applied_at) VALUES (:version, :name, :now)")
    void record(int version, String name, String now);
}
