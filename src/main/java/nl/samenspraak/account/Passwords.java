package nl.samenspraak.account;

import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Argon2id password hashing (Spring Security's encoder over Bouncy Castle): salt 16 bytes, hash
 * 32 bytes, 1 lane, and by default 19 MiB and 2 iterations, the OWASP-recommended minimum for
 * Argon2id. The cost can be lowered with {@code -Dsamenspraak.argon2=m=KiB,t=N} for the test suite,
 * where a strong hash per log-in costs minutes. A hash carries its own parameters, so one made at any
 * cost is checked correctly under any other.
 */
public final class Passwords {
    /** The system property that sets the cost, in the notation of the hash itself ({@code m=19456,t=2}). */
    public static final String COST_PROPERTY = "samenspraak.argon2";
    /** OWASP Password Storage Cheat Sheet, Argon2id: m=19456 (19 MiB), t=2, p=1. */
    public static final Cost PRODUCTION = new Cost(19 * 1024, 2);
    public static final int MIN_LENGTH = 8;

    private static final Pattern NOTATION = Pattern.compile("m=(\\d{1,7}),t=(\\d{1,3})");
    private static final Cost COST = cost(System.getProperty(COST_PROPERTY));
    private static final Argon2PasswordEncoder ENCODER = encoder(COST);

    /** Argon2id's memory in KiB and its number of iterations (passes over the memory). */
    public record Cost(int memoryKiB, int iterations) {
        public Cost {
            // Argon2 needs at least 8 KiB per lane (RFC 9106, section 3.1).
            if (memoryKiB < 8 || iterations < 1) throw new IllegalArgumentException("An Argon2 cost needs m >= 8 (KiB) and t >= 1.");
        }

        boolean weakerThan(Cost other) { return memoryKiB < other.memoryKiB || iterations < other.iterations; }

        @Override public String toString() { return "m=" + memoryKiB + ",t=" + iterations; }
    }

    private Passwords() {}

    public static String hash(String password) { return ENCODER.encode(password); }

    public static boolean matches(String password, String hash) { return ENCODER.matches(password, hash); }

    /** The cost new hashes are made with in this process. */
    public static Cost cost() { return COST; }

    /** The cost a value of {@link #COST_PROPERTY} asks for; no value means {@link #PRODUCTION}. */
    static Cost cost(String property) {
        if (property == null || property.isBlank()) return PRODUCTION;
        Matcher m = NOTATION.matcher(property.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("-D" + COST_PROPERTY + "='" + property + "' is not an Argon2 cost; write it as m=19456,t=2 (memory in KiB, iterations).");
        }
        Cost cost = new Cost(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        if (cost.weakerThan(PRODUCTION)) {
            LoggerFactory.getLogger(Passwords.class).warn("Password hashes are made at Argon2 cost {}, below the production {} ({}): for tests only.",
                    cost, PRODUCTION, COST_PROPERTY);
        }
        return cost;
    }

    static Argon2PasswordEncoder encoder(Cost cost) {
        return new Argon2PasswordEncoder(16, 32, 1, cost.memoryKiB(), cost.iterations());
    }

    /** A problem with a new password, or null when it is acceptable. */
    public static String problem(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return "The password must be at least " + MIN_LENGTH + " characters long.";
        }
        return null;
    }
}
