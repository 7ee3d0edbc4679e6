package nl.samenspraak.coding;

/**
 * One row of the append-only change log: who changed what, when, from what to what.
 * {@code field} is the dimension for a code, "scale/item" for a rating.
 */
public record Change(long id, String at, long userId, String entity, Long transcriptId, Long utteranceId,
                     Long coderId, String field, String beforeValue, String afterValue, String opId) {}
