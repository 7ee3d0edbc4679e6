package nl.samenspraak.reliability;

import nl.samenspraak.calibration.CalibrationDao;
import nl.samenspraak.codebook.CodebookService;
import nl.samenspraak.db.Writes;
import nl.samenspraak.project.ProjectCodebooks;
import nl.samenspraak.report.CodedProject;
import nl.samenspraak.report.ReportDao;
import nl.samenspraak.support.TestApp;
import nl.samenspraak.support.TestStores;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query plans (SQLite's EXPLAIN QUERY PLAN) of the reads that remain on the reliability, report and calibration path
 * now that counts and matrices come from the code cache: each search of codes, utterances and code_changes goes by an index
 * or the rowid, none scans a table, sorts in a temporary B-tree or walks a coder's codes in every project (index
 * codes_coder), except where named below. The SQL is the code's own
 * (CodeCache's constants, the DAOs' annotations). The plans are printed; BENCHMARKS.md shows them for the 1M x 3 database.
 */
class ReadPlansTest {
    @TempDir Path dir;

    /** Tables too large to scan or sort: a plan names them (or their aliases in these queries) only in a SEARCH. */
    private static final List<String> LARGE = List.of("codes", "utterances", "code_changes", "c", "u", "x", "ch", "ratings", "r");

    @Test
    void the_reads_that_remain_search_by_index_and_sort_nothing_large() throws Exception {
        // The plans read here are SQLite's (EXPLAIN QUERY PLAN), the default store's; PostgreSQL's planner chooses by the
        // tables' statistics, so a plan of a small test database would say little about a large one.
        TestStores.assumeSqlite("the query plans checked are SQLite's");
        try (TestApp app = TestApp.start(dir)) {
            CodedProject p = new CodedProject(app);
            Map<String, String> queries = new LinkedHashMap<>();
            queries.put("cache: the log's bounds", CodeCache.BOUNDS);
            queries.put("cache: live transcripts", CodeCache.LIVE);
            queries.put("cache: log rows after the last seen", CodeCache.CHANGES);
            queries.put("cache: a transcript's units", CodeCache.unitsSql());
            var codebooks = new ProjectCodebooks(app.jdbi, new CodebookService(app.jdbi, new Writes(app.jdbi)));
            queries.put("cache: a transcript's codes", CodeCache.codesSql(CodeCache.pairCase(codebooks.forProject(p.project).codebook())));
            // PostgreSQL reads a range's codes by COPY of this SELECT (the same range as codesSql's, without the numbering)
            queries.put("cache: a range's codes as PostgreSQL's COPY selects them", CodeCache.copySql(1, 2));
            queries.put("cache: projects read at a start", CodeCache.PROJECTS);
            for (String m : List.of("liveTranscripts", "coders", "consensusCoder", "ratings", "projectOfLiveTranscript")) queries.put("scope and reports: ReportDao." + m, sql(ReportDao.class, m));
            for (String m : List.of("codes", "coded", "unitsCoded", "codedDimensions", "units")) queries.put("calibration: CalibrationDao." + m, sql(CalibrationDao.class, m));

            List<String> failures = new ArrayList<>();
            StringBuilder shown = new StringBuilder();
            app.jdbi.useHandle(h -> {
                for (var q : queries.entrySet()) {
                    List<String> plan = new ArrayList<>();
                    try (PreparedStatement s = h.getConnection().prepareStatement("EXPLAIN QUERY PLAN " + q.getValue())) {
                        for (int i = 1; i <= s.getParameterMetaData().getParameterCount(); i++) s.setLong(i, 1);
                        try (ResultSet r = s.executeQuery()) {
                            while (r.next()) plan.add(r.getString(4));
                        }
                    }
                    shown.append(q.getKey()).append('\n');
                    plan.forEach(line -> shown.append("    ").append(line).append('\n'));
                    for (String line : plan) {
                        String[] words = line.split(" ");
                        // (In ReportDao.coders u is users, walked by name: one row per user.)
                        if (words[0].equals("SCAN") && LARGE.contains(words[1]) && !line.contains("autoindex_users")) failures.add(q.getKey() + ": " + line);
                        // Sorted in a temporary B-tree, allowed for two small sets: the project's transcripts by name (a few hundred,
                        // not worth an index of its own) and one transcript's codes grouped per coder and dimension.
                        if (line.contains("TEMP B-TREE") && !q.getKey().endsWith("liveTranscripts") && !q.getKey().endsWith("codedDimensions")) {
                            failures.add(q.getKey() + ": " + line);
                        }
                        // From a coder's codes in every project to the one asked for: all of that coder's codes read. Left in one
                        // place, the scope's coders (EXISTS per user; stops at the first code in the project, see BENCHMARKS.md).
                        if (line.contains("codes_coder") && !q.getKey().endsWith("ReportDao.coders")) failures.add(q.getKey() + ": " + line);
                    }
                }
            });
            System.out.print(shown);
            assertThat(failures).as(shown.toString()).isEmpty();
        }
    }

    /** A DAO method's SQL, its {@code <list>} bindings and {@code :names} as plain parameters. */
    private static String sql(Class<?> dao, String method) {
        for (Method m : dao.getMethods()) {
            if (m.getName().equals(method) && m.isAnnotationPresent(SqlQuery.class)) {
                return m.getAnnotation(SqlQuery.class).value().replaceAll("<\\w+>", "?, ?").replaceAll(":\\w+", "?");
            }
        }
        throw new AssertionError(dao.getSimpleName() + "." + method + " has no @SqlQuery");
    }
}
