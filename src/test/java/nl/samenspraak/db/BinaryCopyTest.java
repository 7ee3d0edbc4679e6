package nl.samenspraak.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import nl.samenspraak.support.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link BinaryCopy} against PostgreSQL's own binary COPY (PostgreSQL only: the code cache's whole read uses it there):
 * numbers of each width, texts in UTF-8 and NULLs over rows that run across the reader's buffer, a field larger than
 * that buffer, no rows, and a connection that goes on working after a copy read to its end or closed halfway.
 */
class BinaryCopyTest {
    @TempDir Path dir;

    private Connection connect() throws Exception {
        assumeTrue(TestStores.postgres(), "PostgreSQL only: COPY is PostgreSQL's");
        Store store = TestStores.fresh(dir.resolve("copy.db"));
        Connection c = DriverManager.getConnection(store.jdbcUrl(), store.user(), store.password());
        c.setAutoCommit(false);
        return c;
    }

    @Test
    void every_field_of_a_hundred_thousand_rows_as_postgresql_sent_it() throws Exception {
        try (Connection c = connect()) {
            String query = "SELECT (i % 1000)::int2, i::int4 * 7, i::int8 * 4294967296, CASE WHEN i % 3 = 0 THEN NULL ELSE 'één-' || i END"
                    + " FROM generate_series(1, 100000) AS g(i) ORDER BY i";
            int rows = 0;
            try (BinaryCopy copy = BinaryCopy.of(c, query)) {
                while (copy.next()) {
                    rows++;
                    assertThat(copy.integer()).isEqualTo(rows % 1000);
                    assertThat(copy.integer()).isEqualTo(rows * 7L);
                    assertThat(copy.integer()).isEqualTo(rows * 4294967296L);
                    int length = copy.field();
                    if (rows % 3 == 0) {
                        assertThat(length).isEqualTo(-1);
                    } else {
                        assertThat(new String(copy.bytes(), copy.at(), length, StandardCharsets.UTF_8)).isEqualTo("één-" + rows);
                    }
                    copy.skip(length);
                }
            }
            assertThat(rows).isEqualTo(100_000);
            assertThat(one(c, "SELECT 41 + 1")).as("the connection after a copy read to its end").isEqualTo(42);
        }
    }

    @Test
    void a_field_larger_than_the_buffer_and_a_copy_of_no_rows() throws Exception {
        try (Connection c = connect()) {
            try (BinaryCopy copy = BinaryCopy.of(c, "SELECT -5::int4, repeat('ab', 150000)")) {
                assertThat(copy.next()).isTrue();
                assertThat(copy.integer()).isEqualTo(-5);
                int length = copy.field();
                assertThat(length).isEqualTo(300_000);
                assertThat(new String(copy.bytes(), copy.at(), length, StandardCharsets.UTF_8)).isEqualTo("ab".repeat(150_000));
                copy.skip(length);
                assertThat(copy.next()).isFalse();
            }
            try (BinaryCopy copy = BinaryCopy.of(c, "SELECT 1 WHERE false")) {
                assertThat(copy.next()).isFalse();
            }
        }
    }

    @Test
    void a_copy_closed_halfway_leaves_the_connection_usable_and_a_row_must_be_read_whole() throws Exception {
        try (Connection c = connect()) {
            try (BinaryCopy copy = BinaryCopy.of(c, "SELECT i, 'x' FROM generate_series(1, 200000) AS g(i)")) {
                assertThat(copy.next()).isTrue();
                assertThat(copy.integer()).isEqualTo(1);
                assertThatThrownBy(copy::next).isInstanceOf(IllegalStateException.class).hasMessageContaining("1 field(s)");
                assertThatThrownBy(() -> copy.integer()).as("a text is no number").isInstanceOf(java.sql.SQLException.class);
            }
            c.rollback();
            assertThat(one(c, "SELECT 6 * 7")).as("the connection after a copy closed early").isEqualTo(42);
        }
    }

    private static int one(Connection c, String sql) throws Exception {
        try (var s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }
}
