package nl.samenspraak.erasure;

import com.fasterxml.jackson.core.JsonProcessingException;
import nl.samenspraak.account.Access;
import nl.samenspraak.account.Role;
import nl.samenspraak.account.User;
import nl.samenspraak.db.Database;
import nl.samenspraak.db.Writes;
import nl.samenspraak.http.ApiException;
import nl.samenspraak.http.Json;
import nl.samenspraak.transcript.audio.PeakCache;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Erasing a transcript for a data-subject request (GDPR article 17), by an admin of its project: its
 * text and speakers, every code and rating on it, feedback, session data, calibrations, assignments,
 * its change-log rows, the recording file and its waveform are removed, and so is every coder's own copy of its
 * recording (independent unitizing: the copy's units, codes, file and waveform, each copy with a tombstone of its
 * own), in one transaction, with SQLite's
 * {@code secure_delete} on, so freed pages are zeroed rather than left readable; afterwards the WAL is
 * checkpointed and truncated. What stays is a tombstone ({@link Erasure.Tombstone}, and one change-log
 * row that says it): who, when, why, how much, and no content. Backups made earlier still hold the
 * transcript until they are replaced (docs/security.md, "Erasure and pseudonyms").
 */
public final class ErasureService {
    private static final Logger log = LoggerFactory.getLogger(ErasureService.class);
    static final int MAX_REASON = 500;

    private final Jdbi jdbi;
    private final Writes writes;
    private final Access access;
    private final Path mediaFolder;

    public ErasureService(Jdbi jdbi, Writes writes, Access access, Path mediaFolder) {
        this.jdbi = jdbi;
        this.writes = writes;
        this.access = access;
        this.mediaFolder = mediaFolder;
    }

    /** What erasing the transcript would remove; for an erased one, its tombstone. */
    public Erasure.Preview preview(User user, long transcriptId) {
        ErasureDao.Subject s = subject(user, transcriptId);
        return jdbi.withExtension(ErasureDao.class, dao -> new Erasure.Preview(s.id(), s.projectId(), s.project(),
                dao.tombstone(s.id()).isPresent() ? null : s.name(), s.deleted(), removed(dao, s.id()), dao.recording(s.id()).orElse(null),
                dao.tombstone(s.id()).orElse(null)));
    }

    public Erasure.Tombstone erase(User user, long transcriptId, String reason, String confirmName) {
        ErasureDao.Subject s = subject(user, transcriptId);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            throw ApiException.badRequest("erasure.reasonMissing", "Field 'reason': say why the transcript is erased (a data-subject request, say), in at most "
                    + MAX_REASON + " characters; no personal data, the reason is kept.").with("max", MAX_REASON);
        }
        if (jdbi.withExtension(ErasureDao.class, dao -> dao.tombstone(s.id())).isPresent()) {
            throw ApiException.conflict("erasure.done", "Transcript " + s.id() + " has been erased already.").with("transcriptId", s.id());
        }
        if (confirmName == null || !confirmName.strip().equals(s.name().strip())) {
            throw ApiException.badRequest("erasure.nameNotConfirmed", "Field 'confirmName': type the transcript's name exactly, '" + s.name()
                    + "', to confirm.", Map.of("field", "confirmName")).with("name", s.name());
        }
        String now = Instant.now().toString();
        Erased done = writes.inTransaction(h -> {
            // SQLite overwrites what it deletes with zeros while this is on; PostgreSQL's deleted rows go at the VACUUM after it.
            boolean sqlite = !Database.isPostgres(h);
            if (sqlite) h.execute("PRAGMA secure_delete = ON");
            try {
                ErasureDao dao = h.attach(ErasureDao.class);
                String removed = json(removed(dao, s.id()));
                List<Long> copies = dao.copies(s.id());
                List<Long> all = new ArrayList<>(copies);
                all.add(s.id());
                List<String> files = new ArrayList<>();
                for (long t : all) dao.storedRecording(t).ifPresent(files::add);
                // The copies first (each its own tombstone, saying whose erasure took it), then the transcript itself.
                for (long copy : copies) {
                    String copyRemoved = json(own(dao, copy));
                    eraseRows(dao, copy, now, user.id());
                    long tombstone = dao.insertTombstone(copy, s.projectId(), user.id(), now, why, copyRemoved);
                    dao.logTombstone(copy, s.projectId(), user.id(), now, "erasure " + tombstone + ": " + why
                            + " (a coder's own copy of transcript " + s.id() + ", erased with it)");
                    dao.end(copy);
                }
                eraseRows(dao, s.id(), now, user.id());
                long tombstone = dao.insertTombstone(s.id(), s.projectId(), user.id(), now, why, removed);
                dao.logTombstone(s.id(), s.projectId(), user.id(), now, "erasure " + tombstone + ": " + why
                        + (copies.isEmpty() ? "" : " (with " + copies.size() + " coders' own copies of its recording)"));
                dao.end(s.id());
                // Last, after the transcript's row changed: a copy being saved meanwhile (CodeCache.saveSnapshots) has either
                // committed before it (and goes here) or finds the transcript gone and writes nothing.
                dao.deleteCodeCacheCopy(s.projectId());
                return new Erased(tombstone, all, files);
            } finally {
                if (sqlite) h.execute("PRAGMA secure_delete = OFF");
            }
        });
        done.files().forEach(this::deleteRecording);
        done.transcripts().forEach(this::deleteWaveform);
        truncateWal();
        log.info("Transcript {} of project {} erased by user {} (erasure {}), with {} coders' own copies", s.id(), s.projectId(), user.id(),
                done.tombstone(), done.transcripts().size() - 1);
        return jdbi.withExtension(ErasureDao.class, dao -> dao.tombstone(s.id())).orElseThrow();
    }

    /** What one erasure took: its tombstone, the transcripts (copies first) and their recordings' stored files. */
    private record Erased(long tombstone, List<Long> transcripts, List<String> files) {}

    /** Removes one transcript's rows and blanks it, children first; the caller ends the erasing window after its tombstone. */
    private static void eraseRows(ErasureDao dao, long t, String now, long userId) {
        dao.begin(t);
        long lastCodeChange = dao.lastCodeChange();
        dao.deleteCodeChanges(t);
        long keptCodeChanges = dao.lastCodeChange();
        dao.deleteAdjudications(t);
        dao.deleteChanges(t);
        dao.deleteFeedback(t);
        dao.deleteCodes(t);
        dao.deleteRatings(t);
        dao.deleteSessionValues(t);
        dao.deleteQuestionnaireResponses(t);
        dao.deleteSessionProfessional(t);
        dao.deleteCalibrations(t);
        dao.deleteReference(t);
        dao.deleteAssignments(t);
        dao.deleteMedia(t);
        dao.deleteUtterances(t);
        dao.deleteSpeakers(t);
        // The rows the triggers of code_changes wrote while its codes and units went; then one row naming no transcript.
        dao.deleteCodeChangesAfter(keptCodeChanges);
        dao.codeChangesPassed(lastCodeChange + 1);
        dao.blank(t, now, userId);
    }

    private ErasureDao.Subject subject(User user, long transcriptId) {
        ErasureDao.Subject s = jdbi.withExtension(ErasureDao.class, dao -> dao.subject(transcriptId))
                .orElseThrow(() -> Access.transcriptNotFound(transcriptId));
        access.require(user, s.projectId(), Role.ADMIN);
        return s;
    }

    /** What erasing the transcript removes: its own rows and those of the coders' copies of its recording. */
    private static Erasure.Removed removed(ErasureDao dao, long t) {
        Erasure.Removed sum = own(dao, t);
        List<Long> copies = dao.copies(t);
        for (long c : copies) {
            Erasure.Removed r = own(dao, c);
            sum = new Erasure.Removed(sum.units() + r.units(), sum.codes() + r.codes(), 0, sum.ratings() + r.ratings(), sum.feedback() + r.feedback(),
                    sum.sessionData() + r.sessionData(), sum.calibrations() + r.calibrations(), sum.changes() + r.changes(), sum.recording(), 0);
        }
        return new Erasure.Removed(sum.units(), sum.codes(), copies.isEmpty() ? sum.coders() : dao.codersWithCopies(t), sum.ratings(), sum.feedback(),
                sum.sessionData(), sum.calibrations(), sum.changes(), sum.recording(), copies.size());
    }

    /** One transcript's own rows. */
    private static Erasure.Removed own(ErasureDao dao, long t) {
        return new Erasure.Removed(dao.units(t), dao.codes(t), dao.coders(t), dao.ratings(t), dao.feedback(t), dao.sessionData(t),
                dao.calibrations(t), dao.changes(t), dao.recording(t).isPresent(), 0);
    }

    private void deleteRecording(String storedName) {
        try {
            Files.deleteIfExists(mediaFolder.resolve(storedName));
        } catch (IOException e) {
            // The row is gone already; the file is an orphan the administrator must remove by hand.
            log.error("The recording {} of an erased transcript could not be deleted; remove it by hand", mediaFolder.resolve(storedName), e);
        }
    }

    /** The waveform computed from the recording (kept beside it) goes with it. */
    private void deleteWaveform(long transcriptId) {
        try {
            PeakCache.delete(mediaFolder, transcriptId);
        } catch (IOException e) {
            log.error("The waveform {} of an erased transcript could not be deleted; remove it by hand", PeakCache.fileFor(mediaFolder, transcriptId), e);
        }
    }

    /**
     * Copies the WAL into the database and empties it, so that old page versions do not linger in it (best effort: readers
     * may hold it). On PostgreSQL the deleted rows stay in their tables until a VACUUM, which this runs on the tables
     * an erasure deletes from (best effort as well; the server's own write-ahead log is recycled in its own time).
     */
    private void truncateWal() {
        try {
            jdbi.useHandle(h -> {
                if (Database.isPostgres(h)) h.execute("VACUUM " + String.join(", ", ERASED_TABLES));
                else h.createQuery("PRAGMA wal_checkpoint(TRUNCATE)").mapToMap().list();
            });
        } catch (RuntimeException e) {
            log.warn("The WAL could not be truncated after an erasure; the next checkpoint overwrites it: {}", e.toString());
        }
    }

    /** The tables an erasure deletes rows of or changes (ErasureDao). */
    private static final List<String> ERASED_TABLES = List.of("adjudications", "assignments", "calibrations", "change_log", "code_cache_snapshots", "code_changes",
            "codes", "feedback", "media", "questionnaire_responses", "ratings", "session_professionals", "session_values",
            "transcript_references", "transcript_speakers", "utterances", "transcripts");

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
