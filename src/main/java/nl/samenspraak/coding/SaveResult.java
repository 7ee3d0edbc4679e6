package nl.samenspraak.coding;

/**
 * The answer to a save: the value now stored ({@code after}, null when cleared), the one it
 * replaced, and whether this was a replay of an operation already applied (nothing written again).
 */
public record SaveResult(String field, String before, String after, long changeId, String at, boolean replayed) {}
