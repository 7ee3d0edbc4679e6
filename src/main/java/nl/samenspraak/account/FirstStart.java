package nl.samenspraak.account;

import nl.samenspraak.http.ApiException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * The first start of a server without users: a one-time set-up page makes the first system
 * administrator, for whoever gives the set-up code printed on the server's console at this start
 * (random, new at every start; compared in constant time), so a stranger on the network who finds
 * the page first cannot take the server over. Once any user exists the set-up is gone for good.
 */
public final class FirstStart {
    /** Without 0/O, 1/I/L: the code is read off a console and typed. 12 characters, about 59 bits. */
    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final int LENGTH = 12;

    private final AccountService accounts;
    private final String code;
    private volatile boolean done;

    /** Reads nothing yet (a start builds this before the database is migrated): the first {@link #needed} asks. */
    public FirstStart(AccountService accounts) {
        this.accounts = accounts;
        this.code = newCode();
    }

    /** The set-up code to print at start, while the server has no users. */
    public Optional<String> code() {
        return needed() ? Optional.of(code) : Optional.empty();
    }

    /** True while no user exists; once false it stays false without asking the database again. */
    public boolean needed() {
        if (done) return false;
        if (accounts.anyUser()) done = true;
        return !done;
    }

    public static ApiException gone() {
        return new ApiException(404, "setup.done", "The set-up is done: this server has its administrator, so this page is gone. Log in on the start page instead.");
    }

    /** Makes the first administrator and logs them in; 403 for a wrong code, 404 once set up. */
    public AccountService.Login createFirstAdmin(String givenCode, String name, String password) {
        if (!needed()) throw gone();
        if (!matches(givenCode)) {
            throw ApiException.forbidden("setup.wrongCode", "Field 'code': that is not the set-up code. The code is printed on the server's console when it starts.");
        }
        User admin = accounts.createFirstAdmin(name, password);
        done = true;
        return accounts.startSession(admin.id());
    }

    /** Ignores case, spaces and dashes; the comparison takes as long wherever the codes differ. */
    boolean matches(String given) {
        String typed = given == null ? "" : given.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        return MessageDigest.isEqual(typed.getBytes(StandardCharsets.US_ASCII), code.replace("-", "").getBytes(StandardCharsets.US_ASCII));
    }

    private static String newCode() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) sb.append('-');
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
