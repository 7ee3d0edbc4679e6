package nl.samenspraak.account;

import nl.samenspraak.db.Writes;
import nl.samenspraak.http.ApiException;
import org.jdbi.v3.core.Jdbi;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Users, passwords and login sessions. Session tokens are random; only their SHA-256 is stored. */
public final class AccountService {
    static final Duration SESSION_LIFETIME = Duration.ofHours(12);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Checked against when the user does not exist, so a login takes as long either way. */
    private static final String DUMMY_HASH = Passwords.hash("not-a-real-password");

    /** How long a session lookup is trusted before the database is asked again. */
    static final Duration SESSION_CACHE = Duration.ofSeconds(10);

    private record CachedSession(User user, Instant checkedAt) {}

    private final Jdbi jdbi;
    private final Writes writes;
    private final Map<String, CachedSession> sessions = new ConcurrentHashMap<>();

    public AccountService(Jdbi jdbi, Writes writes) {
        this.jdbi = jdbi;
        this.writes = writes;
    }

    public record Login(String token, User user) {}

    /** A new user, made by a system administrator. */
    public User createUser(User by, String name, String password, Role role) {
        Access.requireSystemAdmin(by);
        return createUser(name, password, role);
    }

    /** A new user, without a caller: the command line and the demo, which run with the database's own authority. */
    public User createUser(String name, String password, Role role) {
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > 100) throw ApiException.badRequest("Field 'name': give a user name of 1 to 100 characters.");
        if (role == null) throw ApiException.badRequest("Field 'role': must be " + Role.allowed() + ".");
        // Reserved for the consensus pseudo-users of adjudication (nl.samenspraak.adjudication.AdjudicationService).
        if (cleanName.regionMatches(true, 0, "consensus:", 0, 10)) {
            throw ApiException.badRequest("Field 'name': names beginning with 'consensus:' are reserved for adjudication.");
        }
        String problem = Passwords.problem(password);
        if (problem != null) throw ApiException.badRequest("Field 'password': " + problem);
        String hash = Passwords.hash(password);
        return writes.inTransaction(h -> {
            UserDao dao = h.attach(UserDao.class);
            if (dao.findByName(cleanName).isPresent()) throw ApiException.conflict("A user named '" + cleanName + "' already exists.");
            long id = dao.insert(cleanName, hash, role.key(), Instant.now().toString());
            return dao.find(id).orElseThrow();
        });
    }

    /** Sets a new password for an existing user (demo start-up and admins). */
    public void setPassword(long userId, String password) {
        String problem = Passwords.problem(password);
        if (problem != null) throw ApiException.badRequest("Field 'password': " + problem);
        String hash = Passwords.hash(password);
        writes.useTransaction(h -> h.attach(UserDao.class).setPasswordHash(userId, hash));
    }

    public Optional<Login> login(String name, String password) {
        if (name == null || password == null) return Optional.empty();
        Optional<String> hash = jdbi.withExtension(UserDao.class, dao -> dao.passwordHash(name.strip()));
        boolean ok = Passwords.matches(password, hash.orElse(DUMMY_HASH)) && hash.isPresent();
        if (!ok) return Optional.empty();
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = Instant.now();
        User user = writes.inTransaction(h -> {
            UserDao dao = h.attach(UserDao.class);
            User u = dao.findByName(name.strip()).orElseThrow();
            dao.insertSession(Hashes.sha256(token), u.id(), now.toString(), now.plus(SESSION_LIFETIME).toString());
            return u;
        });
        return Optional.of(new Login(token, user));
    }

    /**
     * The user of a live session. Every request asks, so an answer is remembered for a few seconds;
     * logout forgets it at once, and a session's expiry is still checked on every use.
     */
    public Optional<User> userForToken(String token) {
        if (token == null || token.isBlank()) return Optional.empty();
        String hash = Hashes.sha256(token);
        Instant now = Instant.now();
        CachedSession cached = sessions.get(hash);
        if (cached != null && now.isBefore(cached.checkedAt().plus(SESSION_CACHE))) return Optional.of(cached.user());
        Optional<User> user = jdbi.withExtension(UserDao.class, dao -> dao.findBySession(hash, now.toString()));
        if (user.isPresent()) sessions.put(hash, new CachedSession(user.get(), now));
        else sessions.remove(hash);
        return user;
    }

    public void logout(String token) {
        if (token == null) return;
        sessions.remove(Hashes.sha256(token));
        writes.useTransaction(h -> h.attach(UserDao.class).deleteSession(Hashes.sha256(token), Instant.now().toString()));
    }

    public Optional<User> find(long id) { return jdbi.withExtension(UserDao.class, dao -> dao.find(id)); }

    public Optional<User> findByName(String name) { return jdbi.withExtension(UserDao.class, dao -> dao.findByName(name)); }

    /** Every user, for a system administrator. */
    public List<User> list(User by) {
        Access.requireSystemAdmin(by);
        return list();
    }

    public List<User> list() { return jdbi.withExtension(UserDao.class, UserDao::list); }
}
