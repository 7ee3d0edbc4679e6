package nl.samenspraak.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error a user can cause and understand: answered by the one error mapper as
 * {@code {"error": message, "code": code, "params": {...}, "details": details}} with the given HTTP status.
 * {@code code} is stable (for example {@code coding.codeNotForRole}; see docs/errors.md) and {@code params}
 * hold the values its sentence names, so a page can say it in its own language ({@code error.<code>} in
 * web/i18n); {@code error} is the English sentence, for scripts and logs.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final Map<String, Object> params = new LinkedHashMap<>();
    private final Map<String, Object> details;

    public ApiException(int status, String code, String message, Map<String, Object> details) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = details == null ? Map.of() : details;
    }

    public ApiException(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    public static ApiException badRequest(String code, String message) { return new ApiException(400, code, message); }
    public static ApiException badRequest(String code, String message, Map<String, Object> details) { return new ApiException(400, code, message, details); }
    public static ApiException unauthorized() { return new ApiException(401, "auth.notLoggedIn", "You are not logged in."); }
    public static ApiException forbidden(String code, String message) { return new ApiException(403, code, message); }
    /** "{what} was not found." */
    public static ApiException notFound(String code, String what) { return new ApiException(404, code, what + " was not found."); }
    public static ApiException conflict(String code, String message) { return new ApiException(409, code, message); }

    /** Adds a value the sentence names (a field, an id, a limit); returns this exception, to be thrown. */
    public ApiException with(String name, Object value) {
        params.put(name, value);
        return this;
    }

    public int status() { return status; }
    public String code() { return code; }
    public Map<String, Object> params() { return Collections.unmodifiableMap(params); }
    public Map<String, Object> details() { return details; }
}
