package nl.samenspraak.account;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.List;
import java.util.Optional;

/** Users and their log-in sessions. The consensus pseudo-users of adjudication are no accounts. */
@RegisterConstructorMapper(User.class)
@RegisterConstructorMapper(UserAccount.class)
@RegisterConstructorMapper(UserDao.Credentials.class)
@RegisterConstructorMapper(UserDao.LiveSession.class)
@RegisterConstructorMapper(UserDao.NameRow.class)
public interface UserDao {
    record Credentials(long id, String passwordHash, boolean active) {}
    record LiveSession(long id, String name, Role systemRole, String createdAt, String lastSeenAt) {
        User user() { return new User(id, name, systemRole, createdAt); }
    }
    record NameRow(long id, String name) {}

    @SqlQuery("""
            INSERT INTO users(name, name_key, password_hash, system_role, created_at)
            VALUES (:name, :key, :hash, :role, :now) RETURNING id""")
    long insert(String name, String key, String hash, String role, String now);

    @SqlQuery("SELECT id, name, system_role, created_at FROM users WHERE id = :id")
    Optional<User> find(long id);

    /** By normalised key; a row whose key could not be filled (an old duplicate) by its exact name. */
    @SqlQuery("SELECT id, name, system_role, created_at FROM users WHERE name_key = :key OR (name_key IS NULL AND name = :name)")
    Optional<User> findByName(String name, String key);

    @SqlQuery("SELECT id, password_hash, active FROM users WHERE name_key = :key OR (name_key IS NULL AND name = :name)")
    Optional<Credentials> credentials(String name, String key);

    @SqlQuery("SELECT id, password_hash, active FROM users WHERE id = :id")
    Optional<Credentials> credentials(long id);

    @SqlUpdate("UPDATE users SET password_hash = :hash WHERE id = :id")
    void setPasswordHash(long id, String hash);

    @SqlQuery("SELECT id, name, system_role, created_at FROM users ORDER BY name")
    List<User> list();

    @SqlQuery("""
            SELECT id, name, system_role, created_at, active, deactivated_at FROM users
            WHERE id NOT IN (SELECT user_id FROM consensus_coders) ORDER BY name""")
    List<UserAccount> accounts();

    @SqlQuery("""
            SELECT id, name, system_role, created_at, active, deactivated_at FROM users
            WHERE id = :id AND id NOT IN (SELECT user_id FROM consensus_coders)""")
    Optional<UserAccount> account(long id);

    @SqlUpdate("UPDATE users SET active = :active, deactivated_at = :at WHERE id = :id")
    void setActive(long id, boolean active, String at);

    @SqlQuery("SELECT count(*) FROM users WHERE system_role = 'admin' AND active = 1")
    int activeAdmins();

    @SqlQuery("SELECT count(*) FROM users")
    int count();

    @SqlQuery("SELECT id, name FROM users WHERE name_key IS NULL ORDER BY id")
    List<NameRow> withoutKey();

    @SqlQuery("SELECT count(*) FROM users WHERE name_key = :key")
    int countKey(String key);

    @SqlUpdate("UPDATE users SET name_key = :key WHERE id = :id")
    void setKey(long id, String key);

    @SqlUpdate("""
            INSERT INTO login_sessions(token_hash, user_id, created_at, expires_at, last_seen_at)
            VALUES (:tokenHash, :userId, :now, :expires, :now)""")
    void insertSession(String tokenHash, long userId, String now, String expires);

    /** The user of a session that has not expired, was used since {@code idleSince}, and whose user is active. */
    @SqlQuery("""
            SELECT u.id, u.name, u.system_role, u.created_at, s.last_seen_at FROM login_sessions s JOIN users u ON u.id = s.user_id
            WHERE s.token_hash = :tokenHash AND s.expires_at > :now AND s.last_seen_at > :idleSince AND u.active = 1""")
    Optional<LiveSession> findBySession(String tokenHash, String now, String idleSince);

    @SqlUpdate("UPDATE login_sessions SET last_seen_at = :now WHERE token_hash = :tokenHash")
    void touchSession(String tokenHash, String now);

    @SqlUpdate("DELETE FROM login_sessions WHERE token_hash = :tokenHash OR expires_at <= :now")
    void deleteSession(String tokenHash, String now);

    @SqlUpdate("DELETE FROM login_sessions WHERE user_id = :userId AND token_hash <> :keep")
    void deleteSessionsOf(long userId, String keep);
}
