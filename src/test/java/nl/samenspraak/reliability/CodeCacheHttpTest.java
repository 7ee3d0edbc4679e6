package nl.samenspraak.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspraak.account.Role;
import nl.samenspraak.codebook.CodebookService;
import nl.samenspraak.db.Writes;
import nl.samenspraak.http.Json;
import nl.samenspraak.project.ProjectCodebooks;
import nl.samenspraak.report.CodeSource;
import nl.samenspraak.report.CodedProject;
import nl.samenspraak.report.ProjectReader;
import nl.samenspraak.report.ReportService;
import nl.samenspraak.report.Scope;
import nl.samenspraak.report.Selection;
import nl.samenspraak.spreadsheet.CsvTables;
import nl.samenspraak.support.Fixtures;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;
import nl.samenspraak.support.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reliability route answers from cached codes (CodeCache); these tests hold every answer to the
 * answer of the database path ({@link ReliabilityService#computeFromDatabase}) while codes and units
 * change by every route that changes them, and by a second server process on the same database file.
 */
class CodeCacheHttpTest {
    static final double SAME = 1e-12;

    @TempDir Path dir;

    /** Reliability as the database path computes it now, as JSON. */
    static JsonNode uncached(TestApp app, long projectId, Selection selection) {
        ProjectReader reader = new ProjectReader(app.jdbi, new ProjectCodebooks(app.jdbi, new CodebookService(app.jdbi, new Writes(app.jdbi))));
        ReliabilityService direct = new ReliabilityService(reader, null);
        return Json.mapper().valueToTree(direct.computeFromDatabase(reader.scope(reader.project(projectId), selection)));
    }

    /** Equal trees, numbers to {@link #SAME}; the path of the first difference in the message. */
    static void assertSame(String where, JsonNode expected, JsonNode got) {
        if (expected.isNumber() && got.isNumber()) {
            double e = expected.asDouble(), g = got.asDouble();
            if (!(e == g || Math.abs(e - g) <= SAME || (Double.isNaN(e) && Double.isNaN(g)))) throw new AssertionError(where + ": " + e + " != " + g);
            return;
        }
        if (expected.isObject() && got.isObject()) {
            assertThat(fieldNames(got)).as(where).isEqualTo(fieldNames(expected));
            for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                assertSame(where + "." + f, expected.get(f), got.get(f));
            }
            return;
        }
        if (expected.isArray() && got.isArray()) {
            assertThat(got.size()).as(where + " size").isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) assertSame(where + "[" + i + "]", expected.get(i), got.get(i));
            return;
        }
        assertThat(got).as(where).isEqualTo(expected);
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names.stream().sorted().toList();
    }

    /** The route's answer for the query, checked against the database path with the same selection. */
    static JsonNode check(TestApp app, Http analyst, long projectId, String query, String why) {
        Http.Response r = analyst.get("/api/projects/" + projectId + "/reliability?" + query);
        if (r.status() == 400 && r.json().path("code").asText().equals("report.noConsensus")) return null;
        assertThat(r.status()).as(why + ": " + r.body()).isEqualTo(200);
        Map<String, String> q = new TreeMap<>();
        for (String kv : query.split("&")) if (!kv.isEmpty()) q.put(kv.split("=")[0], kv.split("=")[1]);
        Selection s = Selection.parse(q.get("coders"), q.get("transcripts"), q.get("bootstrap"), q.get("seed"), null, q.get("dataset"));
        assertSame(why + " (" + query + ")", uncached(app, projectId, s), r.json());
        return r.json();
    }

    /**
     * The report route's answer and the frequencies CSV (the cached path: counts and units per role from the server's code
     * cache) against the same made from the database; and a cache held across the whole test ({@code held}) against the
     * database's counts, units per role and number of code rows (an export job's total).
     */
    static void checkReports(TestApp app, Http analyst, long projectId, String query, String why, ProjectReader held) {
        Map<String, String> q = new TreeMap<>();
        for (String kv : query.split("&")) if (!kv.isEmpty()) q.put(kv.split("=")[0], kv.split("=")[1]);
        Selection s = Selection.parse(q.get("coders"), q.get("transcripts"), q.get("bootstrap"), q.get("seed"), null, q.get("dataset"));
        ProjectReader direct = held.uncached();
        Http.Response r = analyst.get("/api/projects/" + projectId + "/report?" + query);
        if (r.status() == 400 && r.json().path("code").asText().equals("report.noConsensus")) return;
        Scope scope = direct.scope(direct.project(projectId), s);
        ReportService uncached = new ReportService(direct, null);
        assertThat(r.status()).as(why + ": " + r.body()).isEqualTo(200);
        assertSame(why + ", report (" + query + ")", Json.mapper().valueToTree(uncached.report(scope)), r.json());
        if (s.dataset() != Selection.Dataset.CONSENSUS) {
            Http.Response csv = analyst.get("/api/projects/" + projectId + "/frequencies.csv?" + query);
            assertThat(csv.status()).as(why + ": " + csv.body()).isEqualTo(200);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            CsvTables.frequencies(out, scope.codebook().codebook(), uncached.sessions(scope), "en", CsvTables.Dialect.STANDARD);
            assertThat(csv.body()).as(why + ", frequencies.csv (" + query + ")").isEqualTo(out.toString(java.nio.charset.StandardCharsets.UTF_8));
        }
        CodeSource.Tally t = held.tally(scope);
        assertThat(sorted(t.counts())).as(why + ", counts of the held cache").isEqualTo(sorted(direct.codeCounts(scope)));
        assertThat(t.unitsPerRole()).as(why + ", units per role of the held cache").isEqualTo(direct.unitsPerRole(scope));
        assertThat(t.codeRows()).as(why + ", code rows of the held cache").isEqualTo(direct.codeCount(scope));
    }

    private static List<String> sorted(List<ProjectReader.CountRow> rows) {
        return rows.stream().map(ProjectReader.CountRow::toString).sorted().toList();
    }

    /** A reader over a cache of its own (not the server's), kept across a test's changes. */
    static ProjectReader heldReader(TestApp app) {
        return new ProjectReader(app.jdbi, new ProjectCodebooks(app.jdbi, new CodebookService(app.jdbi, new Writes(app.jdbi))), new CodeCache(app.jdbi));
    }

    /** Alpha of the first dimension over all units, from the route's JSON. */
    static double uncachedAlpha(JsonNode body) {
        for (JsonNode c : body.path("dimensions").get(0).path("result").path("coefficients")) {
            if (c.path("key").asText().equals("krippendorff_alpha")) return c.path("value").asDouble();
        }
        throw new AssertionError("no alpha in " + body);
    }

    record Unit(long id, long transcript, String role, String label, String text) {}

    static List<Unit> units(TestApp app, long projectId) {
        return app.jdbi.withHandle(h -> h.createQuery("""
                        SELECT u.id, u.transcript_id, u.speaker_role, u.speaker_label, u.text FROM utterances u JOIN transcripts t ON t.id = u.transcript_id
                        WHERE t.project_id = :p AND t.deleted_at IS NULL ORDER BY u.transcript_id, u.seq""").bind("p", projectId)
                .map((rs, ctx) -> new Unit(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5))).list());
    }

    static long userId(TestApp app, String name) {
        return app.jdbi.withHandle(h -> h.createQuery("SELECT id FROM users WHERE name = :n").bind("n", name).mapTo(Long.class).one());
    }

    @Test
    void random_changes_of_every_kind_interleaved_with_requests_get_the_answers_of_the_database_path() {
        try (TestApp app = TestApp.start(dir)) {
            CodedProject p = new CodedProject(app);
            long project = p.project;
            Random random = new Random(13);
            Map<String, Integer> done = new TreeMap<>();
            List<String> coders = List.of("anna", "bram", "cees");
            check(app, p.analyst, project, "bootstrap=0", "before any change");
            ProjectReader held = heldReader(app);
            checkReports(app, p.analyst, project, "bootstrap=0", "before any change", held);
            int imported = 0;
            for (int step = 0; step < 160; step++) {
                List<Unit> units = units(app, project);
                List<Long> transcripts = units.stream().map(Unit::transcript).distinct().toList();
                Unit unit = units.isEmpty() ? null : units.get(random.nextInt(units.size()));
                int kind = random.nextInt(13);
                String what;
                int status;
                if (unit == null && kind < 10) kind = 10;
                switch (kind) {
                    case 0, 1, 2 -> {
                        String coder = coders.get(random.nextInt(3));
                        what = "code set by " + coder;
                        status = p.coders.get(coder).put("/api/utterances/" + unit.id() + "/codes/step",
                                Map.of("code", CodedProject.STEPS.get(random.nextInt(4)))).status();
                    }
                    case 3 -> {
                        String coder = coders.get(random.nextInt(3));
                        what = "code cleared by " + coder;
                        status = p.coders.get(coder).delete("/api/utterances/" + unit.id() + "/codes/step").status();
                    }
                    case 4 -> {
                        what = "consensus set";
                        status = p.admin.put("/api/transcripts/" + unit.transcript() + "/consensus/" + unit.id() + "/step",
                                Map.of("code", CodedProject.STEPS.get(random.nextInt(4)))).status();
                    }
                    case 5 -> {
                        what = "consensus cleared";
                        status = p.admin.delete("/api/transcripts/" + unit.transcript() + "/consensus/" + unit.id() + "/step").status();
                    }
                    case 6 -> {
                        what = "unit split";
                        int at = Math.max(1, unit.text().length() / 2);
                        status = p.admin.post("/api/utterances/" + unit.id() + "/split", Map.of("at", at)).status();
                    }
                    case 7 -> {
                        what = "unit merged";
                        // A unit and the next one of the same speaker, neither ever coded (the unit editor refuses others).
                        List<Long> mergeable = app.jdbi.withHandle(h -> h.createQuery("""
                                SELECT u.id FROM utterances u JOIN utterances n ON n.transcript_id = u.transcript_id AND n.seq = u.seq + 1
                                JOIN transcripts t ON t.id = u.transcript_id
                                WHERE t.project_id = :p AND t.deleted_at IS NULL AND n.speaker_label = u.speaker_label
                                  AND NOT EXISTS (SELECT 1 FROM change_log l WHERE l.utterance_id IN (u.id, n.id) AND l.entity = 'code')
                                  AND NOT EXISTS (SELECT 1 FROM codes c WHERE c.utterance_id IN (u.id, n.id))""").bind("p", project).mapTo(Long.class).list());
                        long id = mergeable.isEmpty() ? unit.id() : mergeable.get(random.nextInt(mergeable.size()));
                        status = p.admin.post("/api/utterances/" + id + "/merge-next", Map.of()).status();
                    }
                    case 8 -> {
                        what = "speaker roles of a transcript";
                        String role = random.nextBoolean() ? "client" : "other";
                        status = p.admin.put("/api/transcripts/" + unit.transcript() + "/speakers", Map.of(unit.label(), role)).status();
                    }
                    case 9 -> {
                        // Any other writer (the REFI-QDA import's batch insert, a script): straight SQL, with a code the codebook does not have.
                        what = "code written outside the services";
                        long coder = userId(app, coders.get(random.nextInt(3)));
                        String code = random.nextBoolean() ? "extra-" + random.nextInt(3) : CodedProject.STEPS.get(random.nextInt(4));
                        status = app.jdbi.withHandle(h -> h.createUpdate("""
                                INSERT INTO codes(utterance_id, coder_id, dimension, code, codebook_id, updated_at)
                                VALUES (:u, :c, 'step', :code, (SELECT MAX(id) FROM codebooks), '2026-01-01T00:00:00Z')
                                ON CONFLICT(utterance_id, coder_id, dimension) DO UPDATE SET code = excluded.code""")
                                .bind("u", unit.id()).bind("c", coder).bind("code", code).execute()) == 1 ? 200 : 500;
                    }
                    case 10 -> {
                        what = "transcript imported";
                        imported++;
                        Fixtures.transcript(p.admin, project, "extra-" + imported + ".txt");
                        status = 201;
                    }
                    case 11 -> {
                        if (transcripts.size() < 3 || random.nextInt(3) > 0) { step--; continue; }
                        what = "transcript deleted";
                        status = p.admin.delete("/api/transcripts/" + transcripts.get(random.nextInt(transcripts.size()))).status();
                    }
                    default -> {
                        if (transcripts.size() < 3 || random.nextInt(3) > 0) { step--; continue; }
                        what = "transcript erased";
                        long t = transcripts.get(random.nextInt(transcripts.size()));
                        String name = p.admin.get("/api/transcripts/" + t).json().path("transcript").path("name").asText();
                        Http.Response r = p.admin.post("/api/transcripts/" + t + "/erasure", Map.of("reason", "request of the client", "confirmName", name));
                        status = r.status();
                        if (status != 200) what += " (refused: " + r.body() + ")";
                    }
                }
                if (status / 100 == 2) done.merge(what.replaceAll(" by \\w+| \\(.*", ""), 1, Integer::sum);
                String query = switch (random.nextInt(5)) {
                    case 0 -> "bootstrap=0&coders=" + userId(app, "anna") + "," + userId(app, "bram");
                    case 1 -> transcripts.isEmpty() ? "bootstrap=0" : "bootstrap=0&transcripts=" + transcripts.get(random.nextInt(transcripts.size()));
                    case 2 -> "bootstrap=0&dataset=consensus";
                    case 3 -> "bootstrap=20&seed=" + step;
                    default -> "bootstrap=0";
                };
                check(app, p.analyst, project, query, "step " + step + " after " + what + " (" + status + ")");
                checkReports(app, p.analyst, project, query, "step " + step + " after " + what + " (" + status + ")", held);
            }
            System.out.println("changes made: " + done);
            assertThat(done.keySet()).as("every kind of change happened at least once").contains("code set", "code cleared", "consensus set",
                    "consensus cleared", "unit split", "unit merged", "speaker roles of a transcript", "code written outside the services",
                    "transcript imported", "transcript deleted", "transcript erased");
        }
    }

    @Test
    void a_request_while_the_cache_is_warmed_waits_for_that_read_instead_of_reading_the_project_again() throws Exception {
        try (TestApp app = TestApp.start(dir)) {
            CodedProject p = new CodedProject(app);
            ProjectReader direct = heldReader(app).uncached();
            var readers = java.util.concurrent.Executors.newCachedThreadPool();
            CodeCache cache = new CodeCache(app.jdbi, readers);
            ProjectReader cached = new ProjectReader(app.jdbi, new ProjectCodebooks(app.jdbi, new CodebookService(app.jdbi, new Writes(app.jdbi))), cache);
            Scope scope = direct.scope(direct.project(p.project), Selection.all());
            // The warm-up as a start runs it (app.Startup.warm, two readers at once), and a report asked for at the same time:
            // whichever takes the project's lock first reads it whole, the other one only what changed since (nothing).
            var warming = java.util.concurrent.CompletableFuture.supplyAsync(() -> cache.warm(id -> direct.codebook(id).codebook()));
            CodeSource.Tally t = cached.tally(scope);
            assertThat(warming.get()).as("projects warmed").isEqualTo(1);
            assertThat(cache.fullReads()).as("the project read whole once").isEqualTo(1);
            assertThat(sorted(t.counts())).isEqualTo(sorted(direct.codeCounts(scope)));
            assertThat(t.unitsPerRole()).isEqualTo(direct.unitsPerRole(scope));
            // A change after the warm-up: read from the log, not the whole project again.
            Fixtures.code(p.coders.get("cees"), units(app, p.project).get(0).id(), "step", "no-step");
            assertSame("after a change", uncached(app, p.project, Selection.all()), Json.mapper().valueToTree(
                    new ReliabilityService(cached, null, cache).compute(scope)));
            assertThat(cache.fullReads()).as("still once").isEqualTo(1);
            readers.shutdown();
        }
    }

    @Test
    void a_second_server_on_the_same_database_changes_codes_and_units_and_the_first_ones_cache_sees_it() {
        Path file = dir.resolve("shared.db");
        try (TestApp first = TestApp.startAt(file)) {
            CodedProject p = new CodedProject(first);
            JsonNode before = check(first, p.analyst, p.project, "bootstrap=0", "first server, warm");
            ProjectReader held = heldReader(first);
            checkReports(first, p.analyst, p.project, "bootstrap=0", "first server, warm", held);
            try (TestApp second = TestApp.startAt(file)) {
                Http cees = second.as("cees");
                Http admin = second.as("root");
                List<Unit> units = units(second, p.project);
                for (Unit u : units.subList(0, 6)) Fixtures.code(cees, u.id(), "step", "no-step");
                assertThat(cees.delete("/api/utterances/" + units.get(7).id() + "/codes/step").status()).isEqualTo(200);
                long added = Fixtures.transcript(admin, p.project, "second-server.txt");
                List<Long> ids = Fixtures.unitIds(admin, added);
                Http.Response split = admin.post("/api/utterances/" + ids.get(0) + "/split", Map.of("at", 3));
                assertThat(split.status()).as(split.body()).isEqualTo(200);
                for (Long id : Fixtures.unitIds(admin, added)) for (String c : List.of("anna", "bram")) Fixtures.code(second.as(c), id, "step", "team-talk");
            }
            JsonNode after = check(first, p.analyst, p.project, "bootstrap=0", "first server after the second one's changes");
            checkReports(first, p.analyst, p.project, "bootstrap=0", "first server after the second one's changes", held);
            assertThat(after.toString()).isNotEqualTo(before.toString());
        }
    }

    @Test
    void trimming_the_log_past_what_a_cache_saw_makes_it_read_the_project_again_and_ids_keep_growing() {
        try (TestApp app = TestApp.start(dir)) {
            CodedProject p = new CodedProject(app);
            check(app, p.analyst, p.project, "bootstrap=0", "warm");
            List<Unit> units = units(app, p.project);
            Writes writes = new Writes(app.jdbi);
            CodeCache trimmer = new CodeCache(app.jdbi);
            for (Unit u : units.subList(0, 4)) Fixtures.code(app.as("cees"), u.id(), "step", "no-step");
            long max = app.count("SELECT MAX(id) FROM code_changes");
            assertThat(trimmer.trim(writes, max + 1)).as("nothing older than the window").isZero();
            check(app, p.analyst, p.project, "bootstrap=0", "4 codes read from the log");
            for (Unit u : units.subList(4, 8)) Fixtures.code(app.as("cees"), u.id(), "step", "team-talk");
            assertThat(trimmer.trim(writes, 1)).as("all but the newest row").isPositive();
            assertThat(app.count("SELECT COUNT(*) FROM code_changes")).isEqualTo(1);
            check(app, p.analyst, p.project, "bootstrap=0", "after the rows it had not seen were trimmed away (read again)");
            long kept = app.count("SELECT MAX(id) FROM code_changes");
            Fixtures.code(app.as("cees"), units.get(9).id(), "step", "decision-talk");
            assertThat(app.count("SELECT MAX(id) FROM code_changes")).as("a new row after the kept one").isGreaterThan(kept);
            check(app, p.analyst, p.project, "bootstrap=0", "a code saved after the trimming");
            writes.close();
        }
    }

    /**
     * A whole read takes each code as one packed number (coder and code); a code the codebook does not know is taken from
     * the row's text columns instead, and a coder id beyond 2^16 (where an earlier packing stopped) packs as well. Both
     * cases, in some transcripts and not in others, give the database path's answers.
     */
    @Test
    void a_whole_read_of_codes_the_codebook_does_not_know_and_of_a_coder_beyond_the_packed_range_gets_the_database_paths_answers() {
        try (TestApp app = TestApp.start(dir)) {
            CodedProject p = new CodedProject(app);
            app.user("Zeventigduizend", nl.samenspraak.account.Role.CODER);
            app.jdbi.useHandle(h -> h.execute("UPDATE users SET id = 70000 WHERE name = 'Zeventigduizend'"));
            Fixtures.member(p.admin, p.project, "Zeventigduizend", "coder");
            List<Unit> units = units(app, p.project);
            long anna = userId(app, "anna");
            Unit first = units.get(0), later = units.get(units.size() - 1);
            assertThat(first.transcript()).as("two transcripts with such codes").isNotEqualTo(later.transcript());
            String insert = """
                    INSERT INTO codes(utterance_id, coder_id, dimension, code, codebook_id, updated_at)
                    VALUES (:u, :c, 'step', :code, (SELECT MAX(id) FROM codebooks), '2026-01-01T00:00:00Z')
                    ON CONFLICT(utterance_id, coder_id, dimension) DO UPDATE SET code = excluded.code""";
            app.jdbi.useHandle(h -> {
                h.createUpdate(insert).bind("u", first.id()).bind("c", anna).bind("code", "not-in-the-codebook").execute();
                h.createUpdate(insert).bind("u", later.id()).bind("c", 70000L).bind("code", "team-talk").execute();
                h.createUpdate(insert).bind("u", units.get(1).id()).bind("c", 70000L).bind("code", "another-unknown").execute();
            });
            ProjectReader held = heldReader(app);
            ProjectReader direct = held.uncached();
            Scope scope = direct.scope(direct.project(p.project), Selection.all());
            assertThat(scope.coders().stream().map(c -> c.id()).toList()).as("the coder beyond the packed range is in the scope").contains(70000L);
            CodeSource.Tally t = held.tally(scope);
            assertThat(sorted(t.counts())).isEqualTo(sorted(direct.codeCounts(scope)));
            assertThat(sorted(t.counts()).toString()).contains("not-in-the-codebook", "another-unknown");
            assertThat(t.unitsPerRole()).isEqualTo(direct.unitsPerRole(scope));
            assertThat(t.codeRows()).isEqualTo(direct.codeCount(scope));
            check(app, p.analyst, p.project, "bootstrap=0", "codes outside the codebook and a coder beyond the packed range");
        }
    }

    /**
     * A whole read takes the codes of a range of unit ids (CodeCache.codesSql); another project's units, imported between
     * two of a project's transcripts, lie inside that range, and their codes are passed over. Both projects, read by a
     * cache of their own with two readers (as a start reads them) and by the server's cache on one connection, get the
     * database path's answers; a code only the other project has (written under a codebook it alone used) is not in this
     * project's saved copy.
     */
    @Test
    void a_whole_read_passes_over_the_codes_of_another_projects_units_that_lie_among_its_own() throws Exception {
        try (TestApp app = TestApp.start(dir)) {
            CodedProject a = new CodedProject(app);
            CodedProject b = new CodedProject(app);
            long late = Fixtures.transcript(a.admin, a.project, "d-gesprek.txt");
            List<Unit> lateUnits = units(app, a.project).stream().filter(u -> u.transcript() == late).toList();
            for (int i = 0; i < lateUnits.size(); i += 2) {
                assertThat(a.coders.get("anna").put("/api/utterances/" + lateUnits.get(i).id() + "/codes/step",
                        Map.of("code", CodedProject.STEPS.get(i % 4))).status()).isEqualTo(200);
                assertThat(a.coders.get("bram").put("/api/utterances/" + lateUnits.get(i).id() + "/codes/step",
                        Map.of("code", CodedProject.STEPS.get((i / 2) % 4))).status()).isEqualTo(200);
            }
            List<Long> idsOfA = units(app, a.project).stream().map(Unit::id).toList(), idsOfB = units(app, b.project).stream().map(Unit::id).toList();
            long first = java.util.Collections.min(idsOfA), last = java.util.Collections.max(idsOfA);
            assertThat(idsOfB).as("the other project's units lie among this one's ids").allMatch(id -> id > first && id < last);
            assertThat(last - first).as("within one range of the read").isLessThanOrEqualTo(idsOfA.size() + idsOfB.size() + 2L);
            String onlyInB = "alleen-in-project-b";
            app.jdbi.useHandle(h -> assertThat(h.execute("UPDATE codes SET code = ? WHERE id = (SELECT MIN(c.id) FROM codes c JOIN utterances u ON u.id = c.utterance_id"
                    + " JOIN transcripts t ON t.id = u.transcript_id WHERE t.project_id = ?)", onlyInB, b.project)).isEqualTo(1));

            var readers = java.util.concurrent.Executors.newCachedThreadPool();
            try {
                ProjectReader direct = heldReader(app).uncached();
                CodeCache twoCache = new CodeCache(app.jdbi, readers);
                ProjectReader twoReaders = new ProjectReader(app.jdbi, new ProjectCodebooks(app.jdbi, new CodebookService(app.jdbi, new Writes(app.jdbi))),
                        twoCache);
                for (CodedProject p : List.of(a, b)) {
                    Scope scope = direct.scope(direct.project(p.project), Selection.all());
                    for (ProjectReader cached : List.of(twoReaders, heldReader(app))) {
                        CodeSource.Tally t = cached.tally(scope);
                        assertThat(sorted(t.counts())).isEqualTo(sorted(direct.codeCounts(scope)));
                        assertThat(t.unitsPerRole()).isEqualTo(direct.unitsPerRole(scope));
                        assertThat(t.codeRows()).isEqualTo(direct.codeCount(scope));
                    }
                    check(app, p.analyst, p.project, "bootstrap=0", "project " + p.project + ", another project's units among its own");
                }
                app.jdbi.useHandle(h -> h.execute("DELETE FROM code_cache_snapshots"));
                assertThat(twoCache.saveSnapshots(new Writes(app.jdbi))).isEqualTo(2);
                java.util.function.LongFunction<String> copy = project -> new String(app.jdbi.withHandle(h -> h.createQuery(
                        "SELECT data FROM code_cache_snapshots WHERE project_id = ?").bind(0, project).mapTo(byte[].class).one()), java.nio.charset.StandardCharsets.ISO_8859_1);
                assertThat(copy.apply(b.project)).contains(onlyInB);
                assertThat(copy.apply(a.project)).as("no code of the other project's units in this one's copy").doesNotContain(onlyInB);
            } finally {
                readers.shutdownNow();
            }
        }
    }

    @Test
    void a_database_without_the_triggers_is_read_the_old_way() {
        try (TestApp app = TestApp.start(dir)) {
            CodedProject p = new CodedProject(app);
            app.jdbi.useHandle(h -> h.execute("DROP TRIGGER code_changes_code_update" + (TestStores.postgres() ? " ON codes" : "")));
            ReliabilityService service = new ReliabilityService(new ProjectReader(app.jdbi, new ProjectCodebooks(app.jdbi,
                    new CodebookService(app.jdbi, new Writes(app.jdbi)))), null, new CodeCache(app.jdbi));
            ProjectReader reader = new ProjectReader(app.jdbi, new ProjectCodebooks(app.jdbi, new CodebookService(app.jdbi, new Writes(app.jdbi))));
            var scope = reader.scope(reader.project(p.project), Selection.all());
            assertThat(new CodeCache(app.jdbi).read(scope)).isNull();
            assertSame("without triggers", uncached(app, p.project, Selection.all()), Json.mapper().valueToTree(service.compute(scope)));
        }
    }
}
