package nl.samenspraak.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Requests from other origins are refused: every state-changing request (POST, PUT, PATCH, DELETE)
 * must come from this server's own pages, and must carry JSON unless its route takes uploads
 * ({@link BodyType#UPLOAD}). A browser says where a request comes from in {@code Sec-Fetch-Site}
 * (only {@code same-origin} passes) or, older ones, in {@code Origin} (it must name this server:
 * the {@code Host} the request was sent to, or an origin configured for a proxy in front). A request
 * with neither is refused too, so scripts send {@code Origin}. A page on another port of the same
 * host, or on a sibling sub-domain, is "same-site" to the browser and gets the SameSite=Strict
 * cookie; this check is what keeps its form posts and {@code no-cors} fetches out.
 * docs/security.md: "Requests from other origins".
 */
public final class SameOrigin {
    private static final Set<HandlerType> CHANGING = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

    private final List<String> configured;

    /** {@code configured}: origins besides the Host a request was sent to, e.g. {@code https://samenspraak.example.nl}. */
    public SameOrigin(List<String> configured) {
        this.configured = configured.stream().map(o -> o.strip().toLowerCase(Locale.ROOT).replaceAll("/+$", "")).toList();
    }

    /** Before-matched handler for /api/*. */
    public void check(Context ctx) {
        if (!CHANGING.contains(ctx.method())) return;
        String site = ctx.header("Sec-Fetch-Site");
        String origin = ctx.header("Origin");
        if (site != null && !site.equalsIgnoreCase("same-origin")) {
            throw ApiException.forbidden("request.otherSite", "This request came from another site (" + site
                    + "); changes are accepted from this server's own pages only.").with("site", site);
        }
        if (site == null && origin == null) {
            throw ApiException.forbidden("request.noOrigin", "The request has no Origin header; send 'Origin: <the server's address>' with every change.");
        }
        if (site == null && !own(origin, ctx.header("Host"))) {
            throw ApiException.forbidden("request.otherOrigin", "The request came from " + origin
                    + "; changes are accepted from this server's own pages only.").with("origin", origin);
        }
        if (!ctx.routeRoles().contains(BodyType.UPLOAD) && !json(ctx)) {
            if (ctx.contentType() == null) {
                throw ApiException.forbidden("request.notJsonUntyped", "Send the request body as JSON (Content-Type: application/json); it was sent without a type.");
            }
            throw ApiException.forbidden("request.notJson", "Send the request body as JSON (Content-Type: application/json); it was '"
                    + ctx.contentType() + "'.").with("type", ctx.contentType());
        }
    }

    /** JSON, or (for DELETE) no body at all: a cross-origin DELETE always needs a preflight, which this server never grants. */
    private static boolean json(Context ctx) {
        String type = ctx.contentType();
        if (type == null) return ctx.method() == HandlerType.DELETE && ctx.req().getContentLengthLong() <= 0;
        return type.toLowerCase(Locale.ROOT).split(";")[0].strip().equals("application/json");
    }

    private boolean own(String origin, String host) {
        String o = origin.strip().toLowerCase(Locale.ROOT);
        if (configured.contains(o)) return true;
        if (host == null) return false;
        // The common case without parsing two URIs per request: the origin is the scheme and the Host as sent
        // (a plain host name or address, and a port), which the comparison below would accept too.
        String scheme = o.startsWith("https://") ? "https://" : o.startsWith("http://") ? "http://" : null;
        if (scheme != null && plain(host) && o.length() == scheme.length() + host.length() && o.startsWith(host, scheme.length())) return true;
        try {
            URI u = URI.create(o);
            if (u.getHost() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https"))) return false;
            int port = u.getPort() < 0 ? defaultPort(u.getScheme()) : u.getPort();
            URI h = URI.create(u.getScheme() + "://" + host.strip().toLowerCase(Locale.ROOT));
            int hostPort = h.getPort() < 0 ? defaultPort(u.getScheme()) : h.getPort();
            return u.getHost().equals(h.getHost()) && port == hostPort;
        } catch (IllegalArgumentException e) {
            return false; // "null", or not an origin at all
        }
    }

    /** A Host of lower-case letters, digits, dots, hyphens and one port: nothing that a URI would read otherwise. */
    private static boolean plain(String host) {
        if (host.isEmpty()) return false;
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == ':')) return false;
        }
        return host.charAt(0) != ':' && host.indexOf(':') == host.lastIndexOf(':') && !host.endsWith(":");
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }
}
