package nl.samenspraak.adjudication;

import nl.samenspraak.db.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V007 on a database written before it (issue 9, defect 9): the rows "take every agreed code" wrote get the
 * source 'agreed' and lose the comment the app had put there; an adjudicator's own words stay, also the word
 * "agreed" typed on the page (which sends an operation id); taken and cleared codes get their sources.
 */
class ConsensusSourceMigrationTest {
    @TempDir Path dir;

    @Test
    void old_agreed_comments_become_the_source_agreed_and_everything_else_keeps_its_words() throws Exception {
        Path file = dir.resolve("old.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
            String[] before = {"V001__schema.sql", "V002__media.sql", "V003__assignments.sql", "V004__session_data.sql", "V005__consensus.sql", "V006__review.sql"};
            for (int i = 0; i < before.length; i++) {
                s.executeUpdate(read(before[i]));
                s.executeUpdate("INSERT INTO schema_migrations VALUES (" + (i + 1) + ", '" + before[i] + "', '2026-01-01T00:00:00Z')");
            }
            s.executeUpdate("INSERT INTO users VALUES (1, 'tina', 'x', 'trainer', 'now'), (2, 'anna', 'x', 'coder', 'now'), (3, 'consensus:1', '!', 'coder', 'now')");
            s.executeUpdate("INSERT INTO projects VALUES (1, 'Arnhem', 'samen-beslissen', 1, 'now', 1)");
            s.executeUpdate("INSERT INTO transcripts VALUES (1, 1, 'gesprek', 'gesprek.txt', 'txt', 'turn', 1, 'now', 1, NULL, NULL)");
            s.executeUpdate("INSERT INTO utterances VALUES (1, 1, 1, 'KM', 'professional', 'Goedemorgen.', NULL, NULL)");
            String log = "INSERT INTO change_log(id, at, user_id, entity, project_id, transcript_id, utterance_id, coder_id, field, before_value, after_value, op_id) VALUES ";
            s.executeUpdate(log + "(1, 'now', 1, 'code', 1, 1, 1, 3, 'step', NULL, 'team-talk', NULL)");          // agreed, by the app
            s.executeUpdate(log + "(2, 'now', 1, 'code', 1, 1, 1, 3, 'behaviour', NULL, 'co-decide', 'op-2')");  // typed "agreed" on the page
            s.executeUpdate(log + "(3, 'now', 1, 'code', 1, 1, 1, 3, 'step', 'team-talk', 'option-talk', 'op-3')"); // taken from anna
            s.executeUpdate(log + "(4, 'now', 1, 'code', 1, 1, 1, 3, 'step', 'option-talk', NULL, 'op-4')");     // cleared
            s.executeUpdate("INSERT INTO adjudications(change_id, from_coder_id, comment) VALUES (1, NULL, 'agreed'), (2, NULL, 'agreed'), "
                    + "(3, 2, 'Anna heard it.'), (4, NULL, 'undo')");
        }
        Database.openPooled(file).close();

        Map<Long, String[]> rows = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT change_id, source, comment FROM adjudications ORDER BY change_id")) {
            while (r.next()) rows.put(r.getLong(1), new String[]{r.getString(2), r.getString(3)});
        }
        assertThat(rows.get(1L)).containsExactly("agreed", null);
        assertThat(rows.get(2L)).containsExactly("direct", "agreed");
        assertThat(rows.get(3L)).containsExactly("coder", "Anna heard it.");
        assertThat(rows.get(4L)).containsExactly("cleared", "undo");
    }

    private static String read(String name) throws IOException {
        try (InputStream in = ConsensusSourceMigrationTest.class.getClassLoader().getResourceAsStream("db/migration/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
