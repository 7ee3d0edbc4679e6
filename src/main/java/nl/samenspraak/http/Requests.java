package nl.samenspraak.http;

import com.fasterxml.jackson.databind.ObjectReader;
import io.javalin.http.Context;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** Reading client input at the edge: malformed JSON or a bad path parameter becomes a 400, never a 500. */
public final class Requests {
    private Requests() {}

    /** One reader per body type, of the mapper the server is configured with ({@link Json#mapper}). */
    private static final Map<Class<?>, ObjectReader> READERS = new ConcurrentHashMap<>();
    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = Json.mapper();

    /**
     * The body as {@code type}. A well-formed body is read straight from its bytes by a reader made once per type
     * (a save is mostly this: Javalin's validator around it cost as much as the parsing); anything else (no body,
     * {@code null}, malformed JSON, a charset other than UTF-8) goes through Javalin's validator, which reads the
     * same bytes with the same mapper and answers with the 400 that names the problem ({@link ErrorMapper}).
     */
    public static <T> T body(Context ctx, Class<T> type) {
        if (utf8(ctx.contentType())) {
            byte[] bytes = ctx.bodyAsBytes(); // outside the try: a body over the limit is Javalin's 413, as before
            try {
                T value = READERS.computeIfAbsent(type, MAPPER::readerFor).readValue(bytes);
                if (value != null) return value;
            } catch (IOException | RuntimeException e) {
                // the validator below reads it again and says what is wrong
            }
        }
        return ctx.bodyValidator(type).check(Objects::nonNull, "the request body must be a JSON object").get();
    }

    /** JSON is UTF-8 (RFC 8259); a body that names another charset is decoded by Javalin, as before. */
    private static boolean utf8(String contentType) {
        if (contentType == null) return true;
        int at = contentType.toLowerCase(Locale.ROOT).indexOf("charset=");
        if (at < 0) return true;
        String charset = contentType.substring(at + 8).strip().replace("\"", "");
        return charset.regionMatches(true, 0, "utf-8", 0, 5) && (charset.length() == 5 || charset.charAt(5) == ';' || charset.charAt(5) == ' ');
    }

    public static long id(Context ctx, String name) {
        return ctx.pathParamAsClass(name, Long.class).get();
    }
}
