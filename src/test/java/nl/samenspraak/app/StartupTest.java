package nl.samenspraak.app;

import nl.samenspraak.account.AccountService;
import nl.samenspraak.account.Role;
import nl.samenspraak.db.Database;
import nl.samenspraak.db.Writes;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start as {@code serve} runs it ({@link App#serve}): the port opens while the database is opened and
 * migrated on a thread of its own. Here that thread waits for the test's word, so what a client sees
 * in between can be looked at: {@code /api/health} says "starting", other requests wait and then get
 * their usual answer, and a start that fails says so.
 */
class StartupTest {
    @TempDir Path dir;
    final HttpClient client = HttpClient.newHttpClient();
    final CountDownLatch go = new CountDownLatch(1);
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    /** The start's thread, held until {@link #go} counts down. */
    final Executor held = work -> new Thread(() -> {
        try {
            go.await();
        } catch (InterruptedException e) {
            return;
        }
        work.run();
    }, "startup-held").start();

    App.Started serve(Path db, AppConfig.Demo demo) {
        return App.serve(new AppConfig(0, db, demo, false, AccountService.DEFAULT_IDLE, List.of(), null),
                new PrintStream(out, true, StandardCharsets.UTF_8), held);
    }

    HttpResponse<String> get(App.Started s, String path) throws Exception {
        return client.send(request(s, path), HttpResponse.BodyHandlers.ofString());
    }

    static HttpRequest request(App.Started s, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + s.app().port() + path)).build();
    }

    /** Until a server thread waits in the start's gate: the request sent before has arrived and is held there. */
    static void untilARequestWaitsForTheStart() throws InterruptedException {
        while (Thread.getAllStackTraces().values().stream().noneMatch(stack -> Arrays.stream(stack)
                .anyMatch(f -> f.getClassName().equals(Startup.class.getName()) && f.getMethodName().equals("gate")))) {
            Thread.sleep(5);
        }
    }

    @Test
    void a_new_database_health_says_starting_and_a_page_waits_for_the_migrations_then_opens_the_set_up() throws Exception {
        App.Started s = serve(dir.resolve("nieuw.db"), AppConfig.Demo.OFF);
        try {
            HttpResponse<String> health = get(s, "/api/health");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).isEqualTo("{\"status\":\"starting\"}");
            assertThat(health.headers().firstValue("Cache-Control")).hasValue("no-store");

            // The start page asks whether any user exists: before the migrations there is no users table.
            CompletableFuture<HttpResponse<String>> page = client.sendAsync(request(s, "/"), HttpResponse.BodyHandlers.ofString());
            untilARequestWaitsForTheStart();
            assertThat(page).isNotDone();
            assertThat(s.ready()).isNotDone();
            go.countDown();

            assertThat(page.get().statusCode()).as("redirected to the set-up page, not a 500").isEqualTo(302);
            assertThat(page.get().headers().firstValue("Location")).hasValue("/setup.html");
            s.ready().get();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("It asks for this set-up code");
            HttpResponse<String> ok = get(s, "/api/health");
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).contains("\"status\":\"ok\"");
        } finally {
            s.app().stop();
        }
    }

    /** A database of its own already: migrated, with administrator 'ans'. */
    private Path existing(String name) {
        Path db = dir.resolve(name);
        Jdbi jdbi = Database.open(db);
        new AccountService(jdbi, new Writes(jdbi)).createUser("ans", "een lang wachtwoord", Role.ADMIN);
        return db;
    }

    @Test
    void on_an_existing_database_a_log_in_sent_while_starting_is_answered_once_started() throws Exception {
        Path db = existing("bestaand.db");
        App.Started s = serve(db, AppConfig.Demo.OFF);
        try {
            CompletableFuture<HttpResponse<String>> login = client.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + s.app().port() + "/api/login"))
                    .header("Content-Type", "application/json").header("Origin", "http://localhost:" + s.app().port())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"ans\",\"password\":\"een lang wachtwoord\"}")).build(), HttpResponse.BodyHandlers.ofString());
            untilARequestWaitsForTheStart();
            assertThat(login).isNotDone();
            go.countDown();
            assertThat(login.get().statusCode()).isEqualTo(200);
            assertThat(login.get().body()).contains("\"name\":\"ans\"");
            assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("set-up code");
        } finally {
            s.app().stop();
        }
    }

    @Test
    void a_start_that_fails_says_unavailable_and_refuses_what_waited() throws Exception {
        Path db = existing("eigen.db");
        App.Started s = serve(db, AppConfig.Demo.ON);
        try {
            CompletableFuture<HttpResponse<String>> session = client.sendAsync(request(s, "/api/session"), HttpResponse.BodyHandlers.ofString());
            untilARequestWaitsForTheStart();
            go.countDown();
            assertThat(s.ready()).failsWithin(java.time.Duration.ofMinutes(1)).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .havingCause().isInstanceOf(DemoData.Refused.class);
            assertThat(session.get().statusCode()).isEqualTo(503);
            assertThat(session.get().body()).contains("\"code\":\"server.starting\"");
            HttpResponse<String> health = get(s, "/api/health");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).isEqualTo("{\"status\":\"unavailable\"}");
        } finally {
            s.app().stop();
        }
    }
}
