package nl.samenspraak.adjudication;

import java.util.List;
import java.util.Map;

/**
 * A transcript side by side for adjudication: the coders compared (in name order), every unit with,
 * per dimension, each coder's code in the order of {@code coders} (null: not coded), whether they
 * disagree, and the consensus so far with the note of its latest change. {@code unitCount}: the transcript's
 * units; {@code consensusUnits}: those with a consensus code in any dimension; per dimension, the units with a
 * consensus code ({@code consensusPerDimension}) and those a compared coder coded ({@code codedPerDimension}), so a
 * page can say how much the consensus covers, and warn where it is short (counted over all units, even when only
 * disagreements are listed).
 */
public record AdjudicationView(long transcriptId, long projectId, Long consensusCoderId, List<Coder> coders,
                               List<String> dimensions, int disagreements, List<UnitView> units,
                               int unitCount, int consensusUnits, Map<String, Integer> consensusPerDimension,
                               Map<String, Integer> codedPerDimension) {

    public record Coder(long id, String name) {}

    public record UnitView(long utteranceId, int seq, String speakerLabel, String speakerRole, String text,
                           Map<String, Cell> dimensions) {}

    /**
     * {@code disagree}: the coders did not all give the same code (a missing code differs from a given one);
     * {@code source}: how the consensus code came about; {@code comment}: only what an adjudicator wrote.
     */
    public record Cell(List<String> codes, boolean disagree, String consensus, Long fromCoder, Provenance source, String comment) {}
}
