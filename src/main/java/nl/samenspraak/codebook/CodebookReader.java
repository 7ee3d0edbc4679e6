package nl.samenspraak.codebook;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads a codebook from its JSON file (format: {@code codebooks/README.md}). Returns the codebook
 * only when it is valid; otherwise every problem found, each with its JSON path.
 */
public final class CodebookReader {
    private CodebookReader() {}

    public static CodebookValidation read(String sourceName, byte[] json) {
        JsonNode root;
        try {
            root = CodebookJson.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return CodebookValidation.invalid(sourceName, List.of(malformed(e)));
        } catch (IOException e) {
            return CodebookValidation.invalid(sourceName, List.of(Problem.at("$", "codebook.fileUnreadable", "The file could not be read: " + e.getMessage())
                    .with("reason", String.valueOf(e.getMessage()))));
        }
        if (root == null || root.isMissingNode()) {
            return CodebookValidation.invalid(sourceName, List.of(Problem.at("$", "codebook.fileEmpty", "The file is empty; a codebook is a JSON object {...}.")));
        }
        return fromTree(sourceName, root);
    }

    public static CodebookValidation read(String sourceName, String json) {
        return read(sourceName, json.getBytes(StandardCharsets.UTF_8));
    }

    /** Validates a tree that is already parsed, such as an HTTP request body. */
    public static CodebookValidation fromTree(String sourceName, JsonNode root) {
        List<Problem> problems = CodebookValidator.validate(root);
        if (!problems.isEmpty()) return CodebookValidation.invalid(sourceName, problems);
        try {
            return CodebookValidation.valid(sourceName, CodebookJson.MAPPER.treeToValue(root, Codebook.class));
        } catch (JsonProcessingException e) {
            // The validator should have caught whatever Jackson refuses; say so rather than hide it.
            return CodebookValidation.invalid(sourceName, List.of(Problem.at("$", "codebook.unreadableAfterValidation",
                    "The codebook passed validation but could not be read: " + e.getOriginalMessage()).with("reason", String.valueOf(e.getOriginalMessage()))));
        }
    }

    private static Problem malformed(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "$" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
        String why = e.getOriginalMessage().lines().findFirst().orElse("").strip();
        return Problem.at(where, "codebook.notJson", "The file is not valid JSON at " + where + ": " + why).with("where", where).with("reason", why);
    }
}
