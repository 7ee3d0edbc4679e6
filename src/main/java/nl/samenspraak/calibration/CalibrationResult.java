package nl.samenspraak.calibration;

import java.util.List;

/**
 * One calibration of a trainee against the reference coding of a transcript. {@code id} is the stored
 * calibration that says the same (null: not stored yet). {@code referenceUnits}: the transcript's units
 * the reference codes (in some dimension), of {@code transcriptUnits}: the trainee is compared on those
 * only, so a partial reference (a consensus begun, say) is said, not hidden. {@code blind} marks the view
 * a coder of a blind project gets of a fellow coder's reference: no reference coder, no per-category
 * counts or confusion matrix.
 */
public record CalibrationResult(Long id, long transcriptId, long coderId, String coder, Long referenceCoderId, String referenceCoder,
                                String computedAt, double threshold, boolean passed, List<Calibration.DimensionResult> dimensions,
                                int referenceUnits, int transcriptUnits, boolean blind) {

    /** Without whose coding the reference is and without what would show its codes. */
    CalibrationResult withoutReference() {
        return new CalibrationResult(id, transcriptId, coderId, coder, null, null, computedAt, threshold, passed,
                dimensions.stream().map(d -> new Calibration.DimensionResult(d.dimension(), d.units(), d.uncoded(), d.percent(), d.kappa(),
                        d.alpha(), d.reason(), d.passed(), List.of(), null)).toList(), referenceUnits, transcriptUnits, true);
    }

    /** What the history keeps of a dimension: the figures and the verdict, not the matrices. */
    public record Summary(String dimension, int units, Double percent, Double kappa, Double alpha, boolean passed) {
        static Summary of(Calibration.DimensionResult d) {
            return new Summary(d.dimension(), d.units(), d.percent(), d.kappa(), d.alpha(), d.passed());
        }
    }

    /** A stored calibration, oldest first in a history. */
    public record Run(long id, long transcriptId, String transcript, long coderId, Long referenceCoderId, String computedAt,
                      double threshold, boolean passed, List<Summary> dimensions) {
        Run withoutReference() {
            return new Run(id, transcriptId, transcript, coderId, null, computedAt, threshold, passed, dimensions);
        }
    }
}
