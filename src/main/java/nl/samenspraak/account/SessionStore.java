package nl.samenspraak.account;

import nl.samenspraak.db.Writes;
import org.jdbi.v3.core.Jdbi;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Log-in sessions. Tokens are random; only their SHA-256 is stored. A session ends at its absolute
 * lifetime or after {@code idle} without a request, whichever comes first. Every request asks who is
 * calling, so an answer is remembered for {@link #CACHE} at most; log-out, deactivation and a
 * password change forget the user's remembered sessions at once. The memory of answers is keyed by
 * the token itself (it lives only in this process, as the token does in the request), so a request
 * whose answer is remembered computes no hash.
 */
final class SessionStore {
    static final Duration LIFETIME = Duration.ofHours(12);
    static final Duration CACHE = Duration.ofSeconds(10);
    /** last_seen_at is written at most this often per session: a write on every request would cost a commit each. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** {@code epoch}: the revocation count when the database was asked; a later revocation of the user voids it. */
    private record Cached(String hash, User user, long epoch, Instant checkedAt, Instant lastSeen) {}

    private final Jdbi jdbi;
    private final Writes writes;
    private final Duration idle;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final AtomicLong epoch = new AtomicLong();
    /** Per user, the epoch of their last revocation (deactivation, password change): older answers are void. */
    private final Map<Long, Long> revoked = new ConcurrentHashMap<>();

    SessionStore(Jdbi jdbi, Writes writes, Duration idle, Clock clock) {
        if (idle.isNegative() || idle.isZero()) throw new IllegalArgumentException("The session idle time must be positive.");
        this.jdbi = jdbi;
        this.writes = writes;
        this.idle = idle;
        this.clock = clock;
    }

    Duration idle() { return idle; }

    /** A new session for the user; returns its token. */
    String start(long userId) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = clock.instant();
        writes.useTransaction(h -> h.attach(UserDao.class).insertSession(Hashes.sha256(token), userId, now.toString(), now.plus(LIFETIME).toString()));
        return token;
    }

    Optional<User> user(String token) {
        if (token == null || token.isBlank()) return Optional.empty();
        Instant now = clock.instant();
        Cached cached = cache.get(token);
        if (cached == null || !now.isBefore(cached.checkedAt().plus(CACHE)) || revoked.getOrDefault(cached.user().id(), 0L) > cached.epoch()) {
            String hash = Hashes.sha256(token);
            long asked = epoch.get();
            Optional<UserDao.LiveSession> live = jdbi.withExtension(UserDao.class,
                    dao -> dao.findBySession(hash, now.toString(), now.minus(idle).toString()));
            if (live.isEmpty()) {
                cache.remove(token);
                return Optional.empty();
            }
            cached = new Cached(hash, live.get().user(), asked, now, Instant.parse(live.get().lastSeenAt()));
            cache.put(token, cached);
        }
        if (!now.isBefore(cached.lastSeen().plus(TOUCH_EVERY))) {
            String hash = cached.hash();
            writes.grouped(h -> { h.attach(UserDao.class).touchSession(hash, now.toString()); return null; });
            cached = new Cached(hash, cached.user(), cached.epoch(), cached.checkedAt(), now);
            cache.put(token, cached);
        }
        return Optional.of(cached.user());
    }

    void end(String token) {
        if (token == null) return;
        String hash = Hashes.sha256(token);
        cache.remove(token);
        writes.useTransaction(h -> h.attach(UserDao.class).deleteSession(hash, clock.instant().toString()));
    }

    /** Ends every session of the user but the one of {@code keepToken} (null: all), remembered ones too. */
    void endAllOf(long userId, String keepToken) {
        String keep = keepToken == null ? "" : Hashes.sha256(keepToken);
        writes.useTransaction(h -> h.attach(UserDao.class).deleteSessionsOf(userId, keep));
        forget(userId, keep);
    }

    /** Forgets remembered sessions of the user (after the database rows went in the caller's transaction). */
    void forget(long userId, String keepHash) {
        revoked.put(userId, epoch.incrementAndGet());
        cache.values().removeIf(c -> c.user().id() == userId && !c.hash().equals(keepHash));
    }
}
