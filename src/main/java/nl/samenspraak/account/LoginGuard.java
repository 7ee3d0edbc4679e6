package nl.samenspraak.account;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import nl.samenspraak.http.ApiException;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps every log-in attempt. A password check runs Argon2id with 19 MiB, so checks run a few at a
 * time ({@link #checks}); an attempt that finds them all busy and the short queue full is refused
 * at once with 503, before any memory is taken. Failed attempts close the account name and the
 * address for growing waits ({@link LoginThrottle}); a browser that logged in as that user before
 * (a signed device cookie, {@link DeviceCookies}) is not held by the account's or the address's
 * wait, only by its own, so a stranger cannot lock the real user out; nor can a flood of strangers
 * that keeps every password check busy: such a browser, and a logged-in user checking their current
 * password, have a lane of their own ({@link Lane#KNOWN}, one check at a time). docs/security.md: "Log-in".
 */
public final class LoginGuard {
    static final LoginThrottle.Policy ACCOUNT = new LoginThrottle.Policy(5, Duration.ofMinutes(5), Duration.ofHours(1));
    static final LoginThrottle.Policy ADDRESS = new LoginThrottle.Policy(30, Duration.ofMinutes(5), Duration.ofHours(1));
    static final LoginThrottle.Policy DEVICE = new LoginThrottle.Policy(10, Duration.ofMinutes(5), Duration.ofHours(1));
    /** How long an attempt waits for a free password check before it is refused. */
    static final Duration QUEUE_WAIT = Duration.ofSeconds(2);
    /** The longest a stranger's check rests its core (see {@link #rest}). */
    static final Duration MAX_REST = Duration.ofMillis(500);

    private final AccountService accounts;
    private final DeviceCookies devices;
    private final boolean secureCookies;
    private final LoginThrottle byAccount, byAddress, byDevice;
    private final Checks anyone, known;

    /**
     * Who a password check is for: {@link #ANYONE} (a log-in without a device cookie of this user: the
     * strangers of a flood share it with new browsers) or {@link #KNOWN} (a browser that logged in as
     * this user before, whose signed cookie a stranger cannot make, or a logged-in user's own password).
     */
    public enum Lane { ANYONE, KNOWN }

    /** Password checks at most {@code permits} at a time, and at most {@code maxWaiting} attempts waiting for one. */
    private record Checks(Semaphore permits, int maxWaiting, AtomicInteger waiting) {
        Checks(int permits) { this(new Semaphore(permits, true), 4 * permits, new AtomicInteger()); }
    }

    public LoginGuard(AccountService accounts, DeviceCookies devices, boolean secureCookies, Clock clock) {
        this.accounts = accounts;
        this.devices = devices;
        this.secureCookies = secureCookies;
        this.byAccount = new LoginThrottle(ACCOUNT, clock);
        this.byAddress = new LoginThrottle(ADDRESS, clock);
        this.byDevice = new LoginThrottle(DEVICE, clock);
        this.anyone = new Checks(concurrentChecks());
        this.known = new Checks(1);
    }

    /**
     * Password checks at once: one per two cores (a check keeps a core busy; the other half stays
     * free for the coders' saves), and no more than the heap holds comfortably (a check takes
     * 19 MiB; one per 64 MiB of heap leaves the rest for everything else). The known lane adds one.
     */
    static int concurrentChecks() {
        long perHeap = Runtime.getRuntime().maxMemory() / (64L * 1024 * 1024);
        return (int) Math.max(1, Math.min(Runtime.getRuntime().availableProcessors() / 2, perHeap));
    }

    /** The log-in, or empty when the name or password is wrong; a 429 or 503 with Retry-After when refused unchecked. */
    public Optional<AccountService.Login> login(Context ctx, String name, String password) {
        String account = "account:" + key(name);
        String device = devices.verify(ctx.cookie(DeviceCookies.COOKIE), key(name)).map(d -> "device:" + d).orElse(null);
        String address = "address:" + ctx.ip();
        Duration wait = device != null ? byDevice.wait(device) : longer(byAccount.wait(account), byAddress.wait(address));
        if (!wait.isZero()) {
            long s = seconds(wait);
            throw refused(ctx, wait, new ApiException(429, "auth.throttled", "Too many failed log-ins for this name or from this address; try again in "
                    + s + (s == 1 ? " second." : " seconds."), Map.of("retryAfterSeconds", s)).with("seconds", s));
        }
        Optional<AccountService.Login> login = bounded(ctx, device != null ? Lane.KNOWN : Lane.ANYONE, () -> accounts.login(name, password));
        if (login.isPresent()) {
            byAccount.succeeded(account);
            if (device != null) byDevice.succeeded(device);
            ctx.cookie(cookie(devices.issue(key(name))));
        } else if (device != null) {
            byDevice.failed(device);
        } else {
            byAccount.failed(account);
            byAddress.failed(address);
        }
        return login;
    }

    /**
     * Runs work that checks a password (a log-in; a password change's current password) as one of the
     * bounded password checks of its lane: a 503 with Retry-After at once when they are all busy and the
     * queue is full.
     */
    public <T> T bounded(Context ctx, Lane lane, java.util.function.Supplier<T> work) {
        Checks checks = lane == Lane.KNOWN ? known : anyone;
        if (checks.waiting().incrementAndGet() > checks.maxWaiting()) {
            checks.waiting().decrementAndGet();
            throw busy(ctx);
        }
        boolean acquired;
        try {
            acquired = checks.permits().tryAcquire(QUEUE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        } finally {
            checks.waiting().decrementAndGet();
        }
        if (!acquired) throw busy(ctx);
        long started = System.nanoTime();
        try {
            return work.get();
        } finally {
            if (lane == Lane.ANYONE && checks.waiting().get() > 0) rest(System.nanoTime() - started);
            checks.permits().release();
        }
    }

    /**
     * When others wait for a stranger's check, its core rests as long as the check took before the next
     * one starts: a flood of strangers then takes at most half of the cores the checks may use, and the
     * rest stays with the coders' saves. Without a queue (no flood) nothing rests.
     */
    private static void rest(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(Math.min(nanos, MAX_REST.toNanos()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ApiException busy(Context ctx) {
        return refused(ctx, Duration.ofSeconds(1), new ApiException(503, "auth.busy", "The server is checking many log-ins at once; try again in a moment.",
                Map.of("retryAfterSeconds", 1)));
    }

    private static ApiException refused(Context ctx, Duration wait, ApiException refusal) {
        ctx.header("Retry-After", String.valueOf(seconds(wait)));
        return refusal;
    }

    private Cookie cookie(String value) {
        Cookie c = new Cookie(DeviceCookies.COOKIE, value);
        c.setPath("/api/login");
        c.setHttpOnly(true);
        c.setSecure(secureCookies);
        c.setSameSite(SameSite.STRICT);
        c.setMaxAge((int) DeviceCookies.LIFETIME.toSeconds());
        return c;
    }

    /** The form of a name that throttling counts by: the same for names that look alike. */
    static String key(String name) {
        return name == null ? "" : Normalizer.normalize(name.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static long seconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }
}
