package nl.samenspraak.calibration;

import java.util.List;

/**
 * One calibration of a trainee against the reference coding of a transcript, as computed and stored.
 * {@code referenceUnits}: the transcript's units the reference codes (in some dimension), of {@code transcriptUnits}:
 * the trainee is compared on those only, so a partial reference (a consensus begun, say) is said, not hidden.
 */
public record CalibrationResult(long id, long transcriptId, long coderId, String coder, long referenceCoderId, String referenceCoder,
                                String computedAt, double threshold, boolean passed, List<Calibration.DimensionResult> dimensions,
                                int referenceUnits, int transcriptUnits) {

    /** What the history keeps of a dimension: the figures and the verdict, not the matrices. */
    public record Summary(String dimension, int units, Double percent, Double kappa, Double alpha, boolean passed) {
        static Summary of(Calibration.DimensionResult d) {
            return new Summary(d.dimension(), d.units(), d.percent(), d.kappa(), d.alpha(), d.passed());
        }
    }

    /** A stored calibration, oldest first in a history. */
    public record Run(long id, long transcriptId, String transcript, long coderId, long referenceCoderId, String computedAt,
                      double threshold, boolean passed, List<Summary> dimensions) {}
}
