package nl.samenspraak.adjudication;

import nl.samenspraak.coding.SaveResult;

/** The answer to a consensus save: the save as for any code, the consensus coder written, and the adjudicator's note and where the code came from. */
public record ConsensusResult(String field, String before, String after, long changeId, String at, boolean replayed,
                              long consensusCoderId, Long fromCoder, Provenance source, String comment) {
    static ConsensusResult of(SaveResult r, long consensusCoderId, Long fromCoder, Provenance source, String comment) {
        return new ConsensusResult(r.field(), r.before(), r.after(), r.changeId(), r.at(), r.replayed(), consensusCoderId, fromCoder, source, comment);
    }
}
