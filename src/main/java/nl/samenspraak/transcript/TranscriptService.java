package nl.samenspraak.transcript;

import nl.samenspraak.codebook.SpeakerRole;
import nl.samenspraak.db.Writes;
import nl.samenspraak.http.ApiException;
import nl.samenspraak.project.AssignmentDao;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Transcripts once imported (importing is {@link ImportService}'s): list, read, speaker roles,
 * soft delete. Access is checked by the callers.
 */
public final class TranscriptService {
    private final Jdbi jdbi;
    private final Writes writes;

    public TranscriptService(Jdbi jdbi, Writes writes) {
        this.jdbi = jdbi;
        this.writes = writes;
    }

    public List<Transcript> list(long projectId) {
        return jdbi.withExtension(TranscriptDao.class, dao -> dao.list(projectId));
    }

    /** Whether the transcript is open to that coder under the project's assignments. */
    public boolean assignedTo(long transcriptId, long userId) {
        return jdbi.withExtension(AssignmentDao.class, dao -> dao.openTo(transcriptId, userId));
    }

    /** A coder's list: the transcripts assigned to them once the project has any assignment, all before that. */
    public List<Transcript> listAssigned(long projectId, long userId) {
        return jdbi.withExtension(TranscriptDao.class, dao -> dao.listAssigned(projectId, userId));
    }

    public Transcript get(long id) {
        return jdbi.withExtension(TranscriptDao.class, dao -> dao.find(id)).orElseThrow(() -> ApiException.notFound("Transcript " + id));
    }

    public List<Utterance> utterances(long id) {
        return jdbi.withExtension(TranscriptDao.class, dao -> dao.utterances(id));
    }

    public List<Speaker> speakers(long id) {
        return jdbi.withExtension(TranscriptDao.class, dao -> dao.speakers(id));
    }

    /** Sets (and so confirms) the roles of the given labels; each change is logged. */
    public List<Speaker> setRoles(Transcript t, Map<String, SpeakerRole> roles, long userId) {
        Map<String, Speaker> current = new LinkedHashMap<>();
        speakers(t.id()).forEach(s -> current.put(s.label(), s));
        for (var e : roles.entrySet()) {
            if (!current.containsKey(e.getKey())) throw ApiException.badRequest("The transcript has no speaker '" + e.getKey() + "'.");
            if (e.getValue() == null) throw ApiException.badRequest("Speaker '" + e.getKey() + "': the role must be professional, client or other.");
        }
        writes.useTransaction(h -> {
            TranscriptDao dao = h.attach(TranscriptDao.class);
            String now = Instant.now().toString();
            for (var e : roles.entrySet()) {
                Speaker before = current.get(e.getKey());
                dao.confirmSpeaker(t.id(), e.getKey(), e.getValue().key());
                dao.setRole(t.id(), e.getKey(), e.getValue().key());
                dao.log(now, userId, t.projectId(), t.id(), "speaker:" + e.getKey(),
                        before.role().key() + " (" + before.source() + ")", e.getValue().key() + " (given)");
            }
            dao.updateRolesConfirmed(t.id());
        });
        return speakers(t.id());
    }

    /** A soft delete: the transcript disappears from every list, its rows and the log stay. */
    public void delete(Transcript t, long userId) {
        writes.useTransaction(h -> {
            TranscriptDao dao = h.attach(TranscriptDao.class);
            String now = Instant.now().toString();
            if (dao.softDelete(t.id(), now, userId) == 1) dao.log(now, userId, t.projectId(), t.id(), "deleted", t.name(), null);
        });
    }
}
