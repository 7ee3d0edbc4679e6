package nl.samenspraak.app;

import nl.samenspraak.account.AccountService;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything the app needs to start, parsed once by {@link Main} from flags and environment.
 *
 * @param port      HTTP port; 0 picks a free one (tests)
 * @param database  the SQLite file; created with its folder on first start
 * @param demo      load the demo project (shipped codebooks, a transcript, two coders) when empty
 * @param secureCookies mark the session cookie Secure (behind HTTPS)
 * @param sessionIdle a log-in session ends after this long without a request (besides its 12-hour lifetime)
 */
public record AppConfig(int port, Path database, boolean demo, boolean secureCookies, Duration sessionIdle) {
    public static final int DEFAULT_PORT = 7070;
    public static final Path DEFAULT_DATABASE = Path.of("data", "samenspraak.db");

    public AppConfig(int port, Path database, boolean demo, boolean secureCookies) {
        this(port, database, demo, secureCookies, AccountService.DEFAULT_IDLE);
    }

    public static AppConfig forTests(Path database) {
        return new AppConfig(0, database, false, false);
    }
}
