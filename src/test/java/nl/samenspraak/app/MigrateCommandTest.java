package nl.samenspraak.app;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspraak.account.Role;
import nl.samenspraak.db.Database;
import nl.samenspraak.db.Store;
import nl.samenspraak.db.StudyCopy;
import nl.samenspraak.support.Fixtures;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;
import nl.samenspraak.support.TestStores;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrate --from FILE.db --to TARGET} (issue 13): the demo study in a SQLite file, with a recording and a few more
 * saves, copied into a new database (a SQLite file; on the PostgreSQL test pass a PostgreSQL database): every table's rows and the change log the same, the copy serves the same
 * reliability, new rows get new ids; a target that is not empty, a missing source and the source itself as target
 * are refused with exit code 2 and nothing written.
 */
class MigrateCommandTest {
    @TempDir Path dir;

    private record Run(int code, String out, String err) {}

    private static Run migrate(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        List<String> all = new java.util.ArrayList<>(List.of("migrate"));
        all.addAll(List.of(args));
        int code = Main.run(all, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Map<String, Long> counts(Jdbi jdbi) {
        Map<String, Long> counts = new TreeMap<>();
        jdbi.useHandle(h -> {
            String tables = Database.isPostgres(h)
                    ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
                    : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            for (String t : h.createQuery(tables).mapTo(String.class).list()) {
                counts.put(t, h.createQuery("SELECT COUNT(*) FROM " + t).mapTo(Long.class).one());
            }
        });
        return counts;
    }

    private static String digest(Jdbi jdbi) throws Exception {
        try (Handle h = jdbi.open()) {
            return StudyCopy.changeLogDigest(h.getConnection());
        }
    }

    @Test
    void a_study_is_copied_whole_checked_and_served_the_same() throws Exception {
        Path source = dir.resolve("bron").resolve("studie.db");
        JsonNode reliability;
        long project, unit;
        try (TestApp app = TestApp.startDemoOnSqlite(source.getParent())) {
            Http root = app.loggedIn("root", Role.ADMIN);
            project = root.get("/api/projects").json().get(0).path("id").asLong();
            long transcript = root.get("/api/projects/" + project + "/transcripts").json().get(0).path("id").asLong();
            Http.Response media = root.postFile("/api/transcripts/" + transcript + "/media", "opname.wav", Fixtures.wav(4000), Map.of());
            assertThat(media.status()).as(media.body()).isIn(200, 201);
            Http coder = app.loggedIn("nieuwe-codeur", Role.CODER);
            Fixtures.member(root, project, "nieuwe-codeur", "coder");
            unit = coder.get("/api/transcripts/" + transcript).json().path("utterances").get(0).path("id").asLong();
            assertThat(coder.put("/api/utterances/" + unit + "/codes/step", Map.of("code", "team-talk", "opId", "migreer-1")).status()).isEqualTo(200);
            assertThat(coder.put("/api/utterances/" + unit + "/codes/step", Map.of("code", "option-talk", "opId", "migreer-2")).status()).isEqualTo(200);
            reliability = root.get("/api/projects/" + project + "/reliability").json();
            source = app.database;
        }
        // The target: a new SQLite file, or on the PostgreSQL test pass (-Dstore=postgresql) an empty PostgreSQL database.
        Path target = dir.resolve("doel").resolve("kopie.db");
        Store store = TestStores.fresh(target);
        List<String> args = new java.util.ArrayList<>(List.of("--from", source.toString(), "--to", TestStores.argument(store)));
        if (store.postgres()) args.addAll(List.of("--media", store.media().toString()));
        Run run = migrate(args.toArray(String[]::new));
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("Copied").contains("change log").contains("1 recording(s) linked or copied");
        if (store.postgres()) assertThat(run.out()).contains("Analyzed the target's tables");

        Jdbi from = Database.open(source), to = Database.open(store);
        Map<String, Long> before = counts(from), after = counts(to);
        before.remove("code_changes");
        after.remove("code_changes");
        // The code cache's saved copy (written when the source's server stopped) matches the source's change feed, not the copy's: left behind.
        assertThat(before.remove("code_cache_snapshots")).as("the source's saved code cache").isEqualTo(1);
        assertThat(after.remove("code_cache_snapshots")).as("not copied, but one of the copy's own saved by migrate").isEqualTo(1);
        assertThat(run.out()).contains("saved them for the code cache");
        long logEnd = to.withHandle(h -> h.createQuery("SELECT MAX(id) FROM code_changes").mapTo(Long.class).one());
        long savedAt = to.withHandle(h -> h.createQuery("SELECT last_change_id FROM code_cache_snapshots").mapTo(Long.class).one());
        assertThat(savedAt).as("the copy's saved cache matches the copy's change log").isEqualTo(logEnd);
        // A cache on the copy starts from it, and after a change made on the copy still does not read the project whole.
        nl.samenspraak.reliability.CodeCache onCopy = new nl.samenspraak.reliability.CodeCache(to);
        var copyReader = new nl.samenspraak.report.ProjectReader(to, new nl.samenspraak.project.ProjectCodebooks(to,
                new nl.samenspraak.codebook.CodebookService(to, new nl.samenspraak.db.Writes(to))), onCopy);
        copyReader.tally(copyReader.scope(copyReader.project(project), nl.samenspraak.report.Selection.all()));
        assertThat(onCopy.restores()).isEqualTo(1);
        assertThat(onCopy.fullReads()).isZero();
        assertThat(after).isEqualTo(before);
        assertThat(before.get("codes")).isPositive();
        assertThat(before.get("change_log")).isPositive();
        assertThat(before.get("media")).isEqualTo(1);
        assertThat(digest(to)).isEqualTo(digest(from));
        String stored = from.withHandle(h -> h.createQuery("SELECT stored_name FROM media").mapTo(String.class).one());
        assertThat(Files.readAllBytes(store.media().resolve(stored)))
                .isEqualTo(Files.readAllBytes(source.resolveSibling("media").resolve(stored)));
        String moved = to.withHandle(h -> h.createQuery("SELECT before_value || '>' || after_value FROM change_log WHERE op_id = 'migreer-2'")
                .mapTo(String.class).one());
        assertThat(moved).isEqualTo("team-talk>option-talk");

        // The copy serves the same study; a new change gets an id after every id copied.
        long lastChange = to.withHandle(h -> h.createQuery("SELECT MAX(id) FROM change_log").mapTo(Long.class).one());
        try (TestApp copy = TestApp.startAt(target)) {
            Http root = copy.as("root");
            assertThat(root.get("/api/projects/" + project + "/reliability").json()).isEqualTo(reliability);
            Http coder = copy.as("nieuwe-codeur");
            Http.Response saved = coder.put("/api/utterances/" + unit + "/codes/step", Map.of("code", "decision-talk", "opId", "migreer-3"));
            assertThat(saved.status()).as(saved.body()).isEqualTo(200);
            assertThat(saved.json().path("changeId").asLong()).isGreaterThan(lastChange);
            assertThat(saved.json().path("before").asText()).isEqualTo("option-talk");
            assertThat(copy.count("SELECT MIN(id) FROM code_changes")).as("the log goes on from the cache's last row, no gap").isEqualTo(logEnd);
            copyReader.tally(copyReader.scope(copyReader.project(project), nl.samenspraak.report.Selection.all()));
            assertThat(onCopy.fullReads()).as("a change after the move is read from the log").isZero();
            // An opId used before the move is still known after it.
            Http.Response replay = coder.put("/api/utterances/" + unit + "/codes/step", Map.of("code", "option-talk", "opId", "migreer-2"));
            assertThat(replay.json().path("replayed").asBoolean()).isTrue();
        }

        // A target that holds a study already is refused, and left as it was.
        Map<String, Long> held = counts(to);
        Run again = migrate(args.toArray(String[]::new));
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("The target is not empty");
        assertThat(counts(to)).isEqualTo(held);
    }

    @Test
    void a_missing_source_or_the_source_as_its_own_target_is_refused() {
        Run missing = migrate("--from", dir.resolve("er-is-niets.db").toString(), "--to", dir.resolve("doel.db").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("er-is-niets.db is not a file");
        assertThat(dir.resolve("doel.db")).doesNotExist();

        Path db = dir.resolve("studie.db");
        Database.open(db);
        Run same = migrate("--from", db.toString(), "--to", db.toString());
        assertThat(same.code()).isEqualTo(2);
        assertThat(same.err()).contains("same file");
        Run noTarget = migrate("--from", db.toString());
        assertThat(noTarget.code()).isEqualTo(2);
        assertThat(noTarget.err()).contains("--to is required");
    }
}
