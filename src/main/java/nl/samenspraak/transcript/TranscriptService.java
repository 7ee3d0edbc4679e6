package nl.samenspraak.transcript;

import nl.samenspraak.account.Access;
import nl.samenspraak.account.Role;
import nl.samenspraak.account.User;
import nl.samenspraak.codebook.SpeakerRole;
import nl.samenspraak.db.Writes;
import nl.samenspraak.http.ApiException;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Transcripts once imported (importing is {@link ImportService}'s): admins and trainers set speaker
 * roles, admins delete; members read, a coder only the transcripts open to them.
 */
public final class TranscriptService {
    private static final Role[] IMPORTERS = {Role.ADMIN, Role.TRAINER};

    private final Jdbi jdbi;
    private final Writes writes;
    private final Access access;
    private final UnitCopies copies;

    public TranscriptService(Jdbi jdbi, Writes writes, Access access, UnitCopies copies) {
        this.jdbi = jdbi;
        this.writes = writes;
        this.access = access;
        this.copies = copies;
    }

    /** A transcript as the coding screen reads it. */
    public record Content(Transcript transcript, List<Speaker> speakers, List<Utterance> utterances) {}

    /**
     * A project's transcripts for a member; a coder's list holds those open to them (assigned, or all while none is).
     * In a project where coders unitize independently, a coder's own copies of its recordings are made first
     * ({@link UnitCopies}), so the list holds each coder's copy in place of the recording's transcript.
     */
    public List<Transcript> list(User user, long projectId) {
        Role role = access.require(user, projectId);
        copies.ensureFor(user, projectId, role);
        return jdbi.withExtension(TranscriptDao.class, dao -> role == Role.CODER ? dao.listAssigned(projectId, user.id()) : dao.list(projectId));
    }

    /** A transcript with its speakers and units, for a member it is open to. */
    public Content read(User user, long transcriptId) {
        Transcript t = get(transcriptId);
        access.requireReadable(user, t.projectId(), t.id());
        return new Content(t, speakers(t.id()), utterances(t.id()));
    }

    /** The coder whose own copy of a recording this transcript is ('unitizing: independent'), if it is one. */
    public Optional<Long> unitizedBy(long id) {
        return copies.unitizedBy(id);
    }

    public Transcript get(long id) {
        return jdbi.withExtension(TranscriptDao.class, dao -> dao.find(id)).orElseThrow(() -> Access.transcriptNotFound(id));
    }

    public List<Utterance> utterances(long id) {
        return jdbi.withExtension(TranscriptDao.class, dao -> dao.utterances(id));
    }

    public List<Speaker> speakers(long id) {
        return jdbi.withExtension(TranscriptDao.class, dao -> dao.speakers(id));
    }

    /** Sets (and so confirms) the roles of the given labels, for the project's admins and trainers; each change is logged. */
    public List<Speaker> setRoles(User user, long transcriptId, Map<String, SpeakerRole> roles) {
        Transcript t = get(transcriptId);
        access.require(user, t.projectId(), IMPORTERS);
        long userId = user.id();
        Map<String, Speaker> current = new LinkedHashMap<>();
        speakers(t.id()).forEach(s -> current.put(s.label(), s));
        for (var e : roles.entrySet()) {
            if (!current.containsKey(e.getKey())) {
                throw ApiException.badRequest("transcript.noSuchSpeaker", "The transcript has no speaker '" + e.getKey() + "'.").with("speaker", e.getKey());
            }
            if (e.getValue() == null) {
                throw ApiException.badRequest("transcript.badSpeakerRole", "Speaker '" + e.getKey() + "': the role must be professional, client or other.")
                        .with("speaker", e.getKey());
            }
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

    /** A soft delete by an admin of the project: the transcript disappears from every list, its rows and the log stay. */
    public void delete(User user, long transcriptId) {
        Transcript t = get(transcriptId);
        access.require(user, t.projectId(), Role.ADMIN);
        long userId = user.id();
        writes.useTransaction(h -> {
            TranscriptDao dao = h.attach(TranscriptDao.class);
            String now = Instant.now().toString();
            if (dao.softDelete(t.id(), now, userId) == 1) dao.log(now, userId, t.projectId(), t.id(), "deleted", t.name(), null);
        });
    }
}
