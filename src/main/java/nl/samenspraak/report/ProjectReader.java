package nl.samenspraak.report;

import nl.samenspraak.codebook.SpeakerRole;
import nl.samenspraak.http.ApiException;
import nl.samenspraak.project.Project;
import nl.samenspraak.project.ProjectCodebooks;
import nl.samenspraak.project.ProjectDao;
import nl.samenspraak.results.Person;
import nl.samenspraak.results.TranscriptRef;
import nl.samenspraak.spreadsheet.WorkbookSize;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what reports, reliability and exports share: the scope of a selection, utterances per role,
 * code counts and ratings. Aggregation happens in SQL, so a million codes become a few thousand rows.
 */
public final class ProjectReader {
    private final Jdbi jdbi;
    private final ProjectCodebooks codebooks;

    public ProjectReader(Jdbi jdbi, ProjectCodebooks codebooks) {
        this.jdbi = jdbi;
        this.codebooks = codebooks;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** A project by id, or a 404. */
    public Project project(long projectId) {
        return jdbi.withExtension(ProjectDao.class, dao -> dao.find(projectId)).orElseThrow(() -> ApiException.notFound("Project " + projectId));
    }

    /** Resolves a selection; unknown coders or transcripts are a 400 naming them. */
    public Scope scope(Project project, Selection selection) {
        return jdbi.withHandle(h -> {
            List<TranscriptRef> live = h.createQuery("SELECT id, name FROM transcripts WHERE project_id = :p AND deleted_at IS NULL ORDER BY name, id")
                    .bind("p", project.id()).map((rs, ctx) -> new TranscriptRef(rs.getLong(1), rs.getString(2))).list();
            // EXISTS per user stops at the first code (index codes_coder), instead of scanning every code of the project.
            List<Person> coders = h.createQuery("""
                    SELECT u.id, u.name FROM users u
                    WHERE EXISTS (SELECT 1 FROM codes c JOIN utterances x ON x.id = c.utterance_id JOIN transcripts t ON t.id = x.transcript_id
                                  WHERE c.coder_id = u.id AND t.project_id = :p AND t.deleted_at IS NULL)
                       OR EXISTS (SELECT 1 FROM ratings r JOIN transcripts t ON t.id = r.transcript_id
                                  WHERE r.coder_id = u.id AND t.project_id = :p AND t.deleted_at IS NULL)
                    ORDER BY u.name""").bind("p", project.id()).map((rs, ctx) -> new Person(rs.getLong(1), rs.getString(2))).list();
            return new Scope(project, codebooks.forProject(project.id()), coders(h, project, selection, coders),
                    pick("transcripts", live, selection.transcripts(), TranscriptRef::id, "is not a transcript of this project"),
                    selection);
        });
    }

    /**
     * The coders of a selection. The consensus coder of adjudication is a coder like any other, but
     * is left out unless chosen: by {@code dataset=consensus} (then it alone) or by its id among the coders,
     * so reliability and reports over the original coders do not change when adjudication begins.
     */
    private static List<Person> coders(Handle h, Project project, Selection selection, List<Person> all) {
        Long consensus = h.createQuery("SELECT user_id FROM consensus_coders WHERE project_id = :p").bind("p", project.id())
                .mapTo(Long.class).findOne().orElse(null);
        if (selection.dataset() == Selection.Dataset.CONSENSUS) {
            List<Person> only = all.stream().filter(c -> consensus != null && c.id() == consensus).toList();
            if (only.isEmpty()) throw ApiException.badRequest("Parameter 'dataset': this project has no consensus codes yet; adjudicate a transcript first.");
            return only;
        }
        if (selection.coders().isEmpty()) return all.stream().filter(c -> consensus == null || c.id() != consensus).toList();
        return pick("coders", all, selection.coders(), Person::id, "has no codes or ratings in this project");
    }

    private static <T> List<T> pick(String field, List<T> all, List<Long> wanted, java.util.function.ToLongFunction<T> id, String problem) {
        if (wanted.isEmpty()) return all;
        List<Long> unknown = wanted.stream().filter(w -> all.stream().noneMatch(t -> id.applyAsLong(t) == w)).toList();
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest("Parameter '" + field + "': " + unknown.get(0) + " " + problem + ".", Map.of(field, unknown));
        }
        return all.stream().filter(t -> wanted.contains(id.applyAsLong(t))).toList();
    }

    /** Utterances per speaker role of each transcript in scope. */
    public Map<Long, Map<SpeakerRole, Integer>> unitsPerRole(Scope scope) {
        Map<Long, Map<SpeakerRole, Integer>> out = new HashMap<>();
        if (scope.transcripts().isEmpty()) return out;
        jdbi.useHandle(h -> h.createQuery("""
                        SELECT transcript_id, speaker_role, COUNT(*) FROM utterances WHERE transcript_id IN (<t>)
                        GROUP BY transcript_id, speaker_role""").bindList("t", scope.transcriptIds())
                .map((rs, ctx) -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(SpeakerRole.class))
                            .put(SpeakerRole.fromKey(rs.getString(2)), rs.getInt(3));
                    return 0;
                }).list());
        return out;
    }

    /** One coder's count of one code for one speaker role of one transcript. */
    public record CountRow(long transcriptId, long coderId, String dimension, String code, SpeakerRole role, long count) {}

    public List<CountRow> codeCounts(Scope scope) {
        if (scope.empty()) return List.of();
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT u.transcript_id, c.coder_id, c.dimension, c.code, u.speaker_role, COUNT(*)
                        FROM codes c JOIN utterances u ON u.id = c.utterance_id
                        WHERE u.transcript_id IN (<t>) AND c.coder_id IN (<c>)
                        GROUP BY u.transcript_id, c.coder_id, c.dimension, c.code, u.speaker_role""")
                .bindList("t", scope.transcriptIds()).bindList("c", scope.coderIds())
                .map((rs, ctx) -> new CountRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        SpeakerRole.fromKey(rs.getString(5)), rs.getLong(6))).list());
    }

    public record RatingRow(long transcriptId, long coderId, String scale, String item, double value) {}

    public List<RatingRow> ratings(Scope scope) {
        if (scope.empty()) return List.of();
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT transcript_id, coder_id, scale, item, value FROM ratings
                        WHERE transcript_id IN (<t>) AND coder_id IN (<c>)""")
                .bindList("t", scope.transcriptIds()).bindList("c", scope.coderIds())
                .map((rs, ctx) -> new RatingRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getDouble(5))).list());
    }

    /** Coded utterances in scope: how many rows an export of the long table will write. */
    public long codeCount(Scope scope) {
        if (scope.empty()) return 0;
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT COUNT(*) FROM codes c JOIN utterances u ON u.id = c.utterance_id
                        WHERE u.transcript_id IN (<t>) AND c.coder_id IN (<c>)""")
                .bindList("t", scope.transcriptIds()).bindList("c", scope.coderIds()).mapTo(Long.class).one());
    }

    /** What a workbook of the scope will hold: its coded rows and their texts' bytes, its units and theirs (WorkbookSize). */
    public WorkbookSize.Volume volume(Scope scope) {
        if (scope.empty()) return new WorkbookSize.Volume(0, 0, 0, 0);
        return jdbi.withHandle(h -> {
            long[] codes = h.createQuery("""
                            SELECT COALESCE(SUM(k.n), 0), COALESCE(SUM(k.n * LENGTH(CAST(u.text AS BLOB))), 0)
                            FROM (SELECT c.utterance_id, COUNT(*) AS n FROM codes c JOIN utterances u ON u.id = c.utterance_id
                                  WHERE u.transcript_id IN (<t>) AND c.coder_id IN (<c>) GROUP BY c.utterance_id) k
                            JOIN utterances u ON u.id = k.utterance_id""")
                    .bindList("t", scope.transcriptIds()).bindList("c", scope.coderIds()).map((rs, ctx) -> new long[]{rs.getLong(1), rs.getLong(2)}).one();
            long[] units = h.createQuery("SELECT COUNT(*), COALESCE(SUM(LENGTH(CAST(text AS BLOB))), 0) FROM utterances WHERE transcript_id IN (<t>)")
                    .bindList("t", scope.transcriptIds()).map((rs, ctx) -> new long[]{rs.getLong(1), rs.getLong(2)}).one();
            return new WorkbookSize.Volume(codes[0], codes[1], units[0], units[1]);
        });
    }

    /**
     * Runs {@code work} in one deferred read transaction: every query sees the same snapshot, and no
     * write lock is taken (the app's connections otherwise begin IMMEDIATE transactions), so coders
     * keep saving while a long export reads (SQLite WAL).
     */
    public <T> T inReadTransaction(java.util.function.Function<Handle, T> work) {
        return jdbi.withHandle(h -> {
            h.execute("BEGIN DEFERRED");
            try {
                return work.apply(h);
            } finally {
                h.execute("COMMIT");
            }
        });
    }
}
