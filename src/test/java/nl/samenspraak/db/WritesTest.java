package nl.samenspraak.db;

import nl.samenspraak.http.ApiException;
import nl.samenspraak.support.Sql;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

class WritesTest {
    @TempDir Path dir;

    @Test
    void concurrent_grouped_writes_are_all_committed_and_a_refused_one_undoes_only_itself() throws Exception {
        Database.Pooled db = Database.openPooled(dir.resolve("w.db"));
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
                                if (n % 5 == 4) throw ApiException.badRequest("refused " + thread + "/" + n);
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
        Database.Pooled db = Database.openPooled(dir.resolve("w2.db"));
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
}
