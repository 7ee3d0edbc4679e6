package nl.samenspraak.transcript;

import nl.samenspraak.account.Access;
import nl.samenspraak.account.Role;
import nl.samenspraak.account.User;
import nl.samenspraak.codebook.SpeakerRole;
import nl.samenspraak.db.Writes;
import nl.samenspraak.http.ApiException;
import nl.samenspraak.transcript.format.FileReading;
import nl.samenspraak.transcript.format.ImportOptions;
import nl.samenspraak.transcript.format.ImportWarning;
import nl.samenspraak.transcript.format.Importer;
import nl.samenspraak.transcript.format.SourceFile;
import nl.samenspraak.transcript.format.SpeakerSummary;
import nl.samenspraak.transcript.format.TranscriptPreview;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Previews and imports transcripts. A preview reads every file and stores nothing. An import reads
 * every file once without storing (so a refused file costs the database nothing), then stores: all
 * or nothing for users, yet never holding the write path long. Each transcript is stored hidden
 * (migration V010), its units in batches ({@link StagedUnits}) as they are read again, and one small
 * final transaction shows all transcripts of the import at once; if anything fails, every row
 * stored so far is removed in slices. Admins and trainers of the project may import.
 */
public final class ImportService {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ImportService.class);
    private static final Role[] IMPORTERS = {Role.ADMIN, Role.TRAINER};
    static final int REMOVE_SLICE = 5_000;

    private final Jdbi jdbi;
    private final Writes writes;
    private final Access access;

    public ImportService(Jdbi jdbi, Writes writes, Access access) {
        this.jdbi = jdbi;
        this.writes = writes;
        this.access = access;
    }

    /** What one import stored; {@code speakers} maps each stored label to its role. */
    public record Imported(String file, long id, String name, String format, int utterances, Map<String, SpeakerRole> speakers,
                           List<Speaker> speakerDetails, boolean rolesConfirmed, List<String> files, List<ImportWarning> warnings) {}

    private record Staged(long id, Importer.Group group, Importer.Result result) {}

    /** Refuses a caller who may not import into the project; the routes ask before they read the files. */
    public void requireImporter(User user, long projectId) {
        access.require(user, projectId, IMPORTERS);
    }

    public List<TranscriptPreview> preview(User user, long projectId, List<SourceFile> files, ImportOptions options) {
        access.require(user, projectId, IMPORTERS);
        return preview(files, options);
    }

    /** A preview without a project (the command line's --preview). */
    public static List<TranscriptPreview> preview(List<SourceFile> files, ImportOptions options) {
        if (files.isEmpty()) throw ApiException.badRequest("transcript.noFile", "No transcript file was sent.");
        return Importer.groups(files, options).stream().map(g -> TranscriptPreview.of(g, options)).toList();
    }

    public List<Imported> importAll(User user, long projectId, List<SourceFile> files, ImportOptions options) {
        access.require(user, projectId, IMPORTERS);
        return importAll(projectId, files, options, user.id());
    }

    /** Imports into a project the caller may import into (the command line, the demo data). */
    public List<Imported> importAll(long projectId, List<SourceFile> files, ImportOptions options, Long userId) {
        if (files.isEmpty()) throw ApiException.badRequest("transcript.noFile", "No transcript file was sent.");
        List<Importer.Group> groups = Importer.groups(files, options);
        checkNames(projectId, groups);
        // A first pass reads every file without storing: a malformed file, or one over the unit limit,
        // is refused before anything touches the database (reading is fast: 20 MiB in well under a second).
        for (Importer.Group g : groups) Importer.read(g, options, false, u -> { });
        List<Staged> staged = new ArrayList<>();
        try {
            for (Importer.Group g : groups) {
                String now = Instant.now().toString();
                long id = writes.inTransaction(h -> h.attach(ImportDao.class).insertHidden(projectId, g.name(),
                        String.join(", ", g.files().stream().map(SourceFile::name).toList()), options.segmentation().key(), now, userId));
                staged.add(new Staged(id, g, null));
                StagedUnits units = new StagedUnits(writes, id);
                Importer.Result result = Importer.read(g, options, false, units);
                units.flush();
                log.info("Import of {}: {} units stored hidden in {} batches; the longest held the write path {} ms (its commit included).",
                        g.name(), result.units(), units.batches(), String.format(java.util.Locale.ROOT, "%.1f", units.longestMillis()));
                staged.set(staged.size() - 1, new Staged(id, g, result));
            }
            return writes.inTransaction(h -> {
                ImportDao dao = h.attach(ImportDao.class);
                TranscriptDao transcripts = h.attach(TranscriptDao.class);
                List<Imported> out = new ArrayList<>();
                for (Staged s : staged) out.add(show(dao, transcripts, projectId, s));
                return out;
            });
        } catch (RuntimeException | Error e) {
            remove(staged.stream().map(Staged::id).toList());
            throw e;
        }
    }

    private Imported show(ImportDao dao, TranscriptDao transcripts, long projectId, Staged s) {
        if (dao.nameTaken(projectId, s.group().name()))
            throw nameTaken(s.group().files().get(0).name(), s.group().name());
        Map<String, SpeakerRole> roles = new LinkedHashMap<>();
        List<Speaker> details = new ArrayList<>();
        boolean confirmed = true;
        for (SpeakerSummary sp : s.result().speakers()) {
            transcripts.insertSpeaker(s.id(), sp.stored(), sp.role().key(), sp.source());
            roles.put(sp.stored(), sp.role());
            details.add(new Speaker(sp.stored(), sp.role(), sp.source(), (int) sp.units()));
            confirmed &= sp.source().equals("given");
        }
        dao.show(s.id(), s.result().format(), confirmed);
        List<String> files = s.result().files().stream().map(FileReading::file).toList();
        return new Imported(files.get(0), s.id(), s.group().name(), s.result().format(), s.result().units(), roles, details, confirmed,
                files, s.result().warnings());
    }

    private void checkNames(long projectId, List<Importer.Group> groups) {
        Set<String> names = new HashSet<>();
        for (Importer.Group g : groups) {
            String file = g.files().get(0).name();
            if (!names.add(g.name())) {
                throw ApiException.badRequest("transcript.sameNameInImport", file + ": another file of this import has the same name '" + g.name() + "'.")
                        .with("file", file).with("name", g.name());
            }
            if (jdbi.withExtension(ImportDao.class, dao -> dao.nameTaken(projectId, g.name()))) throw nameTaken(file, g.name());
        }
    }

    private static ApiException nameTaken(String file, String name) {
        return ApiException.conflict("transcript.nameTaken", file + ": the project already has a transcript named '" + name + "'.")
                .with("file", file).with("name", name);
    }

    /** Removes transcripts an import stored, when a later step of a larger import fails (a REFI-QDA project's codes). */
    public void removeImported(List<Long> ids) {
        String now = Instant.now().toString();
        writes.useTransaction(h -> ids.forEach(id -> h.attach(ImportDao.class).hideAgain(id, now)));
        remove(ids);
    }

    /** Removes hidden transcripts and their rows, a slice per transaction. */
    void remove(List<Long> ids) {
        for (long id : ids) {
            while (writes.inTransaction(h -> h.attach(ImportDao.class).removeUnits(id, REMOVE_SLICE)) > 0) {
                // next slice
            }
            writes.useTransaction(h -> {
                ImportDao dao = h.attach(ImportDao.class);
                dao.removeSpeakers(id);
                dao.removeTranscript(id);
            });
        }
    }

    /** At start-up: the rows of imports a crash cut off. Returns how many transcripts were removed. */
    public int removeUnfinished() {
        List<Long> ids = jdbi.withExtension(ImportDao.class, ImportDao::unfinished);
        remove(ids);
        return ids.size();
    }

    /** For the command line: removes a project it made for this import when the import failed. */
    public void removeEmptyProject(long projectId) {
        writes.useTransaction(h -> h.attach(ImportDao.class).removeEmptyProject(projectId));
    }
}
