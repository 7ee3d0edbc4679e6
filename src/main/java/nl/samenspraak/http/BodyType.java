package nl.samenspraak.http;

import io.javalin.security.RouteRole;

/**
 * What a state-changing route takes besides JSON, marked on the route ({@code r.post(path, handler,
 * BodyType.UPLOAD)}) and read by {@link SameOrigin}: an upload takes a multipart form or a raw body
 * of any type (a transcript, a recording, a codebook file). Every other such route takes JSON only.
 */
public enum BodyType implements RouteRole {
    UPLOAD
}
