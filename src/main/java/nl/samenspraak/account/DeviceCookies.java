package nl.samenspraak.account;

import nl.samenspraak.db.ServerSettings;
import nl.samenspraak.db.Writes;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * "This browser logged in as this user before": a cookie signed with a key kept in the database
 * (so it outlives a restart), after OWASP's device cookies against online guessing. It names the
 * account and when it was issued; it opens nothing by itself, it only exempts its browser from the
 * waits that strangers' failed attempts put on the account ({@link LoginGuard}).
 */
public final class DeviceCookies {
    public static final String COOKIE = "samenspraak_device";
    static final Duration LIFETIME = Duration.ofDays(180);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final Writes writes;
    private final Clock clock;
    /** Read (or made and stored) at the first use, not when the app is built: a start builds it before the database is migrated. */
    private volatile byte[] key;

    public DeviceCookies(Writes writes, Clock clock) {
        this.writes = writes;
        this.clock = clock;
    }

    private byte[] key() {
        byte[] k = key;
        if (k != null) return k;
        synchronized (this) {
            if (key == null) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                key = writes.inTransaction(h -> {
                    ServerSettings settings = h.attach(ServerSettings.class);
                    settings.insertIfAbsent("device-cookie-key", fresh, Instant.now().toString());
                    return settings.find("device-cookie-key").orElseThrow();
                });
            }
            return key;
        }
    }

    /** A new cookie value for the account (its throttling key). */
    String issue(String account) {
        String payload = B64.encodeToString(account.getBytes(StandardCharsets.UTF_8)) + "." + clock.instant().getEpochSecond();
        return payload + "." + mac(payload);
    }

    /** The cookie's own identity (its signature) when it is genuine, unexpired and for this account. */
    Optional<String> verify(String value, String account) {
        if (value == null) return Optional.empty();
        String[] parts = value.split("\\.");
        if (parts.length != 3) return Optional.empty();
        String payload = parts[0] + "." + parts[1];
        if (!MessageDigest.isEqual(mac(payload).getBytes(StandardCharsets.US_ASCII), parts[2].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            String name = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
            Instant issued = Instant.ofEpochSecond(Long.parseLong(parts[1]));
            if (!name.equals(account) || clock.instant().isAfter(issued.plus(LIFETIME))) return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(parts[2]);
    }

    private String mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK always has HmacSHA256", e);
        }
    }
}
