package nl.samenspraak.transcript;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import nl.samenspraak.codebook.SpeakerRole;
import nl.samenspraak.http.ApiException;
import nl.samenspraak.http.Json;
import nl.samenspraak.http.Uploads;
import nl.samenspraak.transcript.format.ColumnMapping;
import nl.samenspraak.transcript.format.ImportOptions;
import nl.samenspraak.transcript.format.Pseudonyms;
import nl.samenspraak.transcript.format.ReadOptions;
import nl.samenspraak.transcript.format.RoleMapping;
import nl.samenspraak.transcript.format.SourceFile;
import nl.samenspraak.transcript.format.TierChoice;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The files and options of an import or preview request (multipart): fields {@code segment}
 * (turn|sentence), {@code roles} ("KM=professional,..." or a JSON object), {@code pseudonymise}
 * (nl|en|none), {@code merge} (true|false), and for every file {@code columns}
 * ("speaker=Type,text=3,start=1"), {@code header} (true|false), {@code tiers} ("KM-nl=KM,Klant"),
 * {@code encoding}; {@code fileOptions} overrides those per file name with a JSON object such as
 * {@code {"a.csv": {"columns": "speaker=2,text=3", "header": false}}}. Each bad value is refused
 * naming its field (and file).
 */
public final class ImportRequest {
    private ImportRequest() {}

    public static List<SourceFile> files(Context ctx) {
        return Uploads.files(ctx).stream().map(f -> new SourceFile(f.fileName(), f.content())).toList();
    }

    public static ImportOptions options(Context ctx) {
        Function<String, String> field = name -> Uploads.field(ctx, name);
        ReadOptions defaults = read("", field);
        Map<String, ReadOptions> perFile = new LinkedHashMap<>();
        String json = field.apply("fileOptions");
        if (json != null && !json.isBlank()) {
            JsonNode node = object(json, "fileOptions");
            node.fields().forEachRemaining(e -> {
                if (!e.getValue().isObject()) throw ApiException.badRequest("import.fileOptionNotObject", "Field 'fileOptions': the value for '" + e.getKey() + "' must be an object.")
                        .with("file", e.getKey());
                JsonNode o = e.getValue();
                perFile.put(e.getKey(), read("fileOptions." + e.getKey() + ".", name -> o.hasNonNull(name) ? o.get(name).asText() : field.apply(name)));
            });
        }
        return new ImportOptions(ImportForm.segmentation(field.apply("segment")), roles(field.apply("roles")),
                parse("pseudonymise", field.apply("pseudonymise"), Pseudonyms::parse), bool("merge", field.apply("merge"), false),
                defaults, perFile);
    }

    private static ReadOptions read(String prefix, Function<String, String> field) {
        return new ReadOptions(parse(prefix + "columns", field.apply("columns"), ColumnMapping::parse),
                bool(prefix + "header", field.apply("header"), null),
                parse(prefix + "tiers", field.apply("tiers"), TierChoice::parseList),
                parse(prefix + "encoding", field.apply("encoding"), ReadOptions::encoding), false);
    }

    static RoleMapping roles(String value) {
        if (value == null || !value.strip().startsWith("{")) return ImportForm.roles(value);
        Map<String, SpeakerRole> roles = new LinkedHashMap<>();
        object(value, "roles").fields().forEachRemaining(e -> {
            SpeakerRole role = SpeakerRole.fromKey(e.getValue().asText());
            if (role == null) {
                throw ApiException.badRequest("import.unknownRole", "Field 'roles': '" + e.getKey() + "' has the unknown role '"
                        + e.getValue().asText() + "'; use professional, client or other.").with("speaker", e.getKey()).with("role", e.getValue().asText());
            }
            roles.put(e.getKey(), role);
        });
        return new RoleMapping(roles);
    }

    private static JsonNode object(String json, String field) {
        try {
            JsonNode node = Json.mapper().readTree(json);
            if (node == null || !node.isObject()) throw ApiException.badRequest("import.notJsonObject", "Field '" + field + "': expected a JSON object.").with("field", field);
            return node;
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("import.invalidJson", "Field '" + field + "' is not valid JSON: " + e.getOriginalMessage())
                    .with("field", field).with("reason", e.getOriginalMessage());
        }
    }

    private static Boolean bool(String name, String value, Boolean fallback) {
        if (value == null || value.isBlank()) return fallback;
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw ApiException.badRequest("import.notBoolean", "Field '" + name + "': must be true or false, not '" + value + "'.")
                    .with("field", name).with("value", value);
        };
    }

    private static <T> T parse(String name, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            String problem = e.getMessage().replaceFirst("^[A-Z][a-z]+: ", "");
            throw ApiException.badRequest("import.badOption", "Field '" + name + "': " + problem).with("field", name).with("problem", problem);
        }
    }
}
