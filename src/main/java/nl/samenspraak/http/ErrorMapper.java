package nl.samenspraak.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.validation.ValidationException;
import jakarta.servlet.ServletException;
import org.eclipse.jetty.http.BadMessageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place errors become responses: always {@code {"error": "...", "code": "...", "params": {...},
 * "details": {...}}}, whatever the Accept header (docs/errors.md). A 500 is logged with its cause and
 * answered generically.
 */
public final class ErrorMapper {
    private static final Logger log = LoggerFactory.getLogger(ErrorMapper.class);

    private ErrorMapper() {}

    /** Every handler but those of a feature's own exceptions, which the feature adds with {@link #respond}. */
    public static void register(RoutesConfig routes) {
        routes.exception(ApiException.class, (e, ctx) -> respond(ctx, e.status(), e.code(), e.getMessage(), e.params(), e.details()));
        routes.exception(ValidationException.class, (e, ctx) -> validation(ctx, e));
        // Jetty refuses a malformed request body (a broken multipart upload, say) with a BadMessageException,
        // sometimes wrapped in a ServletException: the client's mistake, so a 4xx that says what it is.
        routes.exception(BadMessageException.class, (e, ctx) -> unreadable(ctx, e.getCode() >= 400 && e.getCode() < 500 ? e.getCode() : 400, e.getReason()));
        routes.exception(ServletException.class, (e, ctx) -> {
            if (e.getCause() instanceof BadMessageException bad) unreadable(ctx, 400, bad.getReason());
            else serverError(ctx, e);
        });
        routes.exception(HttpResponseException.class, (e, ctx) -> respond(ctx, e.getStatus(), "request.refused", message(e),
                Map.of("status", e.getStatus()), Map.of()));
        routes.exception(Exception.class, (e, ctx) -> serverError(ctx, e));
        // Status handlers run after the exception handlers too: keep an error a route already wrote.
        routes.error(404, ctx -> {
            if (!answered(ctx)) respond(ctx, 404, "request.noRoute", "There is nothing at " + ctx.path() + ".", Map.of("path", ctx.path()), Map.of());
        });
        routes.error(405, ctx -> {
            if (!answered(ctx)) respond(ctx, 405, "request.methodNotAllowed", ctx.method() + " is not allowed on " + ctx.path() + ".",
                    Map.of("method", String.valueOf(ctx.method()), "path", ctx.path()), Map.of());
        });
        routes.error(413, ctx -> {
            if (!answered(ctx)) respond(ctx, 413, "request.tooLarge", "The request is larger than the server accepts ("
                    + Limits.MAX_REQUEST_BYTES / (1024 * 1024) + " MiB; transcripts and codebooks may be at most "
                    + Limits.MAX_UPLOAD_BYTES / (1024 * 1024) + " MiB).",
                    Map.of("requestMiB", Limits.MAX_REQUEST_BYTES / (1024 * 1024), "uploadMiB", Limits.MAX_UPLOAD_BYTES / (1024 * 1024)), Map.of());
        });
    }

    private static void serverError(Context ctx, Exception e) {
        log.error("Unhandled error on {} {}", ctx.method(), ctx.path(), e);
        respond(ctx, 500, "server.error", "Something went wrong on the server; the error has been logged.", Map.of(), Map.of());
    }

    private static void unreadable(Context ctx, int status, String reason) {
        respond(ctx, status, "request.unreadable", "The request could not be read: " + reason + ".", Map.of("reason", String.valueOf(reason)), Map.of());
    }

    private static boolean answered(Context ctx) {
        String body = ctx.result();
        return body != null && body.startsWith("{\"error\"");
    }

    /** The one error shape; {@code code} names the error for the pages' translations, {@code params} the values it names. */
    public static void respond(Context ctx, int status, String code, String message, Map<String, ?> params, Map<String, ?> details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("code", code);
        body.put("params", params == null ? Map.of() : params);
        body.put("details", details == null ? Map.of() : details);
        ctx.status(status).json(body);
    }

    /** Details from name, value pairs; a null value is left out. */
    public static Map<String, Object> details(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) if (keyValues[i + 1] != null) m.put((String) keyValues[i], keyValues[i + 1]);
        return m;
    }

    private static String message(HttpResponseException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? "The request could not be handled (HTTP " + e.getStatus() + ")." : m;
    }

    private static Map<String, List<String>> fields(ValidationException e) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        e.getErrors().forEach((field, errors) -> out.put(field, errors.stream().map(v -> v.getMessage()).toList()));
        return out;
    }

    /**
     * Javalin's validation errors as sentences that say what is wrong; the code and params are those of the
     * first error: {@code request.bodyNotJson}, {@code request.invalidValue} (a number expected) or
     * {@code request.invalidField} (a check of the field failed), each naming the field.
     */
    private static void validation(Context ctx, ValidationException e) {
        List<String> parts = new java.util.ArrayList<>();
        e.getErrors().forEach((field, errors) -> errors.forEach(err -> parts.add(sentence(field, err))));
        String message = parts.isEmpty() ? "The request is not valid." : String.join(" ", parts);
        Map<String, Object> details = Map.of("fields", fields(e));
        var first = e.getErrors().entrySet().stream().filter(f -> !f.getValue().isEmpty()).findFirst();
        if (first.isEmpty()) {
            respond(ctx, 400, "request.invalid", message, Map.of(), details);
            return;
        }
        String field = first.get().getKey();
        var err = first.get().getValue().get(0);
        if ("REQUEST_BODY".equals(field)) respond(ctx, 400, "request.bodyNotJson", message, Map.of(), details);
        else if ("TYPE_CONVERSION_FAILED".equals(err.getMessage())) {
            respond(ctx, 400, "request.invalidValue", message, Map.of("field", field, "value", String.valueOf(err.value)), details);
        } else respond(ctx, 400, "request.invalidField", message, Map.of("field", field), details);
    }

    private static String sentence(String field, io.javalin.validation.ValidationError<?> err) {
        if ("REQUEST_BODY".equals(field)) {
            String why = err.exception() instanceof JsonProcessingException j ? ": " + j.getOriginalMessage() : "";
            return "The request body is not JSON of the expected shape" + why + ".";
        }
        if ("TYPE_CONVERSION_FAILED".equals(err.getMessage())) {
            return "Field '" + field + "': '" + err.value + "' is not a valid value here" + (err.value == null ? "" : " (a number is expected)") + ".";
        }
        return "Field '" + field + "': " + err.getMessage();
    }
}
