package nl.samenspraak.results;

import nl.samenspraak.codebook.Codebook.Text;
import nl.samenspraak.codebook.SpeakerRole;

import java.util.List;

/**
 * The reliability of a project for a selection of coders and transcripts: per dimension (utterance
 * level, over all chosen transcripts coded by two or more coders, and per transcript), per rating item
 * and scale total (units: transcripts), and RIAS-style per code and composite count (units: sessions).
 */
public record ProjectReliability(long projectId, String project, String codebookKey, String codebookVersion,
                                 List<Person> coders, List<TranscriptRef> transcripts, int bootstrap, long seed,
                                 List<DimensionReliability> dimensions, List<RatingReliability> ratings,
                                 List<FrequencyReliability> frequencies) {

    /**
     * One dimension: {@code transcripts} are those coded by two or more of the chosen coders;
     * {@code result} is null (with {@code reason}) when there are none.
     */
    public record DimensionReliability(String dimension, Text label, List<TranscriptRef> transcripts, ResultView result,
                                       String reason, List<TranscriptReliability> perTranscript) {}

    /** One transcript's figures for a dimension (no bootstrap: too few units for a stable interval). */
    public record TranscriptReliability(long transcriptId, String transcript, int units, List<String> coders,
                                        List<CoefficientView> coefficients) {}

    /** One rating item ({@code item} non-null) or a scale's total ({@code item} null); units are transcripts. */
    public record RatingReliability(String scale, String item, Text label, int units, List<String> coders,
                                    List<CoefficientView> coefficients, String reason) {}

    /**
     * The per-session counts of one code ({@code kind} "code") or the values of one composite ("composite")
     * for one speaker role, compared between coders: Pearson's r per pair and the ICCs.
     */
    public record FrequencyReliability(String kind, String key, String dimension, SpeakerRole role, int sessions,
                                       List<String> coders, List<PairCorrelation> pearson, List<CoefficientView> icc) {}

    public record PairCorrelation(String coderA, String coderB, int sessions, Double r, String reason, Interpretation interpretation) {}
}
