package nl.samenspraak.account;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Argon2id password hashing (Spring Security's encoder over Bouncy Castle): salt 16 bytes,
 * hash 32 bytes, 1 lane, 19 MiB, 2 iterations, the OWASP-recommended minimum for Argon2id.
 */
public final class Passwords {
    private static final Argon2PasswordEncoder ENCODER = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    public static final int MIN_LENGTH = 8;

    private Passwords() {}

    public static String hash(String password) { return ENCODER.encode(password); }

    public static boolean matches(String password, String hash) { return ENCODER.matches(password, hash); }

    /** A problem with a new password, or null when it is acceptable. */
    public static String problem(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return "The password must be at least " + MIN_LENGTH + " characters long.";
        }
        return null;
    }
}
