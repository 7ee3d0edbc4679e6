package nl.samenspraak.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Growing waits after failed log-ins, kept in memory per key (an account name, an address, a
 * trusted device). A key may fail {@code free} times; each failure after that closes it for
 * {@code 1 s × 2^(failures - free - 1)}, at most {@code cap}. While closed, attempts are refused
 * at once without looking at the password, and do not count. A success, or {@code forgetAfter}
 * without a failure, opens the key again. docs/security.md explains why these numbers.
 */
final class LoginThrottle {
    /** How many keys are remembered at most; beyond it, the quiet ones are dropped first (an attacker inventing names). */
    static final int MAX_KEYS = 100_000;

    record Policy(int free, Duration cap, Duration forgetAfter) {}

    private record State(int failures, Instant lastFailure, Instant closedUntil) {}

    private final Policy policy;
    private final Clock clock;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    LoginThrottle(Policy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    /** How long the key stays closed from now; zero when an attempt may go ahead. */
    Duration wait(String key) {
        State s = current(key);
        if (s == null) return Duration.ZERO;
        Duration left = Duration.between(clock.instant(), s.closedUntil());
        return left.isNegative() ? Duration.ZERO : left;
    }

    void failed(String key) {
        Instant now = clock.instant();
        states.compute(key, (k, s) -> {
            int failures = (s == null || forgotten(s, now) ? 0 : s.failures()) + 1;
            return new State(failures, now, now.plus(delay(failures)));
        });
        if (states.size() > MAX_KEYS) prune(now);
    }

    void succeeded(String key) {
        states.remove(key);
    }

    /** The wait after the n-th failure in a row. */
    Duration delay(int failures) {
        int over = failures - policy.free();
        if (over <= 0) return Duration.ZERO;
        Duration d = Duration.ofSeconds(1L << Math.min(over - 1, 30));
        return d.compareTo(policy.cap()) > 0 ? policy.cap() : d;
    }

    int size() { return states.size(); }

    private State current(String key) {
        State s = states.get(key);
        if (s != null && forgotten(s, clock.instant())) {
            states.remove(key, s);
            return null;
        }
        return s;
    }

    private boolean forgotten(State s, Instant now) {
        return now.isAfter(s.lastFailure().plus(policy.forgetAfter()));
    }

    private void prune(Instant now) {
        states.values().removeIf(s -> forgotten(s, now));
        if (states.size() > MAX_KEYS) states.values().removeIf(s -> !now.isBefore(s.closedUntil()));
    }
}
