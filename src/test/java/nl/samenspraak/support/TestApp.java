package nl.samenspraak.support;

import io.javalin.Javalin;
import nl.samenspraak.account.AccountService;
import nl.samenspraak.account.Role;
import nl.samenspraak.account.User;
import nl.samenspraak.app.App;
import nl.samenspraak.app.AppConfig;
import nl.samenspraak.db.Database;
import nl.samenspraak.db.Store;
import nl.samenspraak.db.Writes;
import org.jdbi.v3.core.Jdbi;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The real app on a random port over a real SQLite file in a temp folder, migrated like
 * production, or over a new PostgreSQL database of its own ({@link TestStores}: {@code -Dstore=postgresql}).
 * Tests make users through the service and then talk HTTP only.
 */
public final class TestApp implements AutoCloseable {
    public static final String PASSWORD = "correct horse battery";

    /** The SQLite file; on PostgreSQL the file's name, which no test should open ({@link #store} is the database). */
    public final Path database;
    public final Store store;
    public final Jdbi jdbi;
    /** The running server; replaced by {@link #restart()}. */
    public Javalin app;
    public final String baseUrl;
    public final String startupOutput;
    private final AccountService accounts;
    private final AppConfig config;
    private final java.util.Map<String, Integer> names = new java.util.concurrent.ConcurrentHashMap<>();
    /** The app's clock of sessions and log-in throttles: the system's until a test moves it on ({@link TestClock#pass}). */
    public final TestClock clock = new TestClock();

    /** The pooled database outlives server restarts; it is closed with the TestApp. */
    private final Database.Pooled db;

    private TestApp(Path database, boolean demo) {
        this(new AppConfig(0, database, demo, false));
    }

    private TestApp(AppConfig asked) {
        this(asked, false);
    }

    /** {@code sqlite}: on the SQLite file whatever the test store (a study to be moved by {@code migrate}, say). */
    private TestApp(AppConfig asked, boolean sqlite) {
        this.database = asked.database();
        if (asked.backups() != null) TestStores.assumeSqlite("rolling backups copy the SQLite file");
        if (database.getFileName().toString().contains("?")) TestStores.assumeSqlite("a small disk is a SQLite page limit");
        this.store = sqlite ? Store.sqlite(database) : TestStores.fresh(database);
        try {
            this.db = Database.openPooled(store);
            this.jdbi = db.jdbi();
            AppConfig onStore = new AppConfig(0, store, asked.demo(), asked.secureCookies(), asked.sessionIdle(), asked.origins(), asked.backups(), clock);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            this.app = App.create(onStore, jdbi, new PrintStream(out, true, StandardCharsets.UTF_8), () -> { }).start();
            this.startupOutput = out.toString(StandardCharsets.UTF_8);
            this.baseUrl = "http://localhost:" + app.port();
            this.config = onStore.withPort(app.port());
            this.accounts = new AccountService(jdbi, new Writes(jdbi), onStore.sessionIdle(), clock);
        } catch (RuntimeException e) {
            TestStores.closed(store);
            throw e;
        }
    }

    /** With settings of the test's own (a backup plan, say) over {@code folder/test.db}. */
    public static TestApp start(Path folder, java.util.function.UnaryOperator<AppConfig> settings) {
        return new TestApp(settings.apply(new AppConfig(0, folder.resolve("test.db"), false, false)));
    }

    public static TestApp start(Path folder) {
        return new TestApp(folder.resolve("test.db"), false);
    }

    /** Over a database file of the test's choosing (a name may carry sqlite-jdbc pragmas: {@code test.db?max_page_count=N}). */
    public static TestApp startAt(Path database) {
        return new TestApp(database, false);
    }

    /** The demo study in {@code folder/demo.db}, a SQLite file on either test store. */
    public static TestApp startDemoOnSqlite(Path folder) {
        return new TestApp(new AppConfig(0, folder.resolve("demo.db"), true, false), true);
    }

    /** Over a SQLite file of the test's choosing, a SQLite file on either test store (a study that {@code migrate} moves, say). */
    public static TestApp startOnSqliteAt(Path database) {
        return new TestApp(new AppConfig(0, database, false, false), true);
    }

    public static TestApp startDemo(Path folder) {
        return new TestApp(folder.resolve("demo.db"), true);
    }

    /**
     * A user of that system role with {@link #PASSWORD}: made now, or the same user again when an
     * earlier test of a class that shares this app made it (with that role).
     */
    public User user(String name, Role role) {
        synchronized (accounts) {
            var existing = accounts.findByName(name);
            if (existing.isEmpty()) return accounts.createUser(name, PASSWORD, role);
            if (existing.get().systemRole() != role) throw new AssertionError("User " + name + " exists already as " + existing.get().systemRole());
            return existing.get();
        }
    }

    /**
     * {@code name} the first time it is asked for in this app, then {@code name-2}, {@code name-3}...:
     * names that must be unique (projects, users) for tests that share one app and each make their own.
     */
    public String unique(String name) {
        int n = names.merge(name, 1, Integer::sum);
        return n == 1 ? name : name + "-" + n;
    }

    /** What a command takes as {@code --db} for this app's database: the file, or the PostgreSQL URL with its user. */
    public String dbArgument() {
        return TestStores.argument(store);
    }

    /** A new HTTP client with its own cookie jar, not logged in. */
    public Http anonymous() {
        return new Http(baseUrl);
    }

    /** A user of that system role, made now, logged in. */
    public Http loggedIn(String name, Role role) {
        user(name, role);
        return as(name);
    }

    public Http as(String name) {
        Http http = new Http(baseUrl);
        http.login(name, PASSWORD);
        return http;
    }

    /** A fresh session of that user as a Cookie header value, for raw-socket and wrk requests. */
    public String sessionCookie(String name) {
        return anonymous().login(name, PASSWORD).headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("samenspraak_session=")).findFirst().orElseThrow().split(";")[0];
    }

    /** In demo mode: the password the start printed for a demo user (they change at every start). */
    public String demoPassword(String user) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\s+" + java.util.regex.Pattern.quote(user) + "\\s+\\(\\w+\\)\\s+password: (\\S+)$")
                .matcher(startupOutput);
        if (!m.find()) throw new AssertionError("No password for " + user + " in the start-up output:\n" + startupOutput);
        return m.group(1);
    }

    public long count(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    /** Stops the server (the database stays); clients now fail to connect until {@link #restart()}. */
    public void stopServer() {
        app.stop();
    }

    /** Starts a new server on the same port over the same database, as after a crash or a redeploy. */
    public void restart() {
        app = App.create(config, jdbi, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), () -> { }).start();
    }

    @Override
    public void close() {
        app.stop();
        db.close();
        TestStores.closed(store);
    }
}
