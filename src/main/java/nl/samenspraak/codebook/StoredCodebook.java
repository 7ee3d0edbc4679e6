package nl.samenspraak.codebook;

/** One stored version of a codebook; codes and ratings refer to {@code id}. */
public record StoredCodebook(long id, String key, String version, String createdAt, Codebook codebook) {}
