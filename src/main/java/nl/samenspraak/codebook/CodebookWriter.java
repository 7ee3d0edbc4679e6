package nl.samenspraak.codebook;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Writes codebooks in the JSON format that {@link CodebookReader} reads. */
public final class CodebookWriter {
    private CodebookWriter() {}

    /** Indented JSON, for export and for people to read. */
    public static String toJson(Codebook codebook) {
        try {
            return CodebookJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(codebook) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Compact JSON with fields in the fixed order of the records, so two files that differ only in
     * layout or field order give the same text; this is what is stored and hashed.
     */
    public static String canonicalJson(Codebook codebook) {
        try {
            return CodebookJson.MAPPER.writeValueAsString(codebook);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SHA-256 of the canonical JSON, lower-case hex: tells whether two versions really differ. */
    public static String sha256(Codebook codebook) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonicalJson(codebook).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256.", e);
        }
    }
}
