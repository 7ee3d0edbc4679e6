package nl.samenspraak.http;

import java.util.Map;

/**
 * An error a user can cause and understand: answered by the one error mapper as
 * {@code {"error": message, "details": details}} with the given HTTP status.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final Map<String, Object> details;

    public ApiException(int status, String message, Map<String, Object> details) {
        super(message);
        this.status = status;
        this.details = details == null ? Map.of() : details;
    }

    public ApiException(int status, String message) {
        this(status, message, Map.of());
    }

    public static ApiException badRequest(String message) { return new ApiException(400, message); }
    public static ApiException badRequest(String message, Map<String, Object> details) { return new ApiException(400, message, details); }
    public static ApiException unauthorized() { return new ApiException(401, "You are not logged in."); }
    public static ApiException forbidden(String message) { return new ApiException(403, message); }
    public static ApiException notFound(String what) { return new ApiException(404, what + " was not found."); }
    public static ApiException conflict(String message) { return new ApiException(409, message); }

    public int status() { return status; }
    public Map<String, Object> details() { return details; }
}
