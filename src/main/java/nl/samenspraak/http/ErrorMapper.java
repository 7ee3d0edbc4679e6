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
 * The one place errors become responses: always {@code {"error": "...", "details": {...}}},
 * whatever the Accept header. A 500 is logged with its cause and answered generically.
 */
public final class ErrorMapper {
    private static final Logger log = LoggerFactory.getLogger(ErrorMapper.class);

    private ErrorMapper() {}

    /** Every handler but those of a feature's own exceptions, which the feature adds with {@link #respond}. */
    public static void register(RoutesConfig routes) {
        routes.exception(ApiException.class, (e, ctx) -> respond(ctx, e.status(), e.getMessage(), e.details()));
        routes.exception(ValidationException.class, (e, ctx) -> respond(ctx, 400, describe(e), Map.of("fields", fields(e))));
        // Jetty refuses a malformed request body (a broken multipart upload, say) with a BadMessageException,
        // sometimes wrapped in a ServletException: the client's mistake, so a 4xx that says what it is.
        routes.exception(BadMessageException.class, (e, ctx) -> respond(ctx, e.getCode() >= 400 && e.getCode() < 500 ? e.getCode() : 400,
                "The request could not be read: " + e.getReason() + ".", Map.of()));
        routes.exception(ServletException.class, (e, ctx) -> {
            if (DiskFull.is(e)) {
                diskFull(ctx, e);
            } else if (e.getCause() instanceof BadMessageException bad) {
                respond(ctx, 400, "The request could not be read: " + bad.getReason() + ".", Map.of());
            } else {
                log.error("Unhandled error on {} {}", ctx.method(), ctx.path(), e);
                respond(ctx, 500, "Something went wrong on the server; the error has been logged.", Map.of());
            }
        });
        routes.exception(HttpResponseException.class, (e, ctx) -> respond(ctx, e.getStatus(), message(e), Map.of()));
        routes.exception(Exception.class, (e, ctx) -> {
            if (DiskFull.is(e)) {
                diskFull(ctx, e);
                return;
            }
            log.error("Unhandled error on {} {}", ctx.method(), ctx.path(), e);
            respond(ctx, 500, "Something went wrong on the server; the error has been logged.", Map.of());
        });
        // Status handlers run after the exception handlers too: keep an error a route already wrote.
        routes.error(404, ctx -> {
            if (!answered(ctx)) respond(ctx, 404, "There is nothing at " + ctx.path() + ".", Map.of());
        });
        routes.error(405, ctx -> {
            if (!answered(ctx)) respond(ctx, 405, ctx.method() + " is not allowed on " + ctx.path() + ".", Map.of());
        });
        routes.error(413, ctx -> {
            if (!answered(ctx)) respond(ctx, 413, "The request is larger than the server accepts ("
                    + Limits.MAX_REQUEST_BYTES / (1024 * 1024) + " MiB; transcripts and codebooks may be at most "
                    + Limits.MAX_UPLOAD_BYTES / (1024 * 1024) + " MiB).", Map.of());
        });
    }

    /** A full disk is the server's state, not a bug: logged without a stack trace, answered with what it means. */
    private static void diskFull(Context ctx, Exception e) {
        log.warn("The disk is full: {} {} was refused ({})", ctx.method(), ctx.path(), e.toString());
        ApiException full = DiskFull.error();
        respond(ctx, full.status(), full.getMessage(), full.details());
    }

    private static boolean answered(Context ctx) {
        String body = ctx.result();
        return body != null && body.startsWith("{\"error\"");
    }

    public static void respond(Context ctx, int status, String message, Map<String, ?> details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
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

    /** Javalin's validation codes (DESERIALIZATION_FAILED, ...) turned into sentences that say what is wrong. */
    private static String describe(ValidationException e) {
        List<String> parts = new java.util.ArrayList<>();
        e.getErrors().forEach((field, errors) -> errors.forEach(err -> parts.add(sentence(field, err))));
        return parts.isEmpty() ? "The request is not valid." : String.join(" ", parts);
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
