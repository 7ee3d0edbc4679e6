package nl.samenspraak.adjudication;

import nl.samenspraak.account.Access;
import nl.samenspraak.account.Role;
import nl.samenspraak.account.User;
import nl.samenspraak.adjudication.AdjudicationView.Coder;
import nl.samenspraak.codebook.Codebook;
import nl.samenspraak.coding.CodingService;
import nl.samenspraak.coding.SaveResult;
import nl.samenspraak.db.Writes;
import nl.samenspraak.http.ApiException;
import nl.samenspraak.project.ProjectCodebooks;
import org.jdbi.v3.core.Jdbi;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Adjudication: an admin or trainer compares the codes of two or more coders of a transcript and
 * sets the consensus code of every unit and dimension; analysts may look, not set.
 *
 * <p>The consensus is stored as the codes of a per-project pseudo-user named {@code consensus:<projectId>}
 * (listed in {@code consensus_coders}), created on first use with a password hash no password can
 * match, so it can never log in. Being an ordinary coder row, it flows through every report,
 * reliability and export path unchanged; those paths leave it out unless asked for it
 * ({@code dataset=consensus}, or its id among {@code coders}), so the reliability of the original
 * coders is what it was. A consensus save is validated and logged like any code (codebook, speaker
 * role, operation id), with the adjudicator as the change's {@code user_id} and the consensus user
 * as its {@code coder_id}; the coder whose code was taken and the comment go to {@code adjudications},
 * keyed by the change id.
 */
public final class AdjudicationService {
    public static final String CONSENSUS_PREFIX = "consensus:";
    static final int MAX_COMMENT_LENGTH = 2000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Jdbi jdbi;
    private final Writes writes;
    private final Access access;
    private final ProjectCodebooks codebooks;
    private final CodingService coding;

    public AdjudicationService(Jdbi jdbi, Writes writes, Access access, ProjectCodebooks codebooks, CodingService coding) {
        this.jdbi = jdbi;
        this.writes = writes;
        this.access = access;
        this.codebooks = codebooks;
        this.coding = coding;
    }

    /** The side-by-side view of the chosen coders (empty: everyone who coded the transcript, the consensus aside). */
    public AdjudicationView view(User user, long transcriptId, List<Long> coderIds, boolean onlyDisagreements) {
        long projectId = projectOf(transcriptId);
        access.require(user, projectId, Role.ADMIN, Role.TRAINER, Role.ANALYST);
        List<String> dimensions = codebooks.forProject(projectId).codebook().dimensions().stream().map(Codebook.Dimension::key).toList();
        return jdbi.withExtension(AdjudicationDao.class, dao -> {
            Long consensus = dao.consensusCoder(projectId).orElse(null);
            List<Coder> coders = pick(dao.coders(transcriptId), coderIds);
            return SideBySide.of(dao, transcriptId, projectId, consensus, coders, dimensions, onlyDisagreements);
        });
    }

    /**
     * Sets (or, with code and fromCoder both null, clears) the consensus code of a unit and dimension.
     * With {@code fromCoder}, the code is that coder's; a {@code code} given besides must be the same.
     */
    public ConsensusResult set(User user, long transcriptId, long utteranceId, String dimension, String code, Long fromCoder,
                               String comment, String opId, boolean clear) {
        long projectId = projectOf(transcriptId);
        access.require(user, projectId, Role.ADMIN, Role.TRAINER);
        long unitTranscript = jdbi.withExtension(AdjudicationDao.class, dao -> dao.transcriptOf(utteranceId))
                .orElseThrow(() -> CodingService.utteranceNotFound(utteranceId));
        if (unitTranscript != transcriptId) {
            throw ApiException.notFound("adjudication.utteranceNotInTranscript", "Utterance " + utteranceId + " in transcript " + transcriptId)
                    .with("utteranceId", utteranceId).with("transcriptId", transcriptId);
        }
        String note = comment == null || comment.isBlank() ? null : comment.strip();
        if (note != null && note.length() > MAX_COMMENT_LENGTH) {
            throw ApiException.badRequest("adjudication.commentTooLong", "Field 'comment': give at most " + MAX_COMMENT_LENGTH + " characters; got " + note.length() + ".")
                    .with("max", MAX_COMMENT_LENGTH).with("length", note.length());
        }
        String value = clear ? null : chosen(projectId, utteranceId, dimension, code, fromCoder);
        long consensus = consensusCoder(projectId);
        Provenance source = source(consensus, utteranceId, dimension, value, fromCoder);
        SaveResult r = coding.saveCodeFor(user, consensus, utteranceId, dimension, value, opId,
                (h, changeId) -> h.attach(AdjudicationDao.class).insertAdjudication(changeId, fromCoder, source.key(), note));
        return ConsensusResult.of(r, consensus, fromCoder, source, note);
    }

    /**
     * Takes every code the chosen coders agree on (all gave the same code) into the consensus where
     * the consensus has none yet, so that the consensus dataset is whole and only the disagreements
     * need a decision. Each is saved and logged like any consensus code (the adjudicator as user,
     * no {@code fromCoder}, the source {@link Provenance#AGREED} and no comment: comments are what an
     * adjudicator wrote). Returns how many were taken.
     */
    public int acceptAgreements(User user, long transcriptId, List<Long> coderIds) {
        long projectId = projectOf(transcriptId);
        access.require(user, projectId, Role.ADMIN, Role.TRAINER);
        AdjudicationView view = view(user, transcriptId, coderIds, false);
        if (view.coders().size() < 2) {
            throw ApiException.badRequest("adjudication.needsTwoCoders", "Agreement needs two or more coders; this transcript has " + view.coders().size() + ".")
                    .with("coders", view.coders().size());
        }
        long consensus = consensusCoder(projectId);
        int taken = 0;
        for (AdjudicationView.UnitView u : view.units()) {
            for (var cell : u.dimensions().entrySet()) {
                AdjudicationView.Cell c = cell.getValue();
                String code = c.codes().get(0);
                if (c.disagree() || code == null || c.consensus() != null) continue;
                coding.saveCodeFor(user, consensus, u.utteranceId(), cell.getKey(), code, null,
                        (h, changeId) -> h.attach(AdjudicationDao.class).insertAdjudication(changeId, null, Provenance.AGREED.key(), null));
                taken++;
            }
        }
        return taken;
    }

    /** The project's consensus coder, made on first use: a user row whose password hash no password matches. */
    public long consensusCoder(long projectId) {
        Long existing = jdbi.withExtension(AdjudicationDao.class, dao -> dao.consensusCoder(projectId).orElse(null));
        if (existing != null) return existing;
        return writes.inTransaction(h -> {
            AdjudicationDao dao = h.attach(AdjudicationDao.class);
            var again = dao.consensusCoder(projectId);
            if (again.isPresent()) return again.get();
            String name = CONSENSUS_PREFIX + projectId;
            if (dao.nameTaken(name)) {
                throw ApiException.conflict("adjudication.consensusNameTaken", "A user named '" + name + "' already exists; rename it before adjudicating.")
                        .with("name", name);
            }
            byte[] raw = new byte[24];
            RANDOM.nextBytes(raw);
            String now = Instant.now().toString();
            long id = dao.insertUser(name, "!unusable!" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw), now);
            dao.insertConsensusCoder(projectId, id, now);
            return id;
        });
    }

    /**
     * Where the code comes from: taken from a coder, set directly, or cleared; but a comment added to the code the
     * consensus already has (sent with that code and no coder) leaves its source as it was, agreed or taken.
     */
    private Provenance source(long consensus, long utteranceId, String dimension, String value, Long fromCoder) {
        if (value == null || fromCoder != null) return Provenance.of(value, fromCoder);
        return jdbi.withExtension(AdjudicationDao.class, dao -> dao.current(utteranceId, consensus, dimension))
                .filter(c -> value.equals(c.code()) && c.source() != null && c.source() != Provenance.CLEARED)
                .map(AdjudicationDao.Current::source).orElse(Provenance.DIRECT);
    }

    private String chosen(long projectId, long utteranceId, String dimension, String code, Long fromCoder) {
        if (fromCoder == null) {
            if (code == null || code.isBlank()) {
                throw ApiException.badRequest("adjudication.codeMissing", "Field 'code': name the consensus code, or give 'fromCoder' to take that coder's code.");
            }
            return code.strip();
        }
        String taken = jdbi.withExtension(AdjudicationDao.class, dao -> dao.originalCode(utteranceId, fromCoder, dimension)).orElse(null);
        if (taken == null) {
            throw ApiException.badRequest("adjudication.coderHasNoCode", "Field 'fromCoder': coder " + fromCoder + " has no code in dimension '" + dimension
                    + "' for utterance " + utteranceId + ".").with("coder", fromCoder).with("dimension", dimension).with("utteranceId", utteranceId);
        }
        if (code != null && !code.isBlank() && !Objects.equals(code.strip(), taken)) {
            throw ApiException.badRequest("adjudication.codeDiffers", "Fields 'code' and 'fromCoder' differ: coder " + fromCoder + " coded '" + taken
                    + "', not '" + code.strip() + "'; give one of them.").with("coder", fromCoder).with("taken", taken).with("code", code.strip());
        }
        return taken;
    }

    private static List<Coder> pick(List<AdjudicationDao.Coder> all, List<Long> wanted) {
        List<Coder> coders = all.stream().map(c -> new Coder(c.id(), c.name())).toList();
        if (wanted.isEmpty()) return coders;
        List<Long> unknown = wanted.stream().filter(w -> coders.stream().noneMatch(c -> c.id() == w)).toList();
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest("adjudication.coderWithoutCodes", "Parameter 'coders': " + unknown.get(0) + " has no codes in this transcript.",
                    Map.of("coders", unknown)).with("coder", unknown.get(0));
        }
        return coders.stream().filter(c -> wanted.contains(c.id())).toList();
    }

    private long projectOf(long transcriptId) {
        return jdbi.withExtension(AdjudicationDao.class, dao -> dao.projectOf(transcriptId))
                .orElseThrow(() -> Access.transcriptNotFound(transcriptId));
    }
}
