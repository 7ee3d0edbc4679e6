package nl.samenspraak.http;

import io.javalin.http.Context;

import java.util.Objects;

/** Reading client input at the edge: malformed JSON or a bad path parameter becomes a 400, never a 500. */
public final class Requests {
    private Requests() {}

    public static <T> T body(Context ctx, Class<T> type) {
        return ctx.bodyValidator(type).check(Objects::nonNull, "the request body must be a JSON object").get();
    }

    public static long id(Context ctx, String name) {
        return ctx.pathParamAsClass(name, Long.class).get();
    }
}
