package nl.samenspraak.db;

import nl.samenspraak.http.ApiException;
import nl.samenspraak.support.Sql;
import nl.samenspraak.support.TestStores;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WritesTest {
    @TempDir Path dir;

    @Test
    void concurrent_grouped_writes_are_all_committed_and_a_refused_one_undoes_only_itself() throws Exception {
        Database.Pooled db = Database.openPooled(TestStores.fresh(dir.resolve("w.db")));
        Jdbi jdbi = db.jdbi();
        jdbi.useHandle(h -> h.execute("CREATE TABLE t (thread INTEGER, i INTEGER)"));
        ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
        try (Writes writes = new Writes(jdbi)) {
            int threads = 16, each = 40;
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> all = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Thread th = new Thread(() -> {
                    try { start.await(); } catch (InterruptedException e) { return; }
                    for (int i = 0; i < each; i++) {
                        int n = i;
                        try {
                            writes.grouped(h -> {
                                h.execute("INSERT INTO t VALUES (?, ?)", thread, n);
                                if (n % 5 == 4) throw ApiException.badRequest("test.refused", "refused " + thread + "/" + n);
                                return null;
                            });
                        } catch (ApiException e) {
                            refused.add(e.getMessage());
                        }
                    }
                });
                th.start();
                all.add(th);
            }
            start.countDown();
            for (Thread th : all) th.join();
            long rows = Sql.one(jdbi, "SELECT COUNT(*) FROM t", Long.class);
            long refusedRows = Sql.one(jdbi, "SELECT COUNT(*) FROM t WHERE i % 5 = 4", Long.class);
            assertThat(refused).hasSize(threads * each / 5);
            assertThat(refusedRows).isZero();
            assertThat(rows).isEqualTo(threads * each * 4L / 5);
        } finally {
            db.close();
        }
    }

    @Test
    void plain_transactions_and_grouped_writes_queue_behind_each_other() {
        Database.Pooled db = Database.openPooled(TestStores.fresh(dir.resolve("w2.db")));
        Jdbi jdbi = db.jdbi();
        jdbi.useHandle(h -> h.execute("CREATE TABLE t (x INTEGER)"));
        try (Writes writes = new Writes(jdbi)) {
            writes.useTransaction(h -> h.execute("INSERT INTO t VALUES (1)"));
            writes.grouped(h -> h.execute("INSERT INTO t VALUES (2)"));
            writes.inTransaction(h -> h.execute("INSERT INTO t VALUES (3)"));
            assertThat(Sql.one(jdbi, "SELECT SUM(x) FROM t", Long.class)).isEqualTo(6L);
        } finally {
            db.close();
        }
    }

    /** A grouped write that holds the committer until {@code release} opens: whatever is queued meanwhile waits. */
    private static Future<Object> holdCommitter(ExecutorService callers, Writes writes, CountDownLatch release, CountDownLatch holding) {
        return callers.submit(() -> writes.grouped(h -> {
            h.execute("INSERT INTO t VALUES (0)");
            holding.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return null;
        }));
    }

    /** A test over a fresh database with a table {@code t (x INTEGER)}, its write path and a pool of calling threads. */
    private interface OnTable {
        void run(Jdbi jdbi, Writes writes, ExecutorService callers) throws Exception;
    }

    private void onTable(String file, OnTable test) throws Exception {
        Database.Pooled db = Database.openPooled(TestStores.fresh(dir.resolve(file)));
        Jdbi jdbi = db.jdbi();
        jdbi.useHandle(h -> h.execute("CREATE TABLE t (x INTEGER)"));
        ExecutorService callers = Executors.newCachedThreadPool();
        try (Writes writes = new Writes(jdbi)) {
            test.run(jdbi, writes, callers);
        } finally {
            callers.shutdownNow();
            db.close();
        }
    }

    private static void awaitQueued(Writes writes, int n) throws InterruptedException {
        long until = System.nanoTime() + 20_000_000_000L;
        while (writes.status().queued() < n && System.nanoTime() < until) Thread.sleep(5);
        assertThat(writes.status().queued()).as("writes waiting for the committer").isEqualTo(n);
    }

    @Test
    void grouped_writes_wait_in_one_queue_behind_the_committer_and_commit_together_in_one_batch() throws Exception {
        onTable("w3.db", (jdbi, writes, callers) -> {
            assertThat(writes.status().state()).isEqualTo(Writes.State.IDLE);
            CountDownLatch release = new CountDownLatch(1), holding = new CountDownLatch(1);
            Future<Object> held = holdCommitter(callers, writes, release, holding);
            assertThat(holding.await(20, TimeUnit.SECONDS)).isTrue();
            List<Future<Object>> queued = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                int n = i;
                queued.add(callers.submit(() -> writes.grouped(h -> h.execute("INSERT INTO t VALUES (?)", n))));
            }
            awaitQueued(writes, 10);
            // A plain transaction queues on the same lock: it cannot start while the committer holds it.
            Future<?> plain = callers.submit(() -> writes.useTransaction(h -> h.execute("INSERT INTO t VALUES (100)")));
            Thread.sleep(200);
            assertThat(plain.isDone()).isFalse();
            assertThat(writes.status().state()).isEqualTo(Writes.State.RUNNING);
            assertThat(writes.status().batches()).isZero();
            release.countDown();
            held.get(20, TimeUnit.SECONDS);
            for (Future<Object> f : queued) f.get(20, TimeUnit.SECONDS);
            plain.get(20, TimeUnit.SECONDS);
            assertThat(writes.status().queued()).isZero();
            assertThat(writes.status().batches()).as("the held write's batch, then one batch of the ten that waited").isEqualTo(2);
            assertThat(Sql.one(jdbi, "SELECT SUM(x) FROM t", Long.class)).isEqualTo(155L);
        });
    }

    @Test
    void a_batch_runs_without_savepoints_until_a_write_is_refused_then_again_with_one_per_write() throws Exception {
        onTable("w5.db", (jdbi, writes, callers) -> {
            for (boolean withRefusals : new boolean[] {false, true}) {
                jdbi.useHandle(h -> h.execute("DELETE FROM t"));
                CountDownLatch release = new CountDownLatch(1), holding = new CountDownLatch(1);
                Future<Object> held = holdCommitter(callers, writes, release, holding);
                assertThat(holding.await(20, TimeUnit.SECONDS)).isTrue();
                long batchesBefore = writes.status().batches();
                java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
                List<Future<Object>> queued = new ArrayList<>();
                for (int i = 1; i <= 10; i++) {
                    int n = i;
                    queued.add(callers.submit(() -> writes.grouped(h -> {
                        runs.incrementAndGet();
                        h.execute("INSERT INTO t VALUES (?)", n);
                        if (withRefusals && (n == 3 || n == 7)) throw ApiException.conflict("test.refused", "refused " + n);
                        // what a write answers comes from the database, so a second run must answer from the second run's state
                        return h.createQuery("SELECT COUNT(*) FROM t WHERE x > 0").mapTo(Long.class).one();
                    })));
                    awaitQueued(writes, i); // queued in the order 1..10
                }
                release.countDown();
                held.get(20, TimeUnit.SECONDS);
                List<Object> answers = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    try {
                        answers.add(queued.get(i).get(20, TimeUnit.SECONDS));
                    } catch (java.util.concurrent.ExecutionException e) {
                        answers.add(((ApiException) e.getCause()).code());
                    }
                }
                assertThat(writes.status().batches() - batchesBefore).as("the held write's batch, then the ten in one").isEqualTo(2);
                if (!withRefusals) {
                    assertThat(runs.get()).as("each write ran once: no refusal, no second run").isEqualTo(10);
                    assertThat(answers).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
                    assertThat(Sql.one(jdbi, "SELECT COUNT(*) FROM t WHERE x > 0", Long.class)).isEqualTo(10L);
                } else {
                    // First run: writes 1-3 (3 refused, the batch rolled back); second run: all ten, each in a savepoint.
                    assertThat(runs.get()).isEqualTo(3 + 10);
                    assertThat(answers).containsExactly(1L, 2L, "test.refused", 3L, 4L, 5L, "test.refused", 6L, 7L, 8L);
                    List<Integer> stored = jdbi.withHandle(h -> h.createQuery("SELECT x FROM t WHERE x > 0 ORDER BY x").mapTo(Integer.class).list());
                    assertThat(stored).containsExactly(1, 2, 4, 5, 6, 8, 9, 10);
                }
            }
        });
    }

    @Test
    void a_batch_that_throws_an_error_answers_its_callers_503_and_later_saves_succeed() throws Exception {
        Database.Pooled db = Database.openPooled(TestStores.fresh(dir.resolve("w4.db")));
        Jdbi jdbi = db.jdbi();
        jdbi.useHandle(h -> h.execute("CREATE TABLE t (x INTEGER)"));
        ExecutorService callers = Executors.newCachedThreadPool();
        try (Writes writes = new Writes(jdbi)) {
            int round = 0;
            for (Error injected : List.of(new StackOverflowError("injected"), new OutOfMemoryError("injected"), new AssertionError("injected"))) {
                round++;
                CountDownLatch release = new CountDownLatch(1), holding = new CountDownLatch(1);
                Future<Object> held = holdCommitter(callers, writes, release, holding);
                assertThat(holding.await(20, TimeUnit.SECONDS)).isTrue();
                List<Future<Object>> batch = new ArrayList<>();
                for (int i = 0; i < 4; i++) batch.add(callers.submit(() -> writes.grouped(h -> h.execute("INSERT INTO t VALUES (1)"))));
                batch.add(callers.submit(() -> writes.grouped(h -> { h.execute("INSERT INTO t VALUES (1)"); throw injected; })));
                awaitQueued(writes, 5);
                release.countDown();
                held.get(20, TimeUnit.SECONDS);
                for (Future<Object> f : batch) {
                    // Answered, not left waiting: each caller of the failed batch gets a 503 that says nothing was stored.
                    assertThatThrownBy(() -> f.get(20, TimeUnit.SECONDS)).as(injected.toString()).cause()
                            .isInstanceOf(ApiException.class).hasMessageContaining("Nothing of it was stored")
                            .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(503));
                }
                assertThat(writes.status().failedBatches()).isEqualTo(round);
                int inserted = writes.grouped(h -> h.execute("INSERT INTO t VALUES (10)"));
                assertThat(inserted).isEqualTo(1);
                assertThat(writes.status().state()).isEqualTo(Writes.State.RUNNING);
            }
            assertThat(Sql.one(jdbi, "SELECT COUNT(*) FROM t WHERE x = 1", Long.class)).as("the failed batches left nothing behind").isZero();
            assertThat(Sql.one(jdbi, "SELECT SUM(x) FROM t", Long.class)).isEqualTo(30L);
        } finally {
            callers.shutdownNow();
            db.close();
        }
    }

    @Test
    void a_caller_waits_at_most_the_wait_and_a_write_given_up_is_never_stored() throws Exception {
        Database.Pooled db = Database.openPooled(TestStores.fresh(dir.resolve("w5.db")));
        Jdbi jdbi = db.jdbi();
        jdbi.useHandle(h -> h.execute("CREATE TABLE t (x INTEGER)"));
        ExecutorService callers = Executors.newCachedThreadPool();
        // The wait must outlast the committer's pick-up of the held write (else that write is given up before it
        // runs and never holds the committer): 300 ms failed once on a machine at load 129, so 3 s.
        try (Writes writes = new Writes(jdbi, Duration.ofSeconds(3))) {
            CountDownLatch release = new CountDownLatch(1), holding = new CountDownLatch(1);
            Future<Object> held = holdCommitter(callers, writes, release, holding);
            assertThat(holding.await(20, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> writes.grouped(h -> h.execute("INSERT INTO t VALUES (7)")))
                    .isInstanceOf(ApiException.class).hasMessageContaining("was not stored")
                    .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(503));
            assertThatThrownBy(() -> writes.useTransaction(h -> h.execute("INSERT INTO t VALUES (8)")))
                    .isInstanceOf(ApiException.class).hasMessageContaining("nothing was stored")
                    .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(503));
            // The held write itself was taken up before its caller gave up: it may still be stored, and says so.
            assertThatThrownBy(() -> held.get(20, TimeUnit.SECONDS)).cause().isInstanceOf(ApiException.class)
                    .hasMessageContaining("may have been stored");
            release.countDown();
            int inserted = writes.grouped(h -> h.execute("INSERT INTO t VALUES (1)"));
            assertThat(inserted).isEqualTo(1);
            List<Integer> rows = jdbi.withHandle(h -> h.createQuery("SELECT x FROM t ORDER BY x").mapTo(Integer.class).list());
            assertThat(rows).containsExactly(0, 1);
        } finally {
            callers.shutdownNow();
            db.close();
        }
    }
}
