package nl.samenspraak.transcript;

import nl.samenspraak.account.Access;
import nl.samenspraak.account.Role;
import nl.samenspraak.account.User;
import nl.samenspraak.http.ApiException;
import org.jdbi.v3.core.Jdbi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The transcript list of a project as administrators and trainers manage it: every live transcript with its
 * units, its speakers and their roles (each given, guessed or unknown until confirmed), whether the roles are
 * confirmed, and its recording. Coders do not see this list (403); non-members learn nothing (404).
 */
public final class TranscriptOverview {
    /**
     * One transcript of the list; {@code recording} is null when none was uploaded. A coder's own copy of a recording
     * (independent unitizing) names its source and its coder, as {@link Transcript} does; null for any other.
     */
    public record Listed(long id, String name, String fileName, String format, String createdAt, int units, boolean rolesConfirmed,
                         List<Speaker> speakers, Media recording, Long sourceTranscriptId, String sourceTranscript, Long unitizedBy,
                         String unitizedByName) {}

    private final Jdbi jdbi;
    private final Access access;

    public TranscriptOverview(Jdbi jdbi, Access access) {
        this.jdbi = jdbi;
        this.access = access;
    }

    public List<Listed> list(User user, long projectId) {
        access.require(user, projectId, Role.ADMIN, Role.TRAINER);
        return jdbi.withHandle(h -> {
            // A system administrator holds the admin role in every project id, so a missing project is said here.
            if (!h.attach(OverviewDao.class).projectExists(projectId)) throw ApiException.notFound("project.notFound", "Project " + projectId).with("id", projectId);
            Map<Long, List<Speaker>> speakers = new HashMap<>();
            for (OverviewDao.ListedSpeaker s : h.attach(OverviewDao.class).speakers(projectId)) {
                speakers.computeIfAbsent(s.transcriptId(), k -> new ArrayList<>()).add(new Speaker(s.label(), s.role(), s.source(), s.units()));
            }
            Map<Long, Media> recordings = new HashMap<>();
            h.attach(OverviewDao.class).recordings(projectId).forEach(m -> recordings.put(m.transcriptId(), m));
            return h.attach(TranscriptDao.class).list(projectId).stream().map(t -> new Listed(t.id(), t.name(), t.fileName(), t.format(),
                    t.createdAt(), t.units(), t.rolesConfirmed(), speakers.getOrDefault(t.id(), List.of()), recordings.get(t.id()),
                    t.sourceTranscriptId(), t.sourceTranscript(), t.unitizedBy(), t.unitizedByName())).toList();
        });
    }
}
