package nl.samenspraak.transcript;

import nl.samenspraak.account.Access;
import nl.samenspraak.account.Role;
import nl.samenspraak.account.User;
import nl.samenspraak.codebook.SpeakerRole;
import nl.samenspraak.db.Writes;
import nl.samenspraak.http.ApiException;
import nl.samenspraak.transcript.format.ParsedTranscript;
import nl.samenspraak.transcript.format.ParsedTurn;
import nl.samenspraak.transcript.format.RoleGuesser;
import nl.samenspraak.transcript.format.RoleMapping;
import nl.samenspraak.transcript.format.Segmentation;
import nl.samenspraak.transcript.format.Segmenter;
import nl.samenspraak.transcript.format.TranscriptReader;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * Imports transcripts: every file of a request is read and segmented first, then all are stored in
 * one transaction, so a refused file leaves nothing behind. Admins and trainers import and set speaker
 * roles, admins delete; members read, a coder only the transcripts open to them.
 */
public final class TranscriptService {
    private static final Role[] IMPORTERS = {Role.ADMIN, Role.TRAINER};

    private final Jdbi jdbi;
    private final Writes writes;
    private final Access access;

    public TranscriptService(Jdbi jdbi, Writes writes, Access access) {
        this.jdbi = jdbi;
        this.writes = writes;
        this.access = access;
    }

    /** A transcript as the coding screen reads it. */
    public record Content(Transcript transcript, List<Speaker> speakers, List<Utterance> utterances) {}

    public record Upload(String fileName, byte[] content) {}

    /** What one import stored; {@code speakers} maps each label to its role, with the source of each. */
    public record Imported(String file, long id, String name, int utterances, Map<String, SpeakerRole> speakers,
                           List<Speaker> speakerDetails, boolean rolesConfirmed) {}

    /** A file read and segmented, not yet stored. */
    private record Prepared(Upload upload, String name, ParsedTranscript parsed, List<ParsedTurn> units, List<Speaker> speakers) {}

    /** Imports into a project, for its admins and trainers. */
    public List<Imported> importAll(User user, long projectId, List<Upload> uploads, Segmentation segmentation, RoleMapping mapping) {
        access.require(user, projectId, IMPORTERS);
        return importAll(projectId, uploads, segmentation, mapping, user.id());
    }

    /** Imports without a caller's check (the demo, which runs with the database's own authority). */
    public List<Imported> importAll(long projectId, List<Upload> uploads, Segmentation segmentation, RoleMapping mapping, Long userId) {
        return importAll(h -> projectId, uploads, segmentation, mapping, userId);
    }

    /**
     * As above, with the project found or created inside the import's transaction (the CLI creates
     * a project on first import; a refused file must not leave an empty project behind).
     */
    public List<Imported> importAll(ToLongFunction<Handle> project, List<Upload> uploads, Segmentation segmentation,
                                    RoleMapping mapping, Long userId) {
        if (uploads.isEmpty()) throw ApiException.badRequest("transcript.noFile", "No transcript file was sent.");
        List<Prepared> prepared = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Upload u : uploads) {
            Prepared p = prepare(u, segmentation, mapping);
            if (!names.add(p.name())) {
                throw ApiException.badRequest("transcript.sameNameInImport", u.fileName() + ": another file of this import has the same name '" + p.name() + "'.")
                        .with("file", u.fileName()).with("name", p.name());
            }
            prepared.add(p);
        }
        return writes.inTransaction(h -> {
            long projectId = project.applyAsLong(h);
            TranscriptDao dao = h.attach(TranscriptDao.class);
            List<Imported> out = new ArrayList<>();
            for (Prepared p : prepared) out.add(store(dao, projectId, p, segmentation, userId));
            return out;
        });
    }

    private Prepared prepare(Upload upload, Segmentation segmentation, RoleMapping mapping) {
        ParsedTranscript parsed = TranscriptReader.read(upload.fileName(), upload.content());
        List<ParsedTurn> units = Segmenter.segment(parsed.turns(), segmentation);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ParsedTurn t : units) counts.merge(t.speaker(), 1, Integer::sum);
        List<Speaker> speakers = new ArrayList<>();
        counts.forEach((label, n) -> speakers.add(resolve(label, n, mapping)));
        return new Prepared(upload, baseName(upload.fileName()), parsed, units, speakers);
    }

    /** The given role, else a guess from the label (to be confirmed), else "other" (unknown). */
    private static Speaker resolve(String label, int units, RoleMapping mapping) {
        Optional<SpeakerRole> given = mapping.roleOf(label);
        if (given.isPresent()) return new Speaker(label, given.get(), "given", units);
        return RoleGuesser.guess(label).map(r -> new Speaker(label, r, "guessed", units))
                .orElseGet(() -> new Speaker(label, SpeakerRole.OTHER, "unknown", units));
    }

    private Imported store(TranscriptDao dao, long projectId, Prepared p, Segmentation segmentation, Long userId) {
        if (dao.findByName(projectId, p.name()).isPresent()) {
            throw ApiException.conflict("transcript.nameTaken", p.upload().fileName() + ": the project already has a transcript named '" + p.name() + "'.")
                    .with("file", p.upload().fileName()).with("name", p.name());
        }
        boolean confirmed = p.speakers().stream().allMatch(s -> s.source().equals("given"));
        long id = dao.insert(projectId, p.name(), p.upload().fileName(), p.parsed().format(), segmentation.name().toLowerCase(java.util.Locale.ROOT), confirmed,
                Instant.now().toString(), userId);
        Map<String, SpeakerRole> roles = new LinkedHashMap<>();
        for (Speaker s : p.speakers()) {
            dao.insertSpeaker(id, s.label(), s.role().key(), s.source());
            roles.put(s.label(), s.role());
        }
        List<TranscriptDao.NewUtterance> rows = new ArrayList<>(p.units().size());
        int seq = 0;
        for (ParsedTurn t : p.units()) {
            rows.add(new TranscriptDao.NewUtterance(++seq, t.speaker(), roles.get(t.speaker()).key(), t.text(), t.startMs(), t.endMs()));
        }
        dao.insertUtterances(id, rows);
        return new Imported(p.upload().fileName(), id, p.name(), rows.size(), roles, p.speakers(), confirmed);
    }

    /** A project's transcripts for a member; a coder's list holds those open to them (assigned, or all while none is). */
    public List<Transcript> list(User user, long projectId) {
        Role role = access.require(user, projectId);
        return jdbi.withExtension(TranscriptDao.class, dao -> role == Role.CODER ? dao.listAssigned(projectId, user.id()) : dao.list(projectId));
    }

    /** A transcript with its speakers and units, for a member it is open to. */
    public Content read(User user, long transcriptId) {
        Transcript t = get(transcriptId);
        access.requireReadable(user, t.projectId(), t.id());
        return new Content(t, speakers(t.id()), utterances(t.id()));
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

    static String baseName(String fileName) {
        String name = fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
