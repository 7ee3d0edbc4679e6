package nl.samenspraak.account;

import nl.samenspraak.db.Writes;
import nl.samenspraak.http.ApiException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Users, passwords and log-in. No role checks here: the routes' service ({@link UserAdmin}) checks
 * the caller; the command line, run by whoever holds the database file, calls this directly.
 */
public final class AccountService {
    private static final Logger log = LoggerFactory.getLogger(AccountService.class);
    public static final Duration SESSION_LIFETIME = SessionStore.LIFETIME;
    public static final Duration DEFAULT_IDLE = Duration.ofHours(2);

    private final Jdbi jdbi;
    private final Writes writes;
    private final SessionStore sessions;

    public AccountService(Jdbi jdbi, Writes writes) {
        this(jdbi, writes, DEFAULT_IDLE, Clock.systemUTC());
    }

    public AccountService(Jdbi jdbi, Writes writes, Duration idle, Clock clock) {
        this.jdbi = jdbi;
        this.writes = writes;
        this.sessions = new SessionStore(jdbi, writes, idle, clock);
    }

    public record Login(String token, User user) {}

    /** A new user, without a caller: the command line and the demo, which run with the database's own authority. */
    public User createUser(String name, String password, Role role) {
        return create(name, password, role, false);
    }

    /** The first system administrator, made by the set-up page: refused (404) once any user exists. */
    User createFirstAdmin(String name, String password) {
        return create(name, password, Role.ADMIN, true);
    }

    private User create(String name, String password, Role role, boolean onlyFirst) {
        String clean = UserNames.clean(name);
        if (role == null) throw ApiException.badRequest("account.roleMissing", "Field 'role': must be " + Role.allowed() + ".");
        // Reserved for the consensus pseudo-users of adjudication (nl.samenspraak.adjudication.AdjudicationService).
        if (clean.regionMatches(true, 0, "consensus:", 0, 10)) {
            throw ApiException.badRequest("account.nameReserved", "Field 'name': names beginning with 'consensus:' are reserved for adjudication.");
        }
        requireGood(password);
        String hash = Passwords.hash(password);
        String key = UserNames.key(clean);
        return writes.inTransaction(h -> {
            UserDao dao = h.attach(UserDao.class);
            if (onlyFirst && dao.count() > 0) throw FirstStart.gone();
            fillNameKeys(h);
            Optional<User> same = dao.findByName(clean, key);
            if (same.isPresent()) {
                String as = same.get().name().equals(clean) ? "" : " (as '" + same.get().name() + "', which looks the same)";
                if (as.isEmpty()) throw ApiException.conflict("account.nameTaken", "A user named '" + clean + "' already exists.").with("name", clean);
                throw ApiException.conflict("account.nameLooksTaken", "A user named '" + clean + "' already exists" + as + ".")
                        .with("name", clean).with("existing", same.get().name());
            }
            long id = dao.insert(clean, key, hash, role.key(), Instant.now().toString());
            return dao.find(id).orElseThrow();
        });
    }

    /** Fills the normalised key of users made before keys existed (and of adjudication's pseudo-users). */
    public void fillNameKeys() {
        writes.useTransaction(AccountService::fillNameKeys);
    }

    private static void fillNameKeys(Handle h) {
        UserDao dao = h.attach(UserDao.class);
        for (UserDao.NameRow row : dao.withoutKey()) {
            String key = UserNames.key(row.name());
            if (dao.countKey(key) == 0) dao.setKey(row.id(), key);
            else log.warn("User {} ('{}') looks the same as another user; rename one of them.", row.id(), row.name());
        }
    }

    /** Sets a new password (demo start-up); sessions stay. */
    public void setPassword(long userId, String password) {
        requireGood(password);
        String hash = Passwords.hash(password);
        writes.useTransaction(h -> h.attach(UserDao.class).setPasswordHash(userId, hash));
    }

    /**
     * Sets a user's password for them (an administrator's reset, {@code user passwd}); a null password
     * is replaced by a generated one. Every session of the user ends. Returns the password set.
     */
    public String resetPassword(long userId, String password) {
        String chosen = password == null ? Passwords.generate() : password;
        setPassword(userId, chosen);
        sessions.endAllOf(userId, null);
        return chosen;
    }

    /** The owner's change: the current password is asked; their other sessions end, this one stays. */
    public void changeOwnPassword(User user, String token, String current, String fresh) {
        if (current == null || current.isEmpty()) throw ApiException.badRequest("account.currentPasswordMissing", "Field 'current': give your current password.");
        String hash = jdbi.withExtension(UserDao.class, dao -> dao.credentials(user.id())).orElseThrow().passwordHash();
        if (!Passwords.matches(current, hash)) throw ApiException.badRequest("account.currentPasswordWrong", "Field 'current': that is not your current password.");
        if (current.equals(fresh)) throw ApiException.badRequest("account.passwordUnchanged", "Field 'password': the new password is the same as the current one.");
        setPassword(user.id(), fresh);
        sessions.endAllOf(user.id(), token);
    }

    /** Log-in refused, every session ended at once, codes kept. The last active system administrator stays. */
    public UserAccount deactivate(long userId) {
        UserAccount done = writes.inTransaction(h -> {
            UserDao dao = h.attach(UserDao.class);
            UserAccount a = dao.account(userId).orElseThrow(() -> userNotFound(userId));
            if (!a.active()) return a;
            if (a.systemRole() == Role.ADMIN && dao.activeAdmins() <= 1) {
                throw ApiException.conflict("account.lastAdmin", "'" + a.name() + "' is the last active system administrator; make another user administrator first.")
                        .with("name", a.name());
            }
            dao.setActive(userId, false, Instant.now().toString());
            dao.deleteSessionsOf(userId, "");
            return dao.account(userId).orElseThrow();
        });
        sessions.forget(userId, "");
        return done;
    }

    public UserAccount reactivate(long userId) {
        return writes.inTransaction(h -> {
            UserDao dao = h.attach(UserDao.class);
            dao.account(userId).orElseThrow(() -> userNotFound(userId));
            dao.setActive(userId, true, null);
            return dao.account(userId).orElseThrow();
        });
    }

    /** A session for the right name and password; empty when either is wrong; 403 for a deactivated user. */
    public Optional<Login> login(String name, String password) {
        if (name == null || password == null) return Optional.empty();
        Optional<UserDao.Credentials> found = jdbi.withExtension(UserDao.class, dao -> dao.credentials(name.strip(), UserNames.key(name)));
        if (found.isEmpty()) {
            Passwords.checkWithoutUser(password);
            return Optional.empty();
        }
        if (!Passwords.matches(password, found.get().passwordHash())) return Optional.empty();
        if (!found.get().active()) throw ApiException.forbidden("account.deactivated", "This account has been deactivated; ask an administrator to reactivate it.");
        return Optional.of(startSession(found.get().id()));
    }

    Login startSession(long userId) {
        String token = sessions.start(userId);
        return new Login(token, find(userId).orElseThrow());
    }

    /** The user of a live session (not expired, not idle too long, user active). */
    public Optional<User> userForToken(String token) { return sessions.user(token); }

    public void logout(String token) { sessions.end(token); }

    public Duration idleTimeout() { return sessions.idle(); }

    public Optional<User> find(long id) { return jdbi.withExtension(UserDao.class, dao -> dao.find(id)); }

    /** By name as a person types it: normalised and compared case-insensitively. */
    public Optional<User> findByName(String name) {
        return jdbi.withExtension(UserDao.class, dao -> dao.findByName(name == null ? "" : name.strip(), UserNames.key(name)));
    }

    public Optional<UserAccount> account(long id) { return jdbi.withExtension(UserDao.class, dao -> dao.account(id)); }

    public List<User> list() { return jdbi.withExtension(UserDao.class, UserDao::list); }

    /** Every person's account (not adjudication's pseudo-users), by name. */
    public List<UserAccount> accounts() { return jdbi.withExtension(UserDao.class, UserDao::accounts); }

    public boolean anyUser() { return jdbi.withExtension(UserDao.class, UserDao::count) > 0; }

    static ApiException userNotFound(long userId) {
        return ApiException.notFound("account.userNotFound", "User " + userId).with("id", userId);
    }

    private static void requireGood(String password) {
        ApiException refusal = Passwords.refusal(password);
        if (refusal != null) throw refusal;
    }
}
