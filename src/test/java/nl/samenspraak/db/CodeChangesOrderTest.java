package nl.samenspraak.db;

import nl.samenspraak.support.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * On PostgreSQL the rows of code_changes get their ids in commit order (migration postgresql/V015): a second
 * transaction that changes a unit waits for the first one's commit before it takes an id, so a cache that has
 * read an id never meets a smaller one committed later. The second writer is seen waiting on the advisory lock
 * in pg_locks, then its id is above the first's.
 */
class CodeChangesOrderTest {
    @TempDir Path dir;

    @Test
    void a_second_writer_waits_for_the_first_commit_and_gets_the_larger_id() throws Exception {
        assumeTrue(TestStores.postgres(), "needs -Dstore=postgresql (a running cluster)");
        Store store = TestStores.fresh(dir.resolve("order.db"));
        try {
            DataSource ds = Database.dataSource(store);
            Migrations.apply(ds);
            long transcript;
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO users(name, password_hash, system_role, created_at) VALUES ('a', 'x', 'admin', 'now')");
                s.execute("INSERT INTO projects(name, codebook_key, created_at) VALUES ('p', 'k', 'now')");
                transcript = one(s, "INSERT INTO transcripts(project_id, name, file_name, format, segmentation, created_at) "
                        + "SELECT id, 't', 't.txt', 'txt', 'turn', 'now' FROM projects RETURNING id");
            }
            try (Connection first = ds.getConnection(); Connection second = ds.getConnection(); Connection watch = ds.getConnection();
                 Statement w = watch.createStatement()) {
                first.setAutoCommit(false);
                second.setAutoCommit(false);
                insertUnit(first, transcript, 1);
                long firstId = one(first.createStatement(), "SELECT MAX(id) FROM code_changes");
                CompletableFuture<Void> later = CompletableFuture.runAsync(() -> {
                    try {
                        insertUnit(second, transcript, 2);
                        second.commit();
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                while (one(w, "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted") == 0) {
                    assertThat(later).as("the second writer must wait for the first").isNotDone();
                    Thread.sleep(10);
                }
                first.commit();
                later.get(30, TimeUnit.SECONDS);
                long secondId = one(w, "SELECT id FROM code_changes ORDER BY id DESC LIMIT 1");
                assertThat(secondId).isGreaterThan(firstId);
                assertThat(one(w, "SELECT COUNT(*) FROM code_changes")).isEqualTo(2);
            }
        } finally {
            TestStores.closed(store);
        }
    }

    private static void insertUnit(Connection c, long transcript, int seq) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO utterances(transcript_id, seq, speaker_label, speaker_role, text) VALUES (" + transcript + ", " + seq + ", 'A', 'client', 'x')");
        }
    }

    private static long one(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
