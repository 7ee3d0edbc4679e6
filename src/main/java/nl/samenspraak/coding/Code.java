package nl.samenspraak.coding;

/** A coder's code for one utterance in one dimension, made with codebook version {@code codebookId}. */
public record Code(long utteranceId, String dimension, String code, long codebookId, String updatedAt) {}
