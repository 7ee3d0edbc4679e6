package nl.samenspraak.coding;

import nl.samenspraak.db.Database;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one query before every code save ({@link CodeWrites#target}), which asks whether the transcript is open
 * to the coder through the view {@code open_transcripts}, against the same query with the rule inlined (as it
 * was before the view), in one JVM, interleaved, in thread CPU time per query: a figure a loaded machine
 * disturbs far less than HTTP latency. Two projects: one without assignments (the view's second arm decides),
 * one where every transcript is assigned to two of its 50 coders.
 * Run: {@code mvn -B -Pbench test -Dtest=SaveQueryBench}.
 */
@Tag("bench")
class SaveQueryBench {
    static final String INLINED = """
            SELECT u.id, t.id, t.project_id, u.speaker_role,
                   (SELECT MAX(cb.id) FROM codebooks cb WHERE cb.key = p.codebook_key),
                   CASE WHEN NOT EXISTS (SELECT 1 FROM assignments a WHERE a.project_id = t.project_id) THEN 1
                        ELSE EXISTS (SELECT 1 FROM assignments a WHERE a.transcript_id = t.id AND a.user_id = ?) END
            FROM utterances u JOIN transcripts t ON t.id = u.transcript_id JOIN projects p ON p.id = t.project_id
            WHERE u.id = ? AND t.deleted_at IS NULL""";
    static final int CODERS = 50, TRANSCRIPTS = 40, UNITS = 400, ROUNDS = 10, QUERIES = 20_000;

    @TempDir Path dir;

    @Test
    void the_save_query_through_the_view_costs_no_more_than_the_inlined_rule() throws Exception {
        Jdbi jdbi = Database.open(dir.resolve("q.db"));
        fill(jdbi);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        jdbi.useHandle(h -> {
            Connection c = h.getConnection();
            for (long project : new long[] {1, 2}) {
                long[] view = new long[ROUNDS], inlined = new long[ROUNDS];
                for (int r = 0; r < ROUNDS; r++) {
                    inlined[r] = run(c, threads, project, true);
                    view[r] = run(c, threads, project, false);
                }
                java.util.Arrays.sort(view);
                java.util.Arrays.sort(inlined);
                System.out.printf("[SaveQueryBench] project %d (%s): CPU per query, median of %d rounds of %d: view %.2f µs, inlined %.2f µs "
                                + "(best %.2f / %.2f µs); load average %.1f%n", project, project == 1 ? "no assignments" : "assigned",
                        ROUNDS, QUERIES, view[ROUNDS / 2] / 1e3 / QUERIES, inlined[ROUNDS / 2] / 1e3 / QUERIES,
                        view[0] / 1e3 / QUERIES, inlined[0] / 1e3 / QUERIES, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
        });
    }

    /** Thread CPU nanoseconds for QUERIES lookups of random units by random coders of the project; checks both answers agree. */
    private static long run(Connection c, ThreadMXBean threads, long project, boolean inlinedRule) throws Exception {
        Random random = new Random(project);
        long firstUnit = (project - 1) * TRANSCRIPTS * UNITS + 1;
        long start = threads.getCurrentThreadCpuTime();
        int open = 0;
        try (PreparedStatement s = c.prepareStatement(INLINED); PreparedStatement v = c.prepareStatement(CodeWrites.TARGET)) {
            PreparedStatement q = inlinedRule ? s : v;
            for (int i = 0; i < QUERIES; i++) {
                long coder = 2 + random.nextInt(CODERS);
                q.setLong(1, coder);
                q.setLong(2, firstUnit + random.nextInt(TRANSCRIPTS * UNITS));
                try (ResultSet r = q.executeQuery()) {
                    assertThat(r.next()).isTrue();
                    open += r.getInt(6);
                }
            }
        }
        long used = threads.getCurrentThreadCpuTime() - start;
        if (project == 1) assertThat(open).isEqualTo(QUERIES);
        else assertThat(open).isBetween(1, QUERIES / 5);
        return used;
    }

    /** Two projects of 40 transcripts x 400 units and 50 coders; in the second, each transcript is assigned to two coders. */
    private static void fill(Jdbi jdbi) {
        jdbi.useTransaction(h -> {
            h.execute("INSERT INTO users(id, name, password_hash, system_role, created_at) VALUES (1, 'root', 'x', 'admin', 'now')");
            for (int u = 2; u < 2 + CODERS; u++) h.execute("INSERT INTO users(id, name, password_hash, system_role, created_at) VALUES (?, ?, 'x', 'coder', 'now')", u, "c" + u);
            h.execute("INSERT INTO codebooks(id, key, version, title, body, sha256, created_at) VALUES (1, 'k', '1', 't', '{}', 's', 'now')");
            for (int p = 1; p <= 2; p++) {
                h.execute("INSERT INTO projects(id, name, codebook_key, created_at) VALUES (?, ?, 'k', 'now')", p, "p" + p);
                for (int u = 2; u < 2 + CODERS; u++) h.execute("INSERT INTO project_members VALUES (?, ?, 'coder', 'now')", p, u);
                for (int t = 0; t < TRANSCRIPTS; t++) {
                    long id = (p - 1) * TRANSCRIPTS + t + 1;
                    h.execute("INSERT INTO transcripts(id, project_id, name, file_name, format, segmentation, created_at) VALUES (?, ?, ?, 'f', 'txt', 'turn', 'now')", id, p, "t" + id);
                    if (p == 2) for (int k = 0; k < 2; k++) h.execute("INSERT INTO assignments VALUES (?, ?, ?, 'now', 1)", p, id, 2 + (t * 2 + k) % CODERS);
                }
            }
            var units = h.prepareBatch("INSERT INTO utterances(id, transcript_id, seq, speaker_label, speaker_role, text) VALUES (?, ?, ?, 'KM', 'professional', 'tekst')");
            for (long t = 1; t <= 2L * TRANSCRIPTS; t++) for (int s = 1; s <= UNITS; s++) units.add((t - 1) * UNITS + s, t, s);
            units.execute();
        });
    }
}
