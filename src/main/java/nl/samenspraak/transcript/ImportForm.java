package nl.samenspraak.transcript;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspraak.codebook.SpeakerRole;
import nl.samenspraak.http.ApiException;
import nl.samenspraak.http.Json;
import nl.samenspraak.transcript.format.RoleMapping;
import nl.samenspraak.transcript.format.Segmentation;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The import options as a client sends them, each refused with a message naming the field. */
public final class ImportForm {
    private ImportForm() {}

    public static Segmentation segmentation(String value) {
        if (value == null || value.isBlank()) return Segmentation.TURN;
        try {
            return Segmentation.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("transcript.badSegmentation", "Field 'segment': must be 'turn' or 'sentence', not '" + value + "'.")
                    .with("value", String.valueOf(value));
        }
    }

    public static RoleMapping roles(String spec) {
        try {
            return RoleMapping.parse(spec);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("transcript.badRoleMapping", "Field 'roles': " + e.getMessage()).with("problem", e.getMessage());
        }
    }

    /** A JSON object {"KM": "professional", ...}. */
    public static Map<String, SpeakerRole> roleObject(String json) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("request.bodyNotJson", "The request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject() || node.isEmpty()) {
            throw ApiException.badRequest("transcript.rolesMissing", "Send a JSON object of speaker label to role, e.g. {\"KM\": \"professional\"}.");
        }
        Map<String, SpeakerRole> roles = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> roles.put(e.getKey(), SpeakerRole.fromKey(e.getValue().asText())));
        return roles;
    }
}
