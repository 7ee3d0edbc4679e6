package nl.samenspraak.codebook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The Jackson set-up for codebook files. Its own, not the app's, because this package must not
 * depend on the app that wires it, and because the file format should not change when the HTTP
 * JSON settings do.
 */
final class CodebookJson {
    private CodebookJson() {}

    static final ObjectMapper MAPPER = JsonMapper.builder()
            // A key given twice in one object is almost always a copy-paste slip: refuse it.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // Unknown fields are reported by the validator with their path, not thrown here.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // Records have helpers such as isRatio(); they are not part of the format.
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            // Absent beats null or []: the files stay short and read like the README.
            .serializationInclusion(JsonInclude.Include.NON_EMPTY)
            .build();
}
