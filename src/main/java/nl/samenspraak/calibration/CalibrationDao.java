package nl.samenspraak.calibration;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.List;
import java.util.Optional;

@RegisterConstructorMapper(CalibrationDao.UnitCode.class)
@RegisterConstructorMapper(CalibrationDao.Reference.class)
@RegisterConstructorMapper(CalibrationDao.Run.class)
public interface CalibrationDao {
    record UnitCode(long utteranceId, long coderId, String dimension, String code) {}

    record Reference(long transcriptId, long coderId, String coder, String setAt) {}

    record Run(long id, long transcriptId, String transcript, long coderId, long referenceCoderId, String computedAt,
               double threshold, boolean passed, String dimensions) {}

    @SqlQuery("SELECT project_id FROM transcripts WHERE id = :transcriptId AND deleted_at IS NULL")
    Optional<Long> projectOf(long transcriptId);

    @SqlQuery("SELECT blind_coding FROM projects WHERE id = :projectId")
    boolean blind(long projectId);

    /** Whether a coding is a trainer's, an administrator's or the consensus: a gold standard made for training, not a fellow coder's work. */
    @SqlQuery("""
            SELECT EXISTS (SELECT 1 FROM project_members m WHERE m.project_id = :projectId AND m.user_id = :userId AND m.role IN ('admin', 'trainer'))
                OR EXISTS (SELECT 1 FROM users u WHERE u.id = :userId AND u.system_role = 'admin')
                OR EXISTS (SELECT 1 FROM consensus_coders k WHERE k.user_id = :userId)""")
    boolean gold(long projectId, long userId);

    @SqlQuery("SELECT name FROM users WHERE id = :userId")
    Optional<String> userName(long userId);

    /** From the transcript's units to their codes (not from the coder's codes in every project: index codes_coder). */
    @SqlQuery("""
            SELECT EXISTS (SELECT 1 FROM utterances u WHERE u.transcript_id = :transcriptId
                           AND EXISTS (SELECT 1 FROM codes c WHERE c.utterance_id = u.id AND c.coder_id = :coderId))""")
    boolean coded(long transcriptId, long coderId);

    @SqlUpdate("""
            INSERT INTO transcript_references(transcript_id, coder_id, set_by, set_at) VALUES (:transcriptId, :coderId, :setBy, :now)
            ON CONFLICT(transcript_id) DO UPDATE SET coder_id = excluded.coder_id, set_by = excluded.set_by, set_at = excluded.set_at""")
    void setReference(long transcriptId, long coderId, long setBy, String now);

    @SqlQuery("""
            SELECT r.transcript_id, r.coder_id, u.name AS coder, r.set_at FROM transcript_references r JOIN users u ON u.id = r.coder_id
            WHERE r.transcript_id = :transcriptId""")
    Optional<Reference> reference(long transcriptId);

    /** One coding of a transcript in one dimension: its coder, whether that is the consensus, and the units it codes there. */
    record CodedDimension(long coderId, String name, boolean consensus, String dimension, int units) {}

    @SqlQuery("""
            SELECT c.coder_id, u.name, EXISTS (SELECT 1 FROM consensus_coders k WHERE k.user_id = c.coder_id) AS consensus,
                   c.dimension, COUNT(*) AS units
            FROM codes c JOIN utterances x ON x.id = c.utterance_id JOIN users u ON u.id = c.coder_id
            WHERE x.transcript_id = :transcriptId GROUP BY c.coder_id, u.name, c.dimension ORDER BY u.name, c.coder_id""")
    @RegisterConstructorMapper(CodedDimension.class)
    List<CodedDimension> codedDimensions(long transcriptId);

    /** Units of the transcript that the coder coded in some dimension. */
    @SqlQuery("""
            SELECT COUNT(*) FROM utterances x WHERE x.transcript_id = :transcriptId
            AND EXISTS (SELECT 1 FROM codes c WHERE c.utterance_id = x.id AND c.coder_id = :coderId)""")
    int unitsCoded(long transcriptId, long coderId);

    @SqlQuery("SELECT COUNT(*) FROM utterances WHERE transcript_id = :transcriptId")
    int units(long transcriptId);

    @SqlQuery("SELECT kappa_threshold FROM calibration_settings WHERE project_id = :projectId")
    Optional<Double> threshold(long projectId);

    @SqlUpdate("""
            INSERT INTO calibration_settings(project_id, kappa_threshold) VALUES (:projectId, :kappa)
            ON CONFLICT(project_id) DO UPDATE SET kappa_threshold = excluded.kappa_threshold""")
    void setThreshold(long projectId, double kappa);

    @SqlQuery("""
            SELECT c.utterance_id, c.coder_id, c.dimension, c.code FROM codes c JOIN utterances u ON u.id = c.utterance_id
            WHERE u.transcript_id = :transcriptId AND c.coder_id IN (:referenceId, :traineeId) ORDER BY u.seq""")
    List<UnitCode> codes(long transcriptId, long referenceId, long traineeId);

    @SqlQuery("""
            INSERT INTO calibrations(project_id, transcript_id, coder_id, reference_coder_id, computed_at, computed_by, threshold, passed, dimensions)
            VALUES (:projectId, :transcriptId, :coderId, :referenceId, :now, :by, :threshold, :passed, :dimensions) RETURNING id""")
    long insertRun(long projectId, long transcriptId, long coderId, long referenceId, String now, long by, double threshold,
                   boolean passed, String dimensions);

    @SqlQuery("""
            SELECT k.id, k.transcript_id, t.name AS transcript, k.coder_id, k.reference_coder_id, k.computed_at, k.threshold, k.passed, k.dimensions
            FROM calibrations k JOIN transcripts t ON t.id = k.transcript_id
            WHERE k.project_id = :projectId AND (:coderId IS NULL OR k.coder_id = :coderId) ORDER BY k.id""")
    List<Run> runs(long projectId, Long coderId);

    /** The newest stored calibration of a coder on a transcript, to see whether a new one says anything new. */
    record Latest(long id, long referenceCoderId, String computedAt, double threshold, boolean passed, String dimensions) {}

    @SqlQuery("""
            SELECT id, reference_coder_id, computed_at, threshold, passed, dimensions FROM calibrations
            WHERE transcript_id = :transcriptId AND coder_id = :coderId ORDER BY id DESC LIMIT 1""")
    @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(Latest.class)
    java.util.Optional<Latest> latest(long transcriptId, long coderId);
}
