package nl.samenspraak.coding;

/** A coder's rating of one scale item for a transcript. */
public record Rating(long transcriptId, String scale, String item, double value, long codebookId, String updatedAt) {}
