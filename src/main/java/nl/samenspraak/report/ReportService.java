package nl.samenspraak.report;

import nl.samenspraak.account.Access;
import nl.samenspraak.account.User;
import nl.samenspraak.codebook.Codebook;
import nl.samenspraak.codebook.SpeakerRole;
import nl.samenspraak.project.Project;
import nl.samenspraak.report.ProjectReader.CountRow;
import nl.samenspraak.report.ProjectReader.RatingRow;
import nl.samenspraak.results.Person;
import nl.samenspraak.results.SessionReport;
import nl.samenspraak.results.TranscriptRef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Session reports from the database: per transcript (every coder) and per project (every session, every coder). */
public final class ReportService {
    private final ProjectReader reader;
    private final Access access;

    public ReportService(ProjectReader reader, Access access) {
        this.reader = reader;
        this.access = access;
    }

    /** What a report route answers: the scope and one report per session and coder. */
    public record ProjectReport(long projectId, String project, String codebookKey, String codebookVersion,
                                List<Person> coders, List<TranscriptRef> transcripts, List<SessionReport> sessions) {}

    public ProjectReport project(User user, long projectId, Selection selection) {
        access.requireOthersCodes(user, projectId);
        Project project = reader.project(projectId);
        return report(reader.scope(project, selection));
    }

    public ProjectReport transcript(User user, long transcriptId, Selection.Dataset dataset) {
        long projectId = reader.projectOfTranscript(transcriptId);
        access.requireOthersCodes(user, projectId);
        Project project = reader.project(projectId);
        return report(reader.scope(project, new Selection(List.of(), List.of(transcriptId), 0, 0, "en", dataset)));
    }

    public ProjectReport report(Scope scope) {
        return new ProjectReport(scope.project().id(), scope.project().name(), scope.codebook().key(), scope.codebook().version(),
                scope.coders(), scope.transcripts(), sessions(scope));
    }

    /** Every (transcript, coder) in scope where the coder coded or rated something, in transcript then coder order. */
    public List<SessionReport> sessions(Scope scope) {
        CodeSource.Tally tally = reader.tally(scope);
        return sessions(scope, tally.counts(), tally.unitsPerRole());
    }

    /**
     * The same, from code counts already collected in one pass (an export's, in its read transaction); units per role are
     * read from the database, on the calling thread's handle, so that they come from the same snapshot as the counts.
     */
    public List<SessionReport> sessions(Scope scope, List<CountRow> codeCounts) {
        return sessions(scope, codeCounts, reader.uncached().unitsPerRole(scope));
    }

    private List<SessionReport> sessions(Scope scope, List<CountRow> codeCounts, Map<Long, Map<SpeakerRole, Integer>> units) {
        Codebook codebook = scope.codebook().codebook();
        Map<String, List<SessionInput.CodeCount>> counts = new HashMap<>();
        for (CountRow r : codeCounts) {
            counts.computeIfAbsent(r.transcriptId() + "/" + r.coderId(), k -> new ArrayList<>())
                    .add(new SessionInput.CodeCount(r.dimension(), r.code(), r.role(), r.count()));
        }
        Map<String, Map<String, Map<String, Double>>> ratings = new HashMap<>();
        for (RatingRow r : reader.ratings(scope)) {
            ratings.computeIfAbsent(r.transcriptId() + "/" + r.coderId(), k -> new HashMap<>())
                    .computeIfAbsent(r.scale(), k -> new HashMap<>()).put(r.item(), r.value());
        }
        Set<String> worked = counts.keySet().stream().collect(Collectors.toSet());
        worked.addAll(ratings.keySet());
        List<SessionReport> sessions = new ArrayList<>();
        for (TranscriptRef t : scope.transcripts()) {
            for (Person coder : scope.coders()) {
                String key = t.id() + "/" + coder.id();
                if (!worked.contains(key)) continue;
                sessions.add(SessionReports.of(codebook, new SessionInput(t.id(), t.name(), coder.id(), coder.name(),
                        units.getOrDefault(t.id(), Map.of()), counts.getOrDefault(key, List.of()), ratings.getOrDefault(key, Map.of()))));
            }
        }
        return sessions;
    }
}
