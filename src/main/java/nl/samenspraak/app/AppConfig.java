package nl.samenspraak.app;

import nl.samenspraak.account.AccountService;
import nl.samenspraak.db.Store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Everything the app needs to start, parsed once by {@link Main} from flags and environment.
 *
 * @param port      HTTP port; 0 picks a free one (tests)
 * @param store     the SQLite file (created with its folder on first start) or a PostgreSQL database, and the recordings' folder
 * @param demo      whether to load the demo project ({@link Demo})
 * @param secureCookies mark the session cookie Secure (behind HTTPS)
 * @param sessionIdle a log-in session ends after this long without a request (besides its 12-hour lifetime)
 * @param origins   origins besides the request's Host that may send changes (a proxy's public address)
 * @param backups   rolling backups while serving, or null for none
 * @param clock     the time of log-in sessions, remembered browsers and the log-in throttle (the system's; tests move their own)
 */
public record AppConfig(int port, Store store, Demo demo, boolean secureCookies, Duration sessionIdle, List<String> origins,
                        BackupPlan backups, Clock clock) {
    public static final int DEFAULT_PORT = 7070;
    public static final Path DEFAULT_DATABASE = Path.of("data", "samenspraak.db");

    /**
     * When the demo project is loaded. Never into a database that holds users or projects of its own
     * ({@link DemoData}): AUTO (the default) loads it into a new database, and keeps a demo database a
     * demo; ON ({@code --demo}) also into an existing database that holds nothing of its own; OFF never.
     */
    public enum Demo { AUTO, ON, OFF }

    /** Rolling backups: every {@code every} into {@code dir}, the newest {@code keep} kept ({@link BackupSchedule}). */
    public record BackupPlan(Path dir, Duration every, int keep) {
        public BackupPlan {
            if (every.compareTo(Duration.ofSeconds(1)) < 0) throw new IllegalArgumentException("--backup-every must be at least 1s.");
            if (keep < 1) throw new IllegalArgumentException("--backup-keep must be at least 1.");
        }
    }

    public AppConfig(int port, Store store, Demo demo, boolean secureCookies, Duration sessionIdle, List<String> origins, BackupPlan backups) {
        this(port, store, demo, secureCookies, sessionIdle, origins, backups, Clock.systemUTC());
    }

    public AppConfig(int port, Path database, Demo demo, boolean secureCookies, Duration sessionIdle, List<String> origins, BackupPlan backups) {
        this(port, Store.sqlite(database), demo, secureCookies, sessionIdle, origins, backups);
    }

    public AppConfig(int port, Path database, boolean demo, boolean secureCookies) {
        this(port, Store.sqlite(database), demo, secureCookies);
    }

    public AppConfig(int port, Store store, boolean demo, boolean secureCookies) {
        this(port, store, demo ? Demo.ON : Demo.OFF, secureCookies, AccountService.DEFAULT_IDLE, List.of(), null);
    }

    /** The SQLite file; null on PostgreSQL. */
    public Path database() {
        return store.file();
    }

    /** The folder of recordings. */
    public Path media() {
        return store.media();
    }

    /** The same settings with other backups (tests). */
    public AppConfig withBackups(BackupPlan plan) {
        return new AppConfig(port, store, demo, secureCookies, sessionIdle, origins, plan, clock);
    }

    /** The same settings on another port (tests). */
    public AppConfig withPort(int port) {
        return new AppConfig(port, store, demo, secureCookies, sessionIdle, origins, backups, clock);
    }

    /** The same settings with another clock (tests that would otherwise wait for a log-in throttle to open). */
    public AppConfig withClock(Clock clock) {
        return new AppConfig(port, store, demo, secureCookies, sessionIdle, origins, backups, clock);
    }

    public static AppConfig forTests(Path database) {
        return new AppConfig(0, database, false, false);
    }
}
