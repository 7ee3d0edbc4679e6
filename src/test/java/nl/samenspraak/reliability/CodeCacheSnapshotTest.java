package nl.samenspraak.reliability;

import nl.samenspraak.codebook.CodebookService;
import nl.samenspraak.db.Writes;
import nl.samenspraak.http.Json;
import nl.samenspraak.project.ProjectCodebooks;
import nl.samenspraak.report.CodeSource;
import nl.samenspraak.report.CodedProject;
import nl.samenspraak.report.ProjectReader;
import nl.samenspraak.report.Scope;
import nl.samenspraak.report.Selection;
import nl.samenspraak.support.Fixtures;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static nl.samenspraak.reliability.CodeCacheHttpTest.assertSame;
import static nl.samenspraak.reliability.CodeCacheHttpTest.uncached;
import static nl.samenspraak.reliability.CodeCacheHttpTest.units;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The code cache's saved copies (table code_cache_snapshots, {@link CodeCache#saveSnapshots}): a cache that starts from a
 * copy and the change log's newer rows gives the answers of the database path, without reading the project whole; a copy
 * the log no longer reaches, of another format or damaged is passed over for a whole read, never an error; an older copy
 * never replaces a newer one; an erasure takes its project's copy with it; and a server that stops saves its copies.
 */
class CodeCacheSnapshotTest {
    @TempDir Path dir;

    /** A reader over the given cache (none: the database path). */
    private static ProjectReader reader(TestApp app, CodeCache cache) {
        ProjectCodebooks codebooks = new ProjectCodebooks(app.jdbi, new CodebookService(app.jdbi, new Writes(app.jdbi)));
        return cache == null ? new ProjectReader(app.jdbi, codebooks) : new ProjectReader(app.jdbi, codebooks, cache);
    }

    /** Reliability, counts, units per role and code rows from {@code cache}, each equal to the database path's now. */
    private static void sameAsDatabase(TestApp app, long project, CodeCache cache, String why) {
        ProjectReader direct = reader(app, null);
        ProjectReader cached = reader(app, cache);
        Scope scope = direct.scope(direct.project(project), Selection.all());
        assertSame(why, uncached(app, project, Selection.all()), Json.mapper().valueToTree(new ReliabilityService(cached, null, cache).compute(scope)));
        CodeSource.Tally t = cached.tally(scope);
        assertThat(t.counts().stream().map(Object::toString).sorted().toList()).as(why + ", counts")
                .isEqualTo(direct.codeCounts(scope).stream().map(Object::toString).sorted().toList());
        assertThat(t.unitsPerRole()).as(why + ", units per role").isEqualTo(direct.unitsPerRole(scope));
        assertThat(t.codeRows()).as(why + ", code rows").isEqualTo(direct.codeCount(scope));
    }

    /** A cache that read the project whole (checked against the database) and saved its copy. */
    private static CodeCache readWholeAndSaved(TestApp app, long project, Writes writes) {
        CodeCache cache = new CodeCache(app.jdbi);
        sameAsDatabase(app, project, cache, "read whole");
        assertThat(cache.fullReads()).isEqualTo(1);
        assertThat(cache.saveSnapshots(writes)).as("copies written").isEqualTo(1);
        return cache;
    }

    /** Erases a transcript through the route, as its project's admin does on the erase page. */
    private static void erase(CodedProject p, long transcript) {
        String name = p.admin.get("/api/transcripts/" + transcript).json().path("transcript").path("name").asText();
        Http.Response r = p.admin.post("/api/transcripts/" + transcript + "/erasure", Map.of("reason", "request of the client", "confirmName", name));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private static byte[] savedData(TestApp app) {
        return app.jdbi.withHandle(h -> h.createQuery("SELECT data FROM code_cache_snapshots").mapTo(byte[].class).one());
    }

    private static long savedAt(TestApp app, long project) {
        return app.count("SELECT COALESCE(MAX(last_change_id), -1) FROM code_cache_snapshots WHERE project_id = " + project);
    }

    @Test
    void a_cache_starts_from_the_saved_copy_and_replays_only_what_changed_after_it() {
        try (TestApp app = TestApp.start(dir); Writes writes = new Writes(app.jdbi)) {
            CodedProject p = new CodedProject(app);
            CodeCache first = readWholeAndSaved(app, p.project, writes);
            assertThat(first.saveSnapshots(writes)).as("nothing changed since").isZero();
            assertThat(savedAt(app, p.project)).isEqualTo(app.count("SELECT MAX(id) FROM code_changes"));

            // Nothing changed: the copy alone.
            CodeCache unchanged = new CodeCache(app.jdbi);
            sameAsDatabase(app, p.project, unchanged, "from the copy, nothing changed since");
            assertThat(unchanged.restores()).isEqualTo(1);
            assertThat(unchanged.fullReads()).isZero();
            assertThat(unchanged.saveSnapshots(writes)).as("a copy just read is not written again").isZero();

            // Every kind of change after the copy: codes set and cleared, a unit split, a transcript imported and coded, one deleted.
            List<CodeCacheHttpTest.Unit> units = units(app, p.project);
            for (CodeCacheHttpTest.Unit u : units.subList(0, 5)) Fixtures.code(p.coders.get("cees"), u.id(), "step", "no-step");
            assertThat(p.coders.get("anna").delete("/api/utterances/" + units.get(6).id() + "/codes/step").status()).isEqualTo(200);
            // A transcript in the copy whose units change (a speaker's role), and one imported after it, split, then coded.
            CodeCacheHttpTest.Unit first0 = units.get(0);
            Http.Response roles = p.admin.put("/api/transcripts/" + first0.transcript() + "/speakers", Map.of(first0.label(), "other"));
            assertThat(roles.status()).as(roles.body()).isEqualTo(200);
            long added = Fixtures.transcript(p.admin, p.project, "after-the-copy.txt");
            Http.Response split = p.admin.post("/api/utterances/" + Fixtures.unitIds(p.admin, added).get(0) + "/split", Map.of("at", 3));
            assertThat(split.status()).as(split.body()).isEqualTo(200);
            for (Long id : Fixtures.unitIds(p.admin, added)) {
                for (String c : List.of("anna", "bram")) Fixtures.code(p.coders.get(c), id, "step", "option-talk");
            }
            long gone = units.get(units.size() - 1).transcript();
            assertThat(p.admin.delete("/api/transcripts/" + gone).status() / 100).isEqualTo(2);

            CodeCache later = new CodeCache(app.jdbi);
            sameAsDatabase(app, p.project, later, "from the copy and the log's newer rows");
            assertThat(later.restores()).isEqualTo(1);
            assertThat(later.fullReads()).as("not read whole").isZero();
            assertThat(later.saveSnapshots(writes)).isEqualTo(1);
            assertThat(savedAt(app, p.project)).isEqualTo(app.count("SELECT MAX(id) FROM code_changes"));
            CodeCache again = new CodeCache(app.jdbi);
            sameAsDatabase(app, p.project, again, "from the newer copy");
            assertThat(again.restores()).isEqualTo(1);
            assertThat(again.fullReads()).isZero();
        }
    }

    @Test
    void a_copy_the_log_no_longer_reaches_of_another_format_or_damaged_is_passed_over_for_a_whole_read() {
        try (TestApp app = TestApp.start(dir); Writes writes = new Writes(app.jdbi)) {
            CodedProject p = new CodedProject(app);
            readWholeAndSaved(app, p.project, writes);
            List<CodeCacheHttpTest.Unit> units = units(app, p.project);
            for (CodeCacheHttpTest.Unit u : units.subList(0, 4)) Fixtures.code(p.coders.get("cees"), u.id(), "step", "decision-talk");
            assertThat(new CodeCache(app.jdbi).trim(writes, 1)).as("the rows after the copy trimmed away").isPositive();
            CodeCache trimmed = new CodeCache(app.jdbi);
            sameAsDatabase(app, p.project, trimmed, "copy older than the trimmed log");
            assertThat(trimmed.restores()).isZero();
            assertThat(trimmed.fullReads()).isEqualTo(1);
            assertThat(trimmed.saveSnapshots(writes)).as("the whole read saved in its place").isEqualTo(1);

            app.jdbi.useHandle(h -> h.execute("UPDATE code_cache_snapshots SET format = 99"));
            CodeCache otherFormat = new CodeCache(app.jdbi);
            sameAsDatabase(app, p.project, otherFormat, "a copy of another format");
            assertThat(otherFormat.restores()).isZero();
            assertThat(otherFormat.fullReads()).isEqualTo(1);
            assertThat(otherFormat.saveSnapshots(writes)).as("replaced by one of this format").isEqualTo(1);
            assertThat(app.count("SELECT format FROM code_cache_snapshots")).isEqualTo(CodeCache.SNAPSHOT_FORMAT);

            byte[] good = savedData(app);
            byte[] cut = java.util.Arrays.copyOf(good, good.length - 7);
            byte[] flipped = good.clone();
            flipped[flipped.length - 1] = 77; // the last unit's code of the last column: no such code number
            byte[] longer = java.util.Arrays.copyOf(good, good.length + 1);
            for (byte[] damaged : List.of(cut, flipped, longer, new byte[3], new byte[0])) {
                app.jdbi.useHandle(h -> h.createUpdate("UPDATE code_cache_snapshots SET data = :d").bind("d", damaged).execute());
                CodeCache c = new CodeCache(app.jdbi);
                sameAsDatabase(app, p.project, c, "a damaged copy of " + damaged.length + " bytes");
                assertThat(c.restores()).as(damaged.length + " bytes").isZero();
                assertThat(c.fullReads()).isEqualTo(1);
            }
        }
    }

    @Test
    void an_older_copy_never_replaces_a_newer_one() {
        try (TestApp app = TestApp.start(dir); Writes writes = new Writes(app.jdbi)) {
            CodedProject p = new CodedProject(app);
            CodeCache cache = readWholeAndSaved(app, p.project, writes);
            long older = savedAt(app, p.project);
            byte[] olderData = savedData(app);
            long unit = units(app, p.project).get(0).id();
            for (String code : List.of("team-talk", "no-step")) Fixtures.code(p.coders.get("cees"), unit, "step", code); // a change whatever cees had
            cache.saveSnapshots(writes);
            long newer = savedAt(app, p.project);
            assertThat(newer).isGreaterThan(older);
            // As a second server that last saw the older change would write it.
            app.jdbi.useHandle(h -> h.createUpdate(CodeCache.SAVE).bind(0, p.project).bind(1, older).bind(2, CodeCache.SNAPSHOT_FORMAT)
                    .bind(3, "2026-01-01T00:00:00Z").bind(4, olderData).execute());
            assertThat(savedAt(app, p.project)).isEqualTo(newer);
            CodeCache next = new CodeCache(app.jdbi);
            sameAsDatabase(app, p.project, next, "from the newer copy");
            assertThat(next.restores()).isEqualTo(1);
        }
    }

    @Test
    void erasing_a_transcript_deletes_its_projects_copy_and_a_copy_saved_after_holds_no_trace_of_it() {
        try (TestApp app = TestApp.start(dir); Writes writes = new Writes(app.jdbi)) {
            CodedProject p = new CodedProject(app);
            CodeCache cache = readWholeAndSaved(app, p.project, writes);
            long t = units(app, p.project).get(0).transcript();
            erase(p, t);
            assertThat(app.count("SELECT COUNT(*) FROM code_cache_snapshots")).as("the copy went with the erasure").isZero();

            // The cache that still holds the transcript's codes in memory saves again: brought up to date first, without them.
            assertThat(cache.saveSnapshots(writes)).isEqualTo(1);
            CodeCache restored = new CodeCache(app.jdbi);
            sameAsDatabase(app, p.project, restored, "from a copy saved after the erasure");
            assertThat(restored.restores()).isEqualTo(1);
            byte[] data = savedData(app);
            assertThat(CodeCache.transcriptsIn(data)).as("the transcripts in the copy").isNotEmpty().doesNotContain(t)
                    .containsExactlyInAnyOrderElementsOf(units(app, p.project).stream().map(CodeCacheHttpTest.Unit::transcript).distinct().toList());
        }
    }

    @Test
    void a_copy_made_before_an_erasure_is_not_written_after_it() {
        try (TestApp app = TestApp.start(dir); Writes writes = new Writes(app.jdbi)) {
            CodedProject p = new CodedProject(app);
            CodeCache cache = readWholeAndSaved(app, p.project, writes);
            List<CodeCacheHttpTest.Unit> units = units(app, p.project);
            for (String code : List.of("team-talk", "no-step")) Fixtures.code(p.coders.get("cees"), units.get(0).id(), "step", code);
            List<CodeCache.Snapshot> made = cache.snapshots();
            assertThat(made).as("a copy of the changed project").hasSize(1);
            long t = units.get(0).transcript();
            assertThat(made.get(0).transcripts()).contains(t);
            // The erasure commits between the copy's making and its writing (as the timer's save and an erasure can meet).
            erase(p, t);
            assertThat(cache.write(writes, made.get(0))).as("written").isFalse();
            assertThat(app.count("SELECT COUNT(*) FROM code_cache_snapshots")).as("no copy holds the erased transcript").isZero();
            assertThat(cache.saveSnapshots(writes)).as("a copy made after the erasure is written").isEqualTo(1);
            assertThat(CodeCache.transcriptsIn(savedData(app))).doesNotContain(t);
        }
    }

    @Test
    void a_server_that_stops_saves_its_copies_and_after_a_restart_answers_as_the_database_does() {
        try (TestApp app = TestApp.start(dir)) {
            CodedProject p = new CodedProject(app);
            CodeCacheHttpTest.check(app, p.analyst, p.project, "bootstrap=0", "before the stop");
            assertThat(app.count("SELECT COUNT(*) FROM code_cache_snapshots")).as("no copy while it runs (the timer's first turn is minutes away)").isZero();
            app.stopServer();
            assertThat(savedAt(app, p.project)).as("saved at the stop").isEqualTo(app.count("SELECT MAX(id) FROM code_changes"));
            app.restart();
            Fixtures.code(p.coders.get("cees"), units(app, p.project).get(2).id(), "step", "option-talk");
            CodeCacheHttpTest.check(app, p.analyst, p.project, "bootstrap=0", "after the restart and a change");
        }
    }
}
