package nl.samenspraak.codebook;

/** A codebooks table row as stored: the body is the codebook's JSON. */
public record CodebookRow(long id, String key, String version, String title, String body, String sha256, String createdAt) {}
