package nl.samenspraak.exports;

import nl.samenspraak.codebook.CodebookService;
import nl.samenspraak.db.Database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Random;

/**
 * Builds a large coded project fast for benchmarks: migrated like production, then filled over one raw
 * JDBC connection with batched inserts and synchronous=OFF (a throw-away file). Dimension 'step' of the
 * Samen Beslissen codebook; full coders code every unit, the partial coder every other transcript;
 * about 80% of codes agree with the first coder.
 */
public final class BenchDatabase {
    private BenchDatabase() {}

    public static final String[] STEPS = {"team-talk", "option-talk", "decision-talk", "no-step"};
    static final String[] WORDS = ("we kijken samen naar de volgende stap u mag zelf meebeslissen over het traject wat vindt u "
            + "belangrijk in werk opleiding vrijwilligerswerk solliciteren uitkering zorg kinderen reistijd uren per week "
            + "voor- en nadelen afspraak evalueren motivatie doel route").split(" ");

    /** Returns the number of codes written. */
    public static long build(Path file, int transcripts, int unitsPerTranscript, int fullCoders, boolean partialCoder) throws Exception {
        var jdbi = Database.open(file);
        new CodebookService(jdbi, new nl.samenspraak.db.Writes(jdbi)).installShipped();
        long codebookId = jdbi.withHandle(h -> h.createQuery("SELECT id FROM codebooks WHERE key = 'samen-beslissen'").mapTo(Long.class).one());
        Random random = new Random(42);
        long codes = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA synchronous=OFF");
            }
            c.setAutoCommit(false);
            String now = "2026-01-01T00:00:00Z";
            int coders = fullCoders + (partialCoder ? 1 : 0);
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO projects(id, name, codebook_key, blind_coding, created_at) VALUES (1, 'Bench', 'samen-beslissen', 1, '" + now + "')");
                for (int k = 0; k < coders; k++) {
                    s.execute("INSERT INTO users(id, name, password_hash, system_role, created_at) VALUES (" + (10 + k) + ", 'coder" + (k + 1) + "', 'x', 'coder', '" + now + "')");
                }
            }
            try (PreparedStatement t = c.prepareStatement("INSERT INTO transcripts(id, project_id, name, file_name, format, segmentation, created_at) VALUES (?, 1, ?, ?, 'txt', 'turn', ?)");
                 PreparedStatement u = c.prepareStatement("INSERT INTO utterances(id, transcript_id, seq, speaker_label, speaker_role, text, start_ms, end_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement k = c.prepareStatement("INSERT INTO codes(utterance_id, coder_id, dimension, code, codebook_id, updated_at) VALUES (?, ?, 'step', ?, ?, ?)")) {
                long unitId = 0;
                for (int ti = 1; ti <= transcripts; ti++) {
                    t.setInt(1, ti);
                    t.setString(2, String.format("gesprek-%04d", ti));
                    t.setString(3, String.format("gesprek-%04d.txt", ti));
                    t.setString(4, now);
                    t.executeUpdate();
                    for (int i = 1; i <= unitsPerTranscript; i++) {
                        unitId++;
                        boolean pro = i % 2 == 1;
                        u.setLong(1, unitId);
                        u.setInt(2, ti);
                        u.setInt(3, i);
                        u.setString(4, pro ? "KM" : "Klant");
                        u.setString(5, pro ? "professional" : "client");
                        u.setString(6, sentence(random));
                        u.setLong(7, i * 4000L);
                        u.setLong(8, i * 4000L + 3500);
                        u.addBatch();
                        int first = random.nextInt(4);
                        for (int coder = 0; coder < coders; coder++) {
                            if (coder == fullCoders && ti % 2 == 0) continue;
                            k.setLong(1, unitId);
                            k.setLong(2, 10 + coder);
                            k.setString(3, STEPS[coder == 0 || random.nextInt(10) < 8 ? first : random.nextInt(4)]);
                            k.setLong(4, codebookId);
                            k.setString(5, now);
                            k.addBatch();
                            codes++;
                        }
                    }
                    u.executeBatch();
                    k.executeBatch();
                }
            }
            c.commit();
            c.setAutoCommit(true);
            // One build transaction leaves a WAL as large as the data; a server's database is checkpointed
            // as it goes (SQLite's auto-checkpoint), so measure reads against a checkpointed file.
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
        }
        return codes;
    }

    private static String sentence(Random random) {
        StringBuilder s = new StringBuilder();
        int words = 6 + random.nextInt(14);
        for (int w = 0; w < words; w++) s.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1) + (random.nextInt(5) == 0 ? "?" : ".");
    }
}
