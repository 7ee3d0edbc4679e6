package nl.samenspraak.http;

import io.javalin.http.Context;

import java.util.Map;

/** Strict headers on every response: no inline script, no framing, no sniffing. */
public final class SecurityHeaders {
    private SecurityHeaders() {}

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "media-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    public static final Map<String, String> PAGE_HEADERS = Map.of(
            "Content-Security-Policy", CSP,
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "X-Frame-Options", "DENY");

    public static void apply(Context ctx) {
        PAGE_HEADERS.forEach(ctx::header);
        if (ctx.path().startsWith("/api/")) ctx.header("Cache-Control", "no-store");
    }
}
