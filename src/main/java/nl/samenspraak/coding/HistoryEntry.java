package nl.samenspraak.coding;

/**
 * One change-log row as an admin reads it: who ({@code userId}, {@code userName}) changed what
 * ({@code entity}: code, rating or transcript; {@code field}: the dimension, "scale/item", or what
 * changed of the transcript) of whom ({@code coderId}, {@code coderName}), when, from what to what.
 * {@code unit} is the utterance's number in its transcript.
 */
public record HistoryEntry(long id, String at, long userId, String userName, String entity, Long transcriptId,
                           String transcriptName, Long utteranceId, Integer unit, Long coderId, String coderName,
                           String field, String before, String after) {}
