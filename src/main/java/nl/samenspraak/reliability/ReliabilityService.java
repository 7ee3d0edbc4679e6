package nl.samenspraak.reliability;

import nl.samenspraak.account.Access;
import nl.samenspraak.account.User;
import nl.samenspraak.codebook.Codebook.Dimension;
import nl.samenspraak.codebook.Codebook;
import nl.samenspraak.codebook.SpeakerRole;
import nl.samenspraak.project.Project;
import nl.samenspraak.report.ProjectReader.CountRow;
import nl.samenspraak.report.ProjectReader;
import nl.samenspraak.report.Scope;
import nl.samenspraak.report.Selection;
import nl.samenspraak.results.ProjectReliability;
import nl.samenspraak.results.TranscriptRef;
import nl.samenspraak.results.UnitizingReliability;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reliability of a project from the database: reads the chosen codes into reliability-data
 * matrices (one per dimension, one int per coder and unit) and hands them to the pure engine in
 * package {@code agreement}. Lives beside the engine rather than in it because it reads the database,
 * and beside {@code report} because it is a feature of its own with its own route.
 */
public final class ReliabilityService {
    private final ProjectReader reader;
    private final Access access;
    private final CodeCache cache;

    /** Reads every request's codes from the database (what the cache is checked against). */
    public ReliabilityService(ProjectReader reader, Access access) {
        this(reader, access, null);
    }

    /** Reads codes from {@code cache}, which brings itself up to date with the database first (null: from the database). */
    public ReliabilityService(ProjectReader reader, Access access, CodeCache cache) {
        this.reader = reader;
        this.access = access;
        this.cache = cache;
    }

    public ProjectReliability project(User user, long projectId, Selection selection) {
        access.requireOthersCodes(user, projectId);
        Project project = reader.project(projectId);
        return compute(reader.scope(project, selection));
    }

    /** Every figure for the scope: from the cached codes when there is a cache, else from the database. */
    public ProjectReliability compute(Scope scope) {
        CodeCache.Read cached = cache == null ? null : cache.read(scope);
        if (cached == null) return computeFromDatabase(scope);
        return compute(scope, cached.counts(), cached.matrices(), cached.unitsPerRole());
    }

    /** Every figure for the scope, reading the codes from the database. */
    public ProjectReliability computeFromDatabase(Scope scope) {
        ProjectReader reader = this.reader.uncached();
        Codebook codebook = scope.codebook().codebook();
        List<CountRow> counts = reader.codeCounts(scope);
        Map<String, CodeMatrix> matrices = new LinkedHashMap<>();
        if (!scope.empty()) {
            reader.inReadTransaction(h -> {
                for (Dimension d : codebook.dimensions()) matrices.put(d.key(), CodeMatrix.read(h, scope, d, doublyCoded(scope, counts, d.key())));
                return null;
            });
        }
        return compute(scope, counts, matrices, reader.unitsPerRole(scope));
    }

    /**
     * Reads every project's codes into the cache (nothing without one); run in the background after a start
     * (app.Startup), so that the first reliability request, report or export does not read millions of codes itself.
     * Returns the projects read.
     */
    public int warmCache() {
        return cache == null ? 0 : cache.warm(id -> reader.codebook(id).codebook());
    }

    /** Saves a copy of each cached project whose codes changed since its last one (CodeCache.saveSnapshots); returns the copies written. */
    public int saveCache(nl.samenspraak.db.Writes writes) {
        return cache == null ? 0 : cache.saveSnapshots(writes);
    }

    /** How many projects the cache took from saved copies, and how many it read whole, since the start. */
    public record CacheCounts(long restores, long fullReads) {}

    public CacheCounts cacheCounts() {
        return cache == null ? new CacheCounts(0, 0) : new CacheCounts(cache.restores(), cache.fullReads());
    }

    /** Every figure for the scope from codes collected in one pass (an export's), units per role read in the same snapshot (the database's). */
    public ProjectReliability compute(Scope scope, UnitStream stream) {
        return compute(scope, stream.counts(), stream.matrices(), reader.uncached().unitsPerRole(scope));
    }

    private ProjectReliability compute(Scope scope, List<CountRow> counts, Map<String, CodeMatrix> matrices,
                                       Map<Long, Map<SpeakerRole, Integer>> unitsPerRole) {
        int bootstrap = scope.selection().bootstrap();
        long seed = scope.selection().seed();
        List<ProjectReliability.DimensionReliability> dimensions = new ArrayList<>();
        for (Dimension d : scope.codebook().codebook().dimensions()) {
            CodeMatrix m = matrices.getOrDefault(d.key(), new CodeMatrix(List.of(), List.of(), new int[0][], List.of()));
            dimensions.add(DimensionAnalysis.of(d, m, bootstrap, seed));
        }
        return new ProjectReliability(scope.project().id(), scope.project().name(), scope.codebook().key(), scope.codebook().version(),
                scope.coders(), scope.transcripts(), bootstrap, seed, dimensions,
                RatingAnalysis.of(scope, reader.ratings(scope), bootstrap, seed),
                FrequencyAnalysis.of(scope, counts, unitsPerRole));
    }

    /**
     * The unitizing reliability of the project's recordings that coders unitized independently (their own copies,
     * project setting 'unitizing: independent'), for those who may read everyone's codes. The selection's coders and
     * transcripts narrow it when given (a recording is chosen by its own transcript or by one of its copies). Besides
     * each recording's figures, alpha_U pooled over the chosen recordings laid end to end ({@link UnitizingAnalysis#pooled}).
     */
    public UnitizingReliability unitizing(User user, long projectId, Selection selection) {
        access.requireOthersCodes(user, projectId);
        Project project = reader.project(projectId);
        Codebook codebook = reader.scope(project, selection).codebook().codebook();
        Set<Long> coders = new HashSet<>(selection.coders() == null ? List.of() : selection.coders());
        Set<Long> chosen = new HashSet<>(selection.transcripts() == null ? List.of() : selection.transcripts());
        List<UnitizingAnalysis.Input> inputs = new ArrayList<>();
        List<UnitizingReliability.Recording> recordings = reader.inReadTransaction(h -> {
            UnitizingDao dao = h.attach(UnitizingDao.class);
            Map<Long, List<UnitizingDao.CopyRow>> bySource = new LinkedHashMap<>();
            for (UnitizingDao.CopyRow c : dao.copies(projectId)) {
                if (!coders.isEmpty() && !coders.contains(c.coderId())) continue;
                bySource.computeIfAbsent(c.sourceId(), k -> new ArrayList<>()).add(c);
            }
            List<UnitizingReliability.Recording> out = new ArrayList<>();
            for (List<UnitizingDao.CopyRow> copies : bySource.values()) {
                UnitizingDao.CopyRow first = copies.get(0);
                if (!chosen.isEmpty() && !chosen.contains(first.sourceId()) && copies.stream().noneMatch(c -> chosen.contains(c.copyId()))) continue;
                List<UnitizingAnalysis.CoderUnits> units = new ArrayList<>();
                for (UnitizingDao.CopyRow c : copies) {
                    Map<Long, Map<String, String>> codes = new HashMap<>();
                    for (UnitizingDao.CodeRow k : dao.codes(c.copyId(), c.coderId())) {
                        codes.computeIfAbsent(k.utteranceId(), x -> new HashMap<>()).put(k.dimension(), k.code());
                    }
                    units.add(new UnitizingAnalysis.CoderUnits(c.copyId(), c.coderId(), c.coder(), dao.units(c.copyId()).stream()
                            .map(u -> new UnitizingAnalysis.Unit(u.startMs(), u.endMs(), codes.getOrDefault(u.id(), Map.of()))).toList()));
                }
                out.add(UnitizingAnalysis.of(first.sourceId(), first.source(), first.durationMs(), units, codebook.dimensions()));
                inputs.add(new UnitizingAnalysis.Input(first.sourceId(), first.durationMs(), units));
            }
            return out;
        });
        return new UnitizingReliability(projectId, UnitizingAnalysis.SOURCE, UnitizingAnalysis.MATCH_RULE, recordings,
                UnitizingAnalysis.pooled(inputs, codebook.dimensions()));
    }

    /** The chosen transcripts, in order, that two or more chosen coders coded in the dimension. */
    static List<TranscriptRef> doublyCoded(Scope scope, List<CountRow> counts, String dimension) {
        Map<Long, Set<Long>> coders = new HashMap<>();
        for (CountRow r : counts) if (r.dimension().equals(dimension)) coders.computeIfAbsent(r.transcriptId(), k -> new HashSet<>()).add(r.coderId());
        return scope.transcripts().stream().filter(t -> coders.getOrDefault(t.id(), Set.of()).size() >= 2).toList();
    }
}
