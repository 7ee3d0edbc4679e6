package nl.samenspraak.account;

import nl.samenspraak.http.ApiException;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Argon2id password hashing (Spring Security's encoder over Bouncy Castle): salt 16 bytes, hash
 * 32 bytes, 1 lane, and by default 19 MiB and 2 iterations, the OWASP-recommended minimum for
 * Argon2id. The cost can be lowered with {@code -Dsamenspraak.argon2=m=KiB,t=N} for the test suite,
 * where a strong hash per log-in costs minutes. A hash carries its own parameters, so one made at any
 * cost is checked correctly under any other. A new password must be at least {@value #MIN_LENGTH}
 * characters and not one of the 30,000 most common passwords (zxcvbn's list, shipped as
 * {@code account/common-passwords.txt}; see its header).
 */
public final class Passwords {
    /** The system property that sets the cost, in the notation of the hash itself ({@code m=19456,t=2}). */
    public static final String COST_PROPERTY = "samenspraak.argon2";
    /** OWASP Password Storage Cheat Sheet, Argon2id: m=19456 (19 MiB), t=2, p=1. */
    public static final Cost PRODUCTION = new Cost(19 * 1024, 2);
    public static final int MIN_LENGTH = 10;
    /** Long passphrases are welcome; this bounds the work one request can ask of the hash. */
    public static final int MAX_LENGTH = 1000;
    static final String COMMON_LIST = "account/common-passwords.txt";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** No 0/o, 1/l/i: a generated password is read off a screen and typed. */
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    private static final Pattern NOTATION = Pattern.compile("m=(\\d{1,7}),t=(\\d{1,3})");
    private static final Cost COST = cost(System.getProperty(COST_PROPERTY));
    /**
     * A hash at this process's cost that no password matches: random salt, random hash bytes. A log-in
     * for a name that does not exist is checked against it, so that it costs one Argon2 computation like
     * a log-in for a name that does; written out, not computed, so that a start pays no hash for it.
     */
    private static final String DECOY = format(COST, randomBytes(16), randomBytes(32));

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

    private static final class Common {
        static final Set<String> LIST = load();
    }

    /** Made at the first hash or check, not at start (with it come Bouncy Castle and Spring's logging). */
    private static final class Encoder {
        static final Argon2PasswordEncoder INSTANCE = encoder(COST);
    }

    public static String hash(String password) { return Encoder.INSTANCE.encode(password); }

    public static boolean matches(String password, String hash) { return Encoder.INSTANCE.matches(password, hash); }

    /** The work of a check for a name that does not exist (against the decoy hash), so that a log-in takes as long either way. */
    public static void checkWithoutUser(String password) { matches(password, DECOY); }

    static String decoy() { return DECOY; }

    /** A hash in the notation of Spring's encoder (the PHC string format): {@code $argon2id$v=19$m=..,t=..,p=1$salt$hash}, unpadded Base64. */
    static String format(Cost cost, byte[] salt, byte[] hash) {
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=19$m=" + cost.memoryKiB() + ",t=" + cost.iterations() + ",p=1$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

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

    /** A problem with a new password, as a sentence, or null when it is acceptable. */
    public static String problem(String password) {
        ApiException refusal = refusal(password);
        return refusal == null ? null : refusal.getMessage().substring(FIELD.length());
    }

    private static final String FIELD = "Field 'password': ";

    /** The 400 that refuses a new password (its code names the rule), or null when it is acceptable. */
    static ApiException refusal(String password) {
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return ApiException.badRequest("account.passwordTooShort", FIELD + "The password must be at least " + MIN_LENGTH + " characters long.")
                    .with("min", MIN_LENGTH);
        }
        if (length > MAX_LENGTH) {
            return ApiException.badRequest("account.passwordTooLong", FIELD + "The password may be at most " + MAX_LENGTH + " characters long.")
                    .with("max", MAX_LENGTH);
        }
        if (isCommon(password)) {
            return ApiException.badRequest("account.passwordCommon", FIELD + "This password is one of the most common passwords, which are tried first; choose another.");
        }
        return null;
    }

    /** In the list, ignoring case and spaces ("Password 123" is "password123"). */
    static boolean isCommon(String password) {
        String lower = password.strip().toLowerCase(Locale.ROOT);
        return Common.LIST.contains(lower) || Common.LIST.contains(lower.replaceAll("\\s+", ""));
    }

    static int commonListSize() { return Common.LIST.size(); }

    /** A random password to be shown once: four groups of four letters and digits (about 79 bits). */
    public static String generate() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) sb.append('-');
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    private static Set<String> load() {
        try (InputStream in = Passwords.class.getClassLoader().getResourceAsStream(COMMON_LIST)) {
            if (in == null) throw new IllegalStateException(COMMON_LIST + " is missing from the jar");
            Set<String> words = new HashSet<>(40_000);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) words.add(line.strip().toLowerCase(Locale.ROOT));
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
