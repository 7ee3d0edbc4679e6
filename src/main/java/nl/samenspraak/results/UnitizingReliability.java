package nl.samenspraak.results;

import nl.samenspraak.codebook.Codebook.Text;

import java.util.List;

/**
 * The reliability of coders who unitized the same recordings independently (project setting 'unitizing:
 * independent', issue 14), as the reliability page shows it: per recording, Krippendorff's alpha for unitizing
 * (alpha_U) over the recording as the continuum, once for the segmentation alone (every unit one category) and once
 * per dimension (a unit's category is its code; overall and per category), and the coding agreement on the units
 * two coders matched. {@code source} names the definition and its checks; {@code matchRule} says how units are matched.
 */
public record UnitizingReliability(long projectId, String source, String matchRule, List<Recording> recordings, Pooled pooled) {

    /**
     * alpha_U pooled over the recordings: the recordings laid end to end, in the order of {@code recordings}, as one
     * continuum ({@code lengthMs}), each coder's units shifted by the durations of the recordings before (no unit spans
     * two recordings: each is cut at its recording's end). Over the recordings that two or more coders unitized
     * ({@code transcriptIds}), for the coders who unitized every one of them ({@code coders}); the others are named in
     * {@code leftOut}. {@code reason} says why there is no figure.
     */
    public record Pooled(List<Long> transcriptIds, long lengthMs, List<String> coders, List<String> leftOut, Alpha segmentation,
                         List<PooledDimension> dimensions, String reason) {}

    /** One dimension's pooled alpha_U (codes as categories). */
    public record PooledDimension(String dimension, Text label, Alpha unitizing) {}

    /** One recording: its transcript (the source of the coders' copies), duration and the copies compared. */
    public record Recording(long transcriptId, String transcript, Long durationMs, List<Copy> copies, Alpha segmentation,
                            List<DimensionUnitizing> dimensions, String reason) {}

    /** One coder's copy: its transcript, its coder, how many units they made (of which still open at the end). */
    public record Copy(long transcriptId, long coderId, String coder, int units, int openUnits) {}

    /**
     * alpha_U pooled over the categories (null with {@code reason} when undefined), per category; {@code units} counted,
     * {@code uncoded} units left out (a unit without a code in this dimension belongs to no category).
     */
    public record Alpha(Double alpha, String reason, List<CategoryAlpha> perCategory, int units, int uncoded) {}

    /** One category's alpha_U = 1 − uDo/uDe, with the observed and expected disagreement. */
    public record CategoryAlpha(String category, Text label, Double alpha, Double observedDisagreement, Double expectedDisagreement,
                                String reason) {}

    /** One dimension of one recording: alpha_U with codes as categories, and the coding agreement on matched units per pair of coders. */
    public record DimensionUnitizing(String dimension, Text label, Alpha unitizing, List<MatchedAgreement> matched) {}

    /**
     * Two coders' codes of one dimension on the units they matched: {@code matched} pairs of units, {@code units} of them
     * with a code from at least one of the two, the units of each coder left without a partner, and the coefficients.
     */
    public record MatchedAgreement(String coderA, String coderB, int matched, int units, int unmatchedA, int unmatchedB,
                                   List<CoefficientView> coefficients, String reason) {}
}
