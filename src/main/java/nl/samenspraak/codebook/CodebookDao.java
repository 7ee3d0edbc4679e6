package nl.samenspraak.codebook;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.util.List;
import java.util.Optional;

@RegisterConstructorMapper(CodebookRow.class)
public interface CodebookDao {
    String COLUMNS = "id, key, version, title, body, sha256, created_at";

    @SqlQuery("""
            INSERT INTO codebooks(key, version, title, body, sha256, created_at, created_by)
            VALUES (:key, :version, :title, :body, :sha256, :now, :createdBy) RETURNING id""")
    long insert(String key, String version, String title, String body, String sha256, String now, Long createdBy);

    @SqlQuery("SELECT " + COLUMNS + " FROM codebooks WHERE id = :id")
    Optional<CodebookRow> find(long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM codebooks WHERE key = :key AND version = :version")
    Optional<CodebookRow> find(String key, String version);

    /** The most recently stored version of a key. */
    @SqlQuery("SELECT " + COLUMNS + " FROM codebooks WHERE key = :key ORDER BY id DESC LIMIT 1")
    Optional<CodebookRow> latest(String key);

    @SqlQuery("SELECT id FROM codebooks WHERE key = :key ORDER BY id DESC LIMIT 1")
    Optional<Long> latestId(String key);

    @SqlQuery("SELECT " + COLUMNS + " FROM codebooks ORDER BY key, id")
    List<CodebookRow> list();
}
