package nl.samenspraak.coding;

import nl.samenspraak.account.Role;
import nl.samenspraak.project.ProjectDao;
import nl.samenspraak.support.Fixtures;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The code save writes its rows in plain JDBC ({@link CodeWrites}, the measured hot path); everything else
 * writes through SQL Objects. Two fresh databases get the same project: on one, a coder saves, changes and
 * clears codes and rates over HTTP; on the other, the same operations are replayed through SQL Object
 * statements (the change-log row through {@link CodingDao#log}, the one the rating save uses). Every row of
 * codes, ratings and change_log must be the same, column by column. On PostgreSQL the plain path is one statement per
 * save ({@link CodeWrites#PG_SAVE}), so the suite's PostgreSQL pass checks that one.
 */
class CodeWritesEquivalenceTest {
    @TempDir Path plainDir;
    @TempDir Path daoDir;

    /** The ordinary SQL Object way to write a code: the statements a DAO would hold. */
    interface ReferenceCodes {
        @SqlQuery("SELECT code FROM codes WHERE utterance_id = :utteranceId AND coder_id = :coderId AND dimension = :dimension")
        Optional<String> code(long utteranceId, long coderId, String dimension);

        @SqlUpdate("""
                INSERT INTO codes(utterance_id, coder_id, dimension, code, codebook_id, updated_at)
                VALUES (:utteranceId, :coderId, :dimension, :code, :codebookId, :now)
                ON CONFLICT(utterance_id, coder_id, dimension)
                DO UPDATE SET code = excluded.code, codebook_id = excluded.codebook_id, updated_at = excluded.updated_at""")
        void upsert(long utteranceId, long coderId, String dimension, String code, long codebookId, String now);

        @SqlUpdate("DELETE FROM codes WHERE utterance_id = :utteranceId AND coder_id = :coderId AND dimension = :dimension")
        void delete(long utteranceId, long coderId, String dimension);

        @SqlQuery("SELECT transcript_id FROM utterances WHERE id = :utteranceId")
        long transcriptOf(long utteranceId);
    }

    @Test
    void a_code_save_in_plain_jdbc_writes_the_rows_the_sql_object_statements_write() throws Exception {
        try (TestApp plain = TestApp.start(plainDir); TestApp dao = TestApp.start(daoDir)) {
            long project = setUp(plain);
            assertThat(setUp(dao)).isEqualTo(project);
            long baseline = plain.count("SELECT COALESCE(MAX(id), 0) FROM change_log");

            Http coder = plain.as("coder");
            long transcript = plain.count("SELECT MIN(id) FROM transcripts");
            var units = coder.get("/api/transcripts/" + transcript).json().path("utterances");
            long first = units.get(0).path("id").asLong(), second = units.get(1).path("id").asLong();
            String dimension = Fixtures.firstDimension(coder);
            String a = Fixtures.codeFor(coder, dimension, "professional", 0), b = Fixtures.codeFor(coder, dimension, "professional", 1);
            String client = Fixtures.codeFor(coder, dimension, "client", 0);
            assertThat(coder.put("/api/utterances/" + first + "/codes/" + dimension, Map.of("code", a, "opId", "op-1")).status()).isEqualTo(200);
            assertThat(coder.put("/api/utterances/" + first + "/codes/" + dimension, Map.of("code", b)).status()).isEqualTo(200);
            assertThat(coder.put("/api/utterances/" + second + "/codes/" + dimension, Map.of("code", client, "opId", "op-2")).status()).isEqualTo(200);
            assertThat(coder.delete("/api/utterances/" + first + "/codes/" + dimension + "?opId=op-3").status()).isEqualTo(200);
            // A clear of a cell that holds no code is logged too (before and after empty); a replayed operation writes nothing.
            assertThat(coder.delete("/api/utterances/" + first + "/codes/" + dimension + "?opId=op-5").status()).isEqualTo(200);
            var replayed = coder.put("/api/utterances/" + second + "/codes/" + dimension, Map.of("code", client, "opId", "op-2"));
            assertThat(replayed.json().path("replayed").asBoolean()).isTrue();
            var scale = coder.get("/api/codebooks/" + Fixtures.CODEBOOK).json().path("codebook").path("ratingScales").get(0);
            String rating = "/api/transcripts/" + transcript + "/ratings/" + scale.path("key").asText() + "/" + scale.path("items").get(0).path("key").asText();
            assertThat(coder.put(rating, Map.of("value", 2, "opId", "op-4")).status()).isEqualTo(200);

            replay(plain.jdbi, dao.jdbi, baseline);

            for (String table : List.of("codes", "ratings", "change_log")) {
                assertThat(rows(dao.jdbi, table)).as(table).isNotEmpty().isEqualTo(rows(plain.jdbi, table));
            }
            plain.jdbi.useHandle(h -> {
                for (String op : List.of("op-1", "op-2", "op-3", "op-4", "op-5")) {
                    assertThat(CodeWrites.changeByOp(h.getConnection(), op)).as(op).isEqualTo(h.attach(CodingDao.class).changeByOp(op)).isPresent();
                }
            });
        }
    }

    /** The same users, project, members and transcript, made in the same order, so the ids match. */
    private static long setUp(TestApp app) {
        Http root = app.loggedIn("root", Role.ADMIN);
        app.user("coder", Role.CODER);
        long project = Fixtures.project(root, "Gelijk");
        Fixtures.member(root, project, "coder", "coder");
        Fixtures.transcript(root, project, "gesprek.txt");
        return project;
    }

    /** Each change the plain path logged, applied again through SQL Objects: its time and input taken over, the rest worked out anew. */
    private static void replay(Jdbi from, Jdbi to, long after) {
        List<Change> changes = from.withHandle(h -> h.createQuery("""
                SELECT id, at, user_id, entity, transcript_id, utterance_id, coder_id, field, before_value, after_value, op_id
                FROM change_log WHERE id > :after ORDER BY id""").bind("after", after).map(ConstructorMapper.of(Change.class)).list());
        to.useTransaction(h -> {
            ReferenceCodes codes = h.attach(ReferenceCodes.class);
            CodingDao dao = h.attach(CodingDao.class);
            for (Change c : changes) {
                if (c.entity().equals("code")) {
                    long transcript = codes.transcriptOf(c.utteranceId());
                    long project = dao.projectOf(transcript).orElseThrow();
                    long codebook = h.attach(ProjectDao.class).currentCodebookId(project).orElseThrow();
                    String before = codes.code(c.utteranceId(), c.coderId(), c.field()).orElse(null);
                    if (c.afterValue() == null) codes.delete(c.utteranceId(), c.coderId(), c.field());
                    else codes.upsert(c.utteranceId(), c.coderId(), c.field(), c.afterValue(), codebook, c.at());
                    dao.log(c.at(), c.userId(), "code", project, transcript, c.utteranceId(), c.coderId(), c.field(), before, c.afterValue(), c.opId());
                } else {
                    String[] scaleItem = c.field().split("/");
                    long project = dao.projectOf(c.transcriptId()).orElseThrow();
                    long codebook = h.attach(ProjectDao.class).currentCodebookId(project).orElseThrow();
                    String before = dao.rating(c.transcriptId(), c.coderId(), scaleItem[0], scaleItem[1]).map(CodingService::format).orElse(null);
                    dao.upsertRating(c.transcriptId(), c.coderId(), scaleItem[0], scaleItem[1], Double.parseDouble(c.afterValue()), codebook, c.at());
                    dao.log(c.at(), c.userId(), "rating", project, c.transcriptId(), null, c.coderId(), c.field(), before, c.afterValue(), c.opId());
                }
            }
        });
    }

    private static List<Map<String, Object>> rows(Jdbi jdbi, String table) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM " + table + " ORDER BY id").mapToMap().list())
                .stream().map(m -> (Map<String, Object>) new HashMap<>(m)).toList();
    }
}
