package nl.samenspraak.report;

import nl.samenspraak.codebook.SpeakerRole;

import java.util.List;
import java.util.Map;

/**
 * What one coder did with one session, as the report needs it: utterances per speaker role, the
 * coder's code counts, and the coder's ratings ({@code scale -> item -> value}).
 */
public record SessionInput(long transcriptId, String transcript, long coderId, String coder,
                           Map<SpeakerRole, Integer> unitsPerRole, List<CodeCount> counts,
                           Map<String, Map<String, Double>> ratings) {

    public SessionInput {
        unitsPerRole = Map.copyOf(unitsPerRole);
        counts = List.copyOf(counts);
        ratings = Map.copyOf(ratings);
    }

    /** How many of the speaker's utterances the coder gave {@code code} in {@code dimension}. */
    public record CodeCount(String dimension, String code, SpeakerRole role, long count) {}
}
