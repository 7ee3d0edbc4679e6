package nl.samenspraak.account;

import nl.samenspraak.support.Http;
import nl.samenspraak.support.RawHttp;
import nl.samenspraak.support.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Log-in under attack: a flood of wrong passwords is refused beyond a few password checks at a time,
 * failures close the name and the address for growing waits, and a stranger's failures do not keep
 * the real user out of a browser that logged in before. The memory side (no OutOfMemoryError at
 * -Xmx256m) is measured by LoginFloodBench.
 */
class LoginFloodHttpTest {
    static final String WRONG = "{\"name\":\"%s\",\"password\":\"not the password\"}";
    @TempDir Path dir;
    TestApp app;

    @BeforeEach void start() {
        app = TestApp.start(dir);
        app.user("anna", Role.CODER);
    }

    @AfterEach void stop() { app.close(); }

    RawHttp.Answer attempt(String from, String name, String password) {
        return RawHttp.postJson(from, app.app.port(), "/api/login", "{\"name\":\"" + name + "\",\"password\":\"" + password + "\"}");
    }

    @Test
    void a_flood_beyond_the_password_checks_is_refused_at_once_with_retry_after() throws Exception {
        int n = 60;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<RawHttp.Answer>> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String from = "127.0.1." + (i + 1), name = "stranger" + i; // every attempt from its own address, for its own name
            answers.add(pool.submit(() -> { go.await(); return attempt(from, name, "not the password"); }));
        }
        go.countDown();
        int refused = 0, wrong = 0;
        for (Future<RawHttp.Answer> f : answers) {
            RawHttp.Answer a = f.get();
            assertThat(a.status()).as(a.body()).isIn(401, 503);
            if (a.status() == 503) {
                refused++;
                assertThat(a.header("Retry-After")).isEqualTo("1");
                assertThat(a.body()).contains("\"error\"").contains("many log-ins");
            } else {
                wrong++;
            }
        }
        pool.shutdown();
        assertThat(refused).as("attempts refused unchecked").isPositive();
        assertThat(wrong).as("attempts checked").isLessThan(n);
        assertThat(attempt("127.0.1.99", "anna", TestApp.PASSWORD).status()).as("afterwards the real user logs in").isEqualTo(200);
    }

    @Test
    void a_browser_that_logged_in_before_gets_in_while_strangers_keep_every_password_check_busy() throws Exception {
        Http annasBrowser = app.anonymous();
        annasBrowser.login("anna", TestApp.PASSWORD);
        AtomicBoolean flooding = new AtomicBoolean(true);
        AtomicInteger next = new AtomicInteger(), busy = new AtomicInteger();
        Semaphore refusals = new Semaphore(0); // one permit per stranger refused unchecked
        int threads = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) pool.submit(() -> {
            while (flooding.get()) { // a new name from a new address every time: no throttle holds them, only the bounded checks
                int i = next.incrementAndGet();
                if (attempt("127.1." + (i / 250 % 250 + 1) + "." + (i % 250 + 1), "stranger" + i, "not the password").status() == 503) {
                    busy.incrementAndGet();
                    refusals.release();
                }
            }
            return null;
        });
        // Waits for the event (20 strangers refused), not for a time; the bound only keeps a broken build from hanging.
        assertThat(refusals.tryAcquire(20, 5, TimeUnit.MINUTES)).as("the flood filled the password checks").isTrue();
        int busyBefore = busy.get();
        List<Integer> annas = new ArrayList<>();
        for (int i = 0; i < 10; i++) annas.add(annasBrowser.post("/api/login", Map.of("name", "anna", "password", TestApp.PASSWORD)).status());
        int busyDuring = busy.get() - busyBefore;
        flooding.set(false);
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(busyDuring).as("strangers were refused while anna logged in").isPositive();
        assertThat(annas).as("anna's browser has a lane of its own").containsOnly(200);
        assertThat(annasBrowser.post("/api/login", Map.of("name", "bram", "password", "not the password")).status())
                .as("anna's device cookie opens the lane for anna only: bram's name from her browser waits with the strangers")
                .isIn(401, 503);
    }

    @Test
    void failures_close_the_name_but_not_for_a_browser_that_logged_in_before() {
        Http annasBrowser = app.anonymous();
        annasBrowser.login("anna", TestApp.PASSWORD);
        for (int i = 0; i < LoginGuard.ACCOUNT.free() + 1; i++) assertThat(attempt("127.0.2.1", "anna", "guess " + i).status()).isEqualTo(401);
        // The first close lasts a second; on a busy machine the next request can come after it. Each failure once
        // the name is open again doubles the wait, so guessing on until a refusal says 3 s or more makes the check
        // below land inside the close, on any machine (the events decide, not a clock).
        for (int i = 0; ; i++) {
            RawHttp.Answer guess = attempt("127.0.2.1", "anna", "more guessing " + i);
            assertThat(guess.status()).as("a guess while closed is refused, once open again it fails").isIn(401, 429);
            if (guess.status() == 429 && Integer.parseInt(guess.header("Retry-After")) >= 3) break;
            assertThat(i).as("the waits grow until one is 3 s or more").isLessThan(200);
            if (guess.status() == 429) sleep(100);
        }

        RawHttp.Answer closed = attempt("127.0.2.2", "Anna", TestApp.PASSWORD);
        assertThat(closed.status()).as("even the right password, from a new browser elsewhere").isEqualTo(429);
        assertThat(Integer.parseInt(closed.header("Retry-After"))).isBetween(1, 300);
        assertThat(closed.body()).contains("try again in");
        assertThat(annasBrowser.post("/api/login", Map.of("name", "anna", "password", TestApp.PASSWORD)).status())
                .as("anna's own browser is not held by a stranger's failures").isEqualTo(200);
        assertThat(annasBrowser.post("/api/login", Map.of("name", "bram", "password", "x")).status())
                .as("anna's device cookie does not help for another name").isEqualTo(401);
    }

    @Test
    void failures_from_one_address_close_that_address_for_every_name() {
        for (int i = 0; i < LoginGuard.ADDRESS.free() + 1; i++) assertThat(attempt("127.0.3.1", "name" + i, "guess").status()).isEqualTo(401);
        RawHttp.Answer closed = attempt("127.0.3.1", "anna", TestApp.PASSWORD);
        assertThat(closed.status()).isEqualTo(429);
        assertThat(closed.header("Retry-After")).isNotNull();
        assertThat(attempt("127.0.3.2", "anna", TestApp.PASSWORD).status()).as("another address").isEqualTo(200);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
