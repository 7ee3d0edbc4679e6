package nl.samenspraak.calibration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.samenspraak.account.Access;
import nl.samenspraak.account.Role;
import nl.samenspraak.account.User;
import nl.samenspraak.codebook.Codebook;
import nl.samenspraak.db.Writes;
import nl.samenspraak.http.ApiException;
import nl.samenspraak.http.Json;
import nl.samenspraak.project.ProjectCodebooks;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gold-standard calibration: admins and trainers mark one coding of a transcript (a coder's, or the
 * consensus) as its reference, and a trainee's coding is compared with it, dimension by dimension
 * ({@link Calibration}). Looking computes; recording (a POST) stores a calibration when it differs from
 * the coder's last one on that transcript, so the history shows drift without a point for every look.
 * A coder sees only their own calibrations, of transcripts open to them; in a blind project, when the
 * reference is a fellow coder's coding or the consensus, without whose it is and without the counts
 * per code (they would show that coder's codes). A trainer's or admin's reference is shown whole.
 */
public final class CalibrationService {
    /** The kappa to reach when a project sets none: "substantial" agreement on Landis and Koch's scale. */
    public static final double DEFAULT_THRESHOLD = 0.70;
    private static final ObjectMapper JSON = Json.mapper();

    private final Jdbi jdbi;
    private final Writes writes;
    private final Access access;
    private final ProjectCodebooks codebooks;
    private final TranscriptCodings codings;

    public CalibrationService(Jdbi jdbi, Writes writes, Access access, ProjectCodebooks codebooks) {
        this.jdbi = jdbi;
        this.writes = writes;
        this.access = access;
        this.codebooks = codebooks;
        this.codings = new TranscriptCodings(jdbi, access);
    }

    /** The codings of a transcript to choose a reference from, with what each covers (admins and trainers). */
    public TranscriptCodings.Result codings(User user, long transcriptId) {
        return codings.of(user, transcriptId);
    }

    public CalibrationDao.Reference setReference(User user, long transcriptId, Long coderId) {
        long projectId = projectOf(transcriptId);
        access.require(user, projectId, Role.ADMIN, Role.TRAINER);
        if (coderId == null) {
            throw ApiException.badRequest("calibration.referenceCoderMissing", "Field 'coderId': name the coder (or the consensus coder) whose coding is the reference.");
        }
        if (!jdbi.withExtension(CalibrationDao.class, dao -> dao.coded(transcriptId, coderId))) {
            throw ApiException.badRequest("calibration.referenceWithoutCodes", "Field 'coderId': user " + coderId + " has no codes in transcript " + transcriptId + ".")
                    .with("coder", coderId).with("transcriptId", transcriptId);
        }
        return writes.inTransaction(h -> {
            CalibrationDao dao = h.attach(CalibrationDao.class);
            dao.setReference(transcriptId, coderId, user.id(), Instant.now().toString());
            return dao.reference(transcriptId).orElseThrow();
        });
    }

    /** The kappa a trainee must reach in every dimension (the calibration page shows and changes it). */
    public Map<String, Object> threshold(User user, long projectId) {
        access.require(user, projectId, Role.ADMIN, Role.TRAINER);
        double kappa = jdbi.withExtension(CalibrationDao.class, dao -> dao.threshold(projectId)).orElse(DEFAULT_THRESHOLD);
        return Map.of("projectId", projectId, "kappa", kappa);
    }

    public Map<String, Object> setThreshold(User user, long projectId, Double kappa) {
        access.require(user, projectId, Role.ADMIN, Role.TRAINER);
        if (kappa == null || kappa.isNaN() || kappa < -1 || kappa > 1) {
            throw ApiException.badRequest("calibration.badThreshold", "Field 'kappa': give the kappa a trainee must reach, from -1 to 1; got " + kappa + ".")
                    .with("value", String.valueOf(kappa));
        }
        writes.useTransaction(h -> h.attach(CalibrationDao.class).setThreshold(projectId, kappa));
        return Map.of("projectId", projectId, "kappa", kappa);
    }

    /** The calibration of a trainee (default: the caller) against the transcript's reference, computed; nothing is stored. */
    public CalibrationResult calibrate(User user, long transcriptId, Long coder) {
        Computed c = compute(user, transcriptId, coder, false);
        var same = latestSame(c);
        return c.view(same.map(CalibrationDao.Latest::id).orElse(null), same.map(CalibrationDao.Latest::computedAt).orElse(c.now()));
    }

    /**
     * The same, stored as a point of the trainee's history when it says something new: looking again
     * at an unchanged coding adds no point. Admins and trainers for anyone, a coder for themselves.
     */
    public CalibrationResult record(User user, long transcriptId, Long coder) {
        Computed c = compute(user, transcriptId, coder, true);
        var same = latestSame(c);
        if (same.isPresent()) return c.view(same.get().id(), same.get().computedAt());
        long id = writes.inTransaction(h -> h.attach(CalibrationDao.class).insertRun(c.projectId(), transcriptId, c.trainee(),
                c.reference().coderId(), c.now(), user.id(), c.threshold(), c.passed(), c.summary()));
        return c.view(id, c.now());
    }

    /** A calibration as computed, before it is shown (to a coder of a blind project without the reference's identity and detail). */
    private record Computed(long projectId, long transcriptId, long trainee, String traineeName, CalibrationDao.Reference reference,
                            double threshold, List<Calibration.DimensionResult> dimensions, boolean passed, String summary,
                            int referenceUnits, int units, boolean blind, String now) {
        CalibrationResult view(Long id, String at) {
            CalibrationResult r = new CalibrationResult(id, transcriptId, trainee, traineeName, reference.coderId(), reference.coder(), at,
                    threshold, passed, dimensions, referenceUnits, units, false);
            return blind ? r.withoutReference() : r;
        }
    }

    private Computed compute(User user, long transcriptId, Long coder, boolean storing) {
        long projectId = projectOf(transcriptId);
        Role role = storing ? access.require(user, projectId, Role.ADMIN, Role.TRAINER, Role.CODER) : access.require(user, projectId);
        long trainee = coder == null ? user.id() : coder;
        if (role == Role.CODER) access.requireReadable(user, projectId, transcriptId);
        if (role == Role.CODER && trainee != user.id()) throw ApiException.forbidden("calibration.ownOnly", "Coders see their own calibrations only.");
        String traineeName = jdbi.withExtension(CalibrationDao.class, dao -> dao.userName(trainee))
                .orElseThrow(() -> ApiException.badRequest("calibration.noSuchUser", "Parameter 'coder': there is no user " + trainee + ".").with("coder", trainee));
        CalibrationDao.Reference reference = jdbi.withExtension(CalibrationDao.class, dao -> dao.reference(transcriptId))
                .orElseThrow(() -> ApiException.notFound("calibration.noReference", "The reference coding of transcript " + transcriptId).with("transcriptId", transcriptId));
        if (reference.coderId() == trainee) {
            throw ApiException.badRequest("calibration.isReference", "Parameter 'coder': " + traineeName + "'s coding is the reference itself.").with("name", traineeName);
        }
        double threshold = jdbi.withExtension(CalibrationDao.class, dao -> dao.threshold(projectId)).orElse(DEFAULT_THRESHOLD);
        List<Calibration.DimensionResult> dimensions = compare(projectId, transcriptId, reference.coderId(), trainee, threshold);
        boolean passed = !dimensions.isEmpty() && dimensions.stream().allMatch(Calibration.DimensionResult::passed);
        int referenceUnits = jdbi.withExtension(CalibrationDao.class, dao -> dao.unitsCoded(transcriptId, reference.coderId()));
        int units = jdbi.withExtension(CalibrationDao.class, dao -> dao.units(transcriptId));
        String summary = json(dimensions.stream().map(CalibrationResult.Summary::of).toList());
        // Blind coding keeps coders from each other's codes: a fellow coder's reference is shown without detail (the consensus is no fellow coder).
        boolean blind = role == Role.CODER && blind(projectId) && !jdbi.withExtension(CalibrationDao.class, dao -> dao.gold(projectId, reference.coderId()));
        return new Computed(projectId, transcriptId, trainee, traineeName, reference, threshold, dimensions, passed, summary, referenceUnits, units,
                blind, Instant.now().toString());
    }

    private java.util.Optional<CalibrationDao.Latest> latestSame(Computed c) {
        return jdbi.withExtension(CalibrationDao.class, dao -> dao.latest(c.transcriptId(), c.trainee())).filter(l ->
                l.referenceCoderId() == c.reference().coderId() && l.threshold() == c.threshold() && l.passed() == c.passed()
                        && l.dimensions().equals(c.summary()));
    }

    /** Stored calibrations of a project, oldest first; a coder gets their own only (in a blind project without whose the reference was). */
    public List<CalibrationResult.Run> history(User user, long projectId, Long coder) {
        Role role = access.require(user, projectId);
        if (role == Role.CODER && coder != null && coder != user.id()) throw ApiException.forbidden("calibration.ownOnly", "Coders see their own calibrations only.");
        Long who = role == Role.CODER ? Long.valueOf(user.id()) : coder;
        List<CalibrationResult.Run> runs = stored(projectId, who);
        return role == Role.CODER && blind(projectId) ? runs.stream().map(CalibrationResult.Run::withoutReference).toList() : runs;
    }

    /** Stored calibrations of a project (one coder's only, when given), oldest first; the caller has checked access. */
    public List<CalibrationResult.Run> stored(long projectId, Long coder) {
        return jdbi.withExtension(CalibrationDao.class, dao -> dao.runs(projectId, coder)).stream()
                .map(r -> new CalibrationResult.Run(r.id(), r.transcriptId(), r.transcript(), r.coderId(), r.referenceCoderId(), r.computedAt(),
                        r.threshold(), r.passed(), summaries(r.dimensions()))).toList();
    }

    /** One result per codebook dimension the reference coded, in codebook order. */
    private List<Calibration.DimensionResult> compare(long projectId, long transcriptId, long referenceId, long traineeId, double threshold) {
        Map<String, Map<Long, String>> reference = new HashMap<>(), trainee = new HashMap<>();
        List<Long> order = new ArrayList<>();
        for (CalibrationDao.UnitCode c : jdbi.withExtension(CalibrationDao.class, dao -> dao.codes(transcriptId, referenceId, traineeId))) {
            (c.coderId() == referenceId ? reference : trainee).computeIfAbsent(c.dimension(), k -> new HashMap<>()).put(c.utteranceId(), c.code());
            if (!order.contains(c.utteranceId())) order.add(c.utteranceId());
        }
        List<Calibration.DimensionResult> out = new ArrayList<>();
        for (Codebook.Dimension d : codebooks.forProject(projectId).codebook().dimensions()) {
            Map<Long, String> ref = reference.getOrDefault(d.key(), Map.of()), mine = trainee.getOrDefault(d.key(), Map.of());
            if (ref.isEmpty()) continue;
            List<String[]> pairs = order.stream().filter(ref::containsKey).map(u -> new String[]{ref.get(u), mine.get(u)}).toList();
            out.add(Calibration.dimension(d.key(), d.codes().stream().map(Codebook.Code::key).toList(), pairs, threshold));
        }
        return out;
    }

    private boolean blind(long projectId) {
        return jdbi.withExtension(CalibrationDao.class, dao -> dao.blind(projectId));
    }

    private long projectOf(long transcriptId) {
        return jdbi.withExtension(CalibrationDao.class, dao -> dao.projectOf(transcriptId))
                .orElseThrow(() -> Access.transcriptNotFound(transcriptId));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Writing a calibration summary failed: " + e.getMessage(), e);
        }
    }

    private static List<CalibrationResult.Summary> summaries(String json) {
        try {
            return JSON.readValue(json, new TypeReference<>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Reading a stored calibration failed: " + e.getMessage(), e);
        }
    }
}
