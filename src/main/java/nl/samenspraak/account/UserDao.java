package nl.samenspraak.account;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.List;
import java.util.Optional;

@RegisterConstructorMapper(User.class)
public interface UserDao {
    @SqlQuery("""
            INSERT INTO users(name, password_hash, system_role, created_at)
            VALUES (:name, :hash, :role, :now) RETURNING id""")
    long insert(String name, String hash, String role, String now);

    @SqlQuery("SELECT id, name, system_role, created_at FROM users WHERE id = :id")
    Optional<User> find(long id);

    @SqlQuery("SELECT id, name, system_role, created_at FROM users WHERE name = :name")
    Optional<User> findByName(String name);

    @SqlQuery("SELECT password_hash FROM users WHERE name = :name")
    Optional<String> passwordHash(String name);

    @SqlUpdate("UPDATE users SET password_hash = :hash WHERE id = :id")
    void setPasswordHash(long id, String hash);

    @SqlQuery("SELECT id, name, system_role, created_at FROM users ORDER BY name")
    List<User> list();

    @SqlUpdate("INSERT INTO login_sessions(token_hash, user_id, created_at, expires_at) VALUES (:tokenHash, :userId, :now, :expires)")
    void insertSession(String tokenHash, long userId, String now, String expires);

    @SqlQuery("""
            SELECT u.id, u.name, u.system_role, u.created_at FROM login_sessions s JOIN users u ON u.id = s.user_id
            WHERE s.token_hash = :tokenHash AND s.expires_at > :now""")
    Optional<User> findBySession(String tokenHash, String now);

    @SqlUpdate("DELETE FROM login_sessions WHERE token_hash = :tokenHash OR expires_at <= :now")
    void deleteSession(String tokenHash, String now);
}
