package nl.samenspraak.results;

import nl.samenspraak.codebook.SpeakerRole;

import java.util.List;
import java.util.Map;

/**
 * One coder's profile of one session: per speaker role the code frequencies and composites, and the
 * rating scales with their totals. Undefined values are null with a reason beside them.
 */
public record SessionReport(long transcriptId, String transcript, long coderId, String coder,
                            List<RoleReport> roles, List<ScaleReport> ratings) {

    /**
     * One speaker role of the session. {@code units}: the role's utterances; {@code coded}: how many
     * of them the coder coded, per dimension; {@code frequencies}: every code of every dimension that
     * applies to the role, zeros included; {@code composites}: those computed for the role.
     */
    public record RoleReport(SpeakerRole role, int units, Map<String, Long> coded,
                             List<Frequency> frequencies, List<CompositeValue> composites) {}

    public record Frequency(String dimension, String code, long count) {}

    /**
     * A composite for one role: a sum ({@code value} = numerator, no denominator) or a ratio
     * ({@code value} = numerator / denominator, null with a reason when the denominator is 0).
     */
    public record CompositeValue(String key, boolean ratio, Double value, long numerator, Long denominator, String reason) {}

    /**
     * A rating scale as one coder rated it: item values (null where not rated) and the total, which is
     * only computed when every item is rated (else null with a reason). {@code rescaled} is the total
     * mapped onto the scale's rescale range, when it has one.
     */
    public record ScaleReport(String scale, SpeakerRole rated, Map<String, Double> items, String kind,
                              Double total, Double rescaled, String reason) {}
}
