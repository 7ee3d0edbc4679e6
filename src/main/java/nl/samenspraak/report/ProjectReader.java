package nl.samenspraak.report;

import nl.samenspraak.account.Access;
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
 * code counts and ratings. Counts, units per role and the number of codes come from a {@link CodeSource}
 * when there is one (the codes in memory, brought up to date from the change log); else aggregation
 * happens in SQL, so a million codes become a few thousand rows.
 */
public final class ProjectReader {
    private final Jdbi jdbi;
    private final ProjectCodebooks codebooks;
    private final CodeSource source;

    /** Reads everything from the database. */
    public ProjectReader(Jdbi jdbi, ProjectCodebooks codebooks) {
        this(jdbi, codebooks, null);
    }

    /** Reads counts from {@code source} where it can (null: from the database). */
    public ProjectReader(Jdbi jdbi, ProjectCodebooks codebooks, CodeSource source) {
        this.jdbi = jdbi;
        this.codebooks = codebooks;
        this.source = source;
    }

    /** The same reader without a code source: every figure from the database (what the cached figures are held to). */
    public ProjectReader uncached() {
        return source == null ? this : new ProjectReader(jdbi, codebooks, null);
    }

    /** The project's current codebook. */
    public nl.samenspraak.codebook.StoredCodebook codebook(long projectId) {
        return codebooks.forProject(projectId);
    }

    /** The scope's code counts, units per role and number of code rows, from one snapshot of the code source, or from the database. */
    public CodeSource.Tally tally(Scope scope) {
        CodeSource.Tally t = source == null ? null : source.tally(scope);
        if (t != null) return t;
        return new CodeSource.Tally(codeCounts(scope, false), unitsPerRole(scope, false), codeCount(scope, false));
    }

    /** A project by id, or a 404. */
    public Project project(long projectId) {
        return jdbi.withExtension(ProjectDao.class, dao -> dao.find(projectId)).orElseThrow(() -> ApiException.notFound("project.notFound", "Project " + projectId).with("id", projectId));
    }

    /** Resolves a selection; unknown coders or transcripts are a 400 naming them. */
    public Scope scope(Project project, Selection selection) {
        var codebook = codebooks.forProject(project.id());
        // Asked before a connection is taken here: the code source reads on connections of its own.
        java.util.Set<Long> coded = source == null ? null : source.coderIds(project.id(), codebook.codebook());
        return jdbi.withExtension(ReportDao.class, dao -> {
            List<TranscriptRef> live = dao.liveTranscripts(project.id());
            List<Person> all = coded == null ? dao.coders(project.id()) : dao.codersGiven(project.id(), coded);
            return new Scope(project, codebook, coders(dao, project, selection, all),
                    pick(live, selection.transcripts(), TranscriptRef::id, unknown -> ApiException.badRequest("report.unknownTranscript",
                            "Parameter 'transcripts': " + unknown.get(0) + " is not a transcript of this project.", Map.of("transcripts", unknown)).with("id", unknown.get(0))),
                    selection);
        });
    }

    /** The project of a live transcript, or a 404. */
    public long projectOfTranscript(long transcriptId) {
        return jdbi.withExtension(ReportDao.class, dao -> dao.projectOfLiveTranscript(transcriptId))
                .orElseThrow(() -> Access.transcriptNotFound(transcriptId));
    }

    /**
     * The coders of a selection. The consensus coder of adjudication is a coder like any other, but
     * is left out unless chosen: by {@code dataset=consensus} (then it alone) or by its id among the coders,
     * so reliability and reports over the original coders do not change when adjudication begins.
     */
    private static List<Person> coders(ReportDao dao, Project project, Selection selection, List<Person> all) {
        Long consensus = dao.consensusCoder(project.id()).orElse(null);
        if (selection.dataset() == Selection.Dataset.CONSENSUS) {
            List<Person> only = all.stream().filter(c -> consensus != null && c.id() == consensus).toList();
            if (only.isEmpty()) throw noConsensus();
            return only;
        }
        if (selection.coders().isEmpty()) return all.stream().filter(c -> consensus == null || c.id() != consensus).toList();
        return pick(all, selection.coders(), Person::id, unknown -> ApiException.badRequest("report.unknownCoder",
                "Parameter 'coders': " + unknown.get(0) + " has no codes or ratings in this project.", Map.of("coders", unknown)).with("id", unknown.get(0)));
    }

    /** A selection of the consensus dataset in a project without one. */
    public static ApiException noConsensus() {
        return ApiException.badRequest("report.noConsensus", "Parameter 'dataset': this project has no consensus codes yet; adjudicate a transcript first.");
    }

    /** The wanted ones of {@code all} (all when none is wanted); ids that are not there are refused with {@code refusal}. */
    private static <T> List<T> pick(List<T> all, List<Long> wanted, java.util.function.ToLongFunction<T> id,
                                    java.util.function.Function<List<Long>, ApiException> refusal) {
        if (wanted.isEmpty()) return all;
        List<Long> unknown = wanted.stream().filter(w -> all.stream().noneMatch(t -> id.applyAsLong(t) == w)).toList();
        if (!unknown.isEmpty()) {
            throw refusal.apply(unknown);
        }
        return all.stream().filter(t -> wanted.contains(id.applyAsLong(t))).toList();
    }

    /** Utterances per speaker role of each transcript in scope. */
    public Map<Long, Map<SpeakerRole, Integer>> unitsPerRole(Scope scope) {
        return unitsPerRole(scope, true);
    }

    private Map<Long, Map<SpeakerRole, Integer>> unitsPerRole(Scope scope, boolean cached) {
        CodeSource.Tally t = cached && source != null ? source.tally(scope) : null;
        if (t != null) return t.unitsPerRole();
        Map<Long, Map<SpeakerRole, Integer>> out = new HashMap<>();
        if (scope.transcripts().isEmpty()) return out;
        for (ReportDao.RoleCount r : jdbi.withExtension(ReportDao.class, dao -> dao.unitsPerRole(scope.transcriptIds()))) {
            out.computeIfAbsent(r.transcriptId(), k -> new EnumMap<>(SpeakerRole.class)).put(SpeakerRole.fromKey(r.speakerRole()), r.count());
        }
        return out;
    }

    /** One coder's count of one code for one speaker role of one transcript. */
    public record CountRow(long transcriptId, long coderId, String dimension, String code, SpeakerRole role, long count) {}

    public List<CountRow> codeCounts(Scope scope) {
        return codeCounts(scope, true);
    }

    private List<CountRow> codeCounts(Scope scope, boolean cached) {
        if (scope.empty()) return List.of();
        CodeSource.Tally t = cached && source != null ? source.tally(scope) : null;
        if (t != null) return t.counts();
        return jdbi.withExtension(ReportDao.class, dao -> dao.codeCounts(scope.transcriptIds(), scope.coderIds())).stream()
                .map(c -> new CountRow(c.transcriptId(), c.coderId(), c.dimension(), c.code(), SpeakerRole.fromKey(c.speakerRole()), c.count()))
                .toList();
    }

    public record RatingRow(long transcriptId, long coderId, String scale, String item, double value) {}

    public List<RatingRow> ratings(Scope scope) {
        if (scope.empty()) return List.of();
        return jdbi.withExtension(ReportDao.class, dao -> dao.ratings(scope.transcriptIds(), scope.coderIds()));
    }

    /** Coded utterances in scope: how many rows an export of the long table will write. */
    public long codeCount(Scope scope) {
        return codeCount(scope, true);
    }

    private long codeCount(Scope scope, boolean cached) {
        if (scope.empty()) return 0;
        CodeSource.Tally t = cached && source != null ? source.tally(scope) : null;
        if (t != null) return t.codeRows();
        return jdbi.withExtension(ReportDao.class, dao -> dao.codeCount(scope.transcriptIds(), scope.coderIds()));
    }

    /** What a workbook of the scope will hold: its coded rows and their texts' bytes, its units and theirs (WorkbookSize). */
    public WorkbookSize.Volume volume(Scope scope) {
        if (scope.empty()) return new WorkbookSize.Volume(0, 0, 0, 0);
        return jdbi.withExtension(ReportDao.class, dao -> {
            ReportDao.Bulk codes = dao.codedText(scope.transcriptIds(), scope.coderIds());
            ReportDao.Bulk units = dao.unitText(scope.transcriptIds());
            return new WorkbookSize.Volume(codes.rows(), codes.textBytes(), units.rows(), units.textBytes());
        });
    }

    /**
     * Runs {@code work} in one deferred read transaction: every query sees the same snapshot, and no
     * write lock is taken (the app's connections otherwise begin IMMEDIATE transactions), so coders
     * keep saving while a long export reads (SQLite WAL; PostgreSQL: a repeatable-read transaction).
     */
    public <T> T inReadTransaction(java.util.function.Function<Handle, T> work) {
        return jdbi.withHandle(h -> {
            nl.samenspraak.db.Database.beginRead(h);
            try {
                return work.apply(h);
            } finally {
                h.execute("COMMIT");
            }
        });
    }
}
