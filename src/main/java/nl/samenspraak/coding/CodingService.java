package nl.samenspraak.coding;

import nl.samenspraak.account.Access;
import nl.samenspraak.account.Role;
import nl.samenspraak.account.User;
import nl.samenspraak.codebook.Codebook;
import nl.samenspraak.codebook.CodebookService;
import nl.samenspraak.codebook.SpeakerRole;
import nl.samenspraak.codebook.StoredCodebook;
import nl.samenspraak.db.Writes;
import nl.samenspraak.http.ApiException;
import nl.samenspraak.http.ErrorMapper;
import nl.samenspraak.project.ProjectCodebooks;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Codes and ratings, each coder's own. Every write and its change-log row commit together in one
 * short transaction; a save carrying an operation id that was already applied is answered from the
 * log and not applied again (the browser's offline queue may send it twice).
 */
public final class CodingService {
    static final int MAX_OP_ID_LENGTH = 100;

    private final Jdbi jdbi;
    private final Writes writes;
    private final Access access;
    private final ProjectCodebooks codebooks;
    private final CodebookService codebookVersions;

    public CodingService(Jdbi jdbi, Writes writes, Access access, ProjectCodebooks codebooks, CodebookService codebookVersions) {
        this.jdbi = jdbi;
        this.writes = writes;
        this.access = access;
        this.codebooks = codebooks;
        this.codebookVersions = codebookVersions;
    }

    /** Sets (code non-null) or clears (code null) the caller's code for an utterance and dimension. */
    public SaveResult saveCode(User user, long utteranceId, String dimensionKey, String code, String opId) {
        checkOpId(opId);
        CodingDao.Target target = target(utteranceId, user.id()).orElseThrow(() -> utteranceNotFound(utteranceId));
        access.requireCodable(user, target.projectId(), target.transcriptId(), target::assigned);
        return write(user, user.id(), target, dimensionKey, code, opId, (h, changeId) -> { });
    }

    /** Work done in the transaction of a save, after its change-log row (whose id it gets) was written. */
    @FunctionalInterface
    public interface AfterSave {
        void run(Handle handle, long changeId) throws SQLException;
    }

    /**
     * Sets or clears a code of another coder (the consensus pseudo-coder of adjudication), validated
     * like {@link #saveCode}: codebook and speaker role. The caller must be an admin or trainer of the
     * project; the change log names the caller as {@code user_id} and {@code coderId} as {@code coder_id}.
     * {@code after} runs in the same transaction, so extra rows about the change commit with it or not at all.
     */
    public SaveResult saveCodeFor(User user, long coderId, long utteranceId, String dimensionKey, String code, String opId, AfterSave after) {
        checkOpId(opId);
        CodingDao.Target target = target(utteranceId, user.id()).orElseThrow(() -> utteranceNotFound(utteranceId));
        access.require(user, target.projectId(), Role.ADMIN, Role.TRAINER);
        return write(user, coderId, target, dimensionKey, code, opId, after);
    }

    private SaveResult write(User user, long coderId, CodingDao.Target target, String dimensionKey, String code, String opId, AfterSave after) {
        long utteranceId = target.utteranceId();
        StoredCodebook stored = codebookVersions.byIdCached(target.codebookId());
        if (code != null) CodebookChecks.checkCode(stored.codebook(), dimensionKey, code, target);
        else CodebookChecks.requireDimension(stored.codebook(), dimensionKey);
        boolean postgres = writes.postgres();
        return writes.grouped(h -> {
            try {
                Connection c = h.getConnection();
                String now = Instant.now().toString();
                Optional<CodeWrites.Written> written = CodeWrites.save(c, postgres, user.id(), coderId, target.projectId(), target.transcriptId(),
                        utteranceId, dimensionKey, code, stored.id(), now, opId);
                if (written.isEmpty()) { // the operation id is in the change log: answered from its row, nothing written
                    return replay(CodeWrites.changeByOp(c, opId), opId, user, coderId, dimensionKey)
                            .orElseThrow(() -> new IllegalStateException("operation " + opId + " was logged, then not found"));
                }
                after.run(h, written.get().changeId());
                return new SaveResult(dimensionKey, written.get().before(), code, written.get().changeId(), now, false);
            } catch (SQLException e) {
                throw new IllegalStateException("Saving a code failed: " + e.getMessage(), e);
            }
        });
    }

    /** Sets (value non-null) or clears the caller's rating of one scale item for a transcript. */
    public SaveResult saveRating(User user, long transcriptId, String scaleKey, String itemKey, Double value, String opId) {
        checkOpId(opId);
        long projectId = projectOf(transcriptId);
        access.requireCodable(user, projectId, transcriptId);
        StoredCodebook stored = codebooks.forProject(projectId);
        if (value != null) CodebookChecks.checkRating(stored.codebook(), scaleKey, itemKey, value);
        else CodebookChecks.requireItem(stored.codebook(), scaleKey, itemKey);
        String field = scaleKey + "/" + itemKey;
        return writes.grouped(h -> {
            CodingDao dao = h.attach(CodingDao.class);
            Optional<SaveResult> replay = replay(opId == null ? Optional.empty() : dao.changeByOp(opId), opId, user, user.id(), field);
            if (replay.isPresent()) return replay.get();
            String before = dao.rating(transcriptId, user.id(), scaleKey, itemKey).map(CodingService::format).orElse(null);
            String now = Instant.now().toString();
            if (value == null) dao.deleteRating(transcriptId, user.id(), scaleKey, itemKey);
            else dao.upsertRating(transcriptId, user.id(), scaleKey, itemKey, value, stored.id(), now);
            String after = value == null ? null : format(value);
            long id = dao.log(now, user.id(), "rating", projectId, transcriptId, null, user.id(), field, before, after, opId);
            return new SaveResult(field, before, after, id, now, false);
        });
    }

    public List<Code> myCodes(User user, long transcriptId) {
        access.requireReadable(user, projectOf(transcriptId), transcriptId);
        return jdbi.withExtension(CodingDao.class, dao -> dao.codes(transcriptId, user.id()));
    }

    public List<Rating> myRatings(User user, long transcriptId) {
        access.requireReadable(user, projectOf(transcriptId), transcriptId);
        return jdbi.withExtension(CodingDao.class, dao -> dao.ratings(transcriptId, user.id()));
    }

    /** The caller's own changes to a transcript after a change-log id: how a second tab learns of the first. */
    public List<Change> myChangesSince(User user, long transcriptId, long afterId) {
        access.requireReadable(user, projectOf(transcriptId), transcriptId);
        return jdbi.withExtension(CodingDao.class, dao -> dao.changesSince(transcriptId, user.id(), afterId));
    }

    /** The id of the caller's newest change to a transcript (0 when none): where a screen starts polling. */
    public long myLastChangeId(User user, long transcriptId) {
        access.requireReadable(user, projectOf(transcriptId), transcriptId);
        return jdbi.withExtension(CodingDao.class, dao -> dao.lastChangeId(transcriptId, user.id()));
    }

    /** The caller's progress on every transcript of a project: units coded per dimension, rating items filled. */
    public List<Progress> myProgress(User user, long projectId) {
        Role role = access.require(user, projectId);
        Codebook codebook = codebooks.forProject(projectId).codebook();
        Set<String> items = new HashSet<>();
        codebook.ratingScales().forEach(s -> s.items().forEach(i -> items.add(s.key() + "/" + i.key())));
        return jdbi.withExtension(CodingDao.class, dao -> {
            Map<Long, Map<String, Integer>> coded = new HashMap<>();
            for (CodingDao.Counted c : dao.codedCounts(projectId, user.id())) {
                coded.computeIfAbsent(c.transcriptId(), k -> new HashMap<>()).put(c.key(), c.count());
            }
            Map<Long, Integer> rated = new HashMap<>();
            for (CodingDao.Counted r : dao.ratedItems(projectId, user.id())) {
                if (items.contains(r.key())) rated.merge(r.transcriptId(), 1, Integer::sum);
            }
            // A transcript with someone else's reference coding can be calibrated against.
            Set<Long> calibrate = new HashSet<>(dao.referencedBy(projectId, user.id()));
            // A coder's list follows the project's assignments, as the transcript list does.
            List<CodingDao.Counted> transcripts = role == Role.CODER ? dao.openUnitCounts(projectId, user.id()) : dao.unitCounts(projectId);
            return transcripts.stream().map(t -> {
                Map<String, Integer> perDimension = new LinkedHashMap<>();
                Map<String, Integer> mine = coded.getOrDefault(t.transcriptId(), Map.of());
                codebook.dimensions().forEach(d -> perDimension.put(d.key(), mine.getOrDefault(d.key(), 0)));
                return new Progress(t.transcriptId(), t.name(), t.count(), perDimension,
                        rated.getOrDefault(t.transcriptId(), 0), items.size(), calibrate.contains(t.transcriptId()));
            }).toList();
        });
    }

    private Optional<CodingDao.Target> target(long utteranceId, long userId) {
        try {
            return jdbi.withHandle(h -> CodeWrites.target(h.getConnection(), utteranceId, userId));
        } catch (SQLException e) {
            throw new IllegalStateException("Reading utterance " + utteranceId + " failed: " + e.getMessage(), e);
        }
    }

    private long projectOf(long transcriptId) {
        return jdbi.withExtension(CodingDao.class, dao -> dao.projectOf(transcriptId))
                .orElseThrow(() -> Access.transcriptNotFound(transcriptId));
    }

    public static ApiException utteranceNotFound(long utteranceId) {
        return ApiException.notFound("utterance.notFound", "Utterance " + utteranceId).with("id", utteranceId);
    }

    private static Optional<SaveResult> replay(Optional<Change> logged, String opId, User user, long coderId, String field) {
        return logged.map(c -> {
            if (c.userId() != user.id() || c.coderId() == null || c.coderId() != coderId || !field.equals(c.field())) {
                throw ApiException.conflict("coding.opIdUsed", "Field 'opId': operation " + opId + " was already used for another change.").with("opId", opId);
            }
            return new SaveResult(c.field(), c.beforeValue(), c.afterValue(), c.id(), c.at(), true);
        });
    }

    private static void checkOpId(String opId) {
        if (opId != null && (opId.isBlank() || opId.length() > MAX_OP_ID_LENGTH)) {
            throw ApiException.badRequest("coding.badOpId", "Field 'opId': give an operation id of 1 to " + MAX_OP_ID_LENGTH + " characters, or none.")
                    .with("max", MAX_OP_ID_LENGTH);
        }
    }

    static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
