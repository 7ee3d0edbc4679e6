package nl.samenspraak.exports;

import nl.samenspraak.account.Role;
import nl.samenspraak.support.Fixtures;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A workbook over what an .xlsx can hold (4 GiB, zip32) is refused when it is asked for, from the
 * counts, before any of it is written: 300 units of 32,000 characters, each coded by 8 coders in 50
 * dimensions, repeat their text in 120,000 Units rows (about 4.5 GiB of XML).
 */
class WorkbookLimitHttpTest {
    @TempDir Path dir;

    @Test
    void a_workbook_over_four_gibibytes_is_refused_before_it_is_written() {
        try (TestApp app = TestApp.start(dir)) {
            Http admin = app.loggedIn("root", Role.ADMIN);
            long project = Fixtures.project(admin, "Groot");
            long transcript = Fixtures.transcript(admin, project, "gesprek.txt");
            List<Long> coders = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                coders.add(app.user("coder" + c, Role.CODER).id());
                Fixtures.member(admin, project, "coder" + c, "coder");
            }
            String text = "Een lange uiting, ".repeat(2_000).substring(0, 32_000);
            app.jdbi.useTransaction(h -> {
                long codebook = h.createQuery("SELECT MAX(id) FROM codebooks WHERE key = 'samen-beslissen'").mapTo(Long.class).one();
                var units = h.prepareBatch("INSERT INTO utterances(transcript_id, seq, speaker_label, speaker_role, text) VALUES (?, ?, 'KM', 'professional', ?)");
                for (int i = 0; i < 300; i++) units.add(transcript, 100 + i, text);
                units.execute();
                var codes = h.prepareBatch("INSERT INTO codes(utterance_id, coder_id, dimension, code, codebook_id, updated_at) VALUES (?, ?, ?, 'x', ?, '2025-01-01T00:00:00Z')");
                for (long u : h.createQuery("SELECT id FROM utterances WHERE transcript_id = " + transcript + " AND seq >= 100").mapTo(Long.class).list()) {
                    for (long c : coders) for (int d = 0; d < 50; d++) codes.add(u, c, "d" + d, codebook);
                }
                codes.execute();
            });

            long asked = System.nanoTime();
            Http.Response job = admin.post("/api/projects/" + project + "/exports", Map.of("format", "xlsx"));
            assertThat(job.status()).as(job.body()).isEqualTo(400);
            assertThat(job.error()).contains("GiB").contains("4 GiB").contains("CSV");
            assertThat(job.json().path("details").path("estimatedBytes").asLong()).isGreaterThan(4L << 30);
            System.out.printf("[WorkbookLimitHttpTest] refused in %d ms%n", (System.nanoTime() - asked) / 1_000_000);
            Http.Response direct = admin.get("/api/projects/" + project + "/export.xlsx");
            assertThat(direct.status()).as(direct.body()).isEqualTo(400);

            long small = Fixtures.transcript(admin, project, "klein.txt");
            Http.Response smaller = admin.post("/api/projects/" + project + "/exports", Map.of("format", "xlsx", "transcripts", List.of(small)));
            assertThat(smaller.status()).as("a smaller selection fits: " + smaller.body()).isEqualTo(202);
        }
    }
}
