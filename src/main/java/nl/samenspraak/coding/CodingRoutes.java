package nl.samenspraak.coding;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import nl.samenspraak.account.Access;
import nl.samenspraak.http.ApiException;
import nl.samenspraak.http.Requests;

import java.util.Map;

/** The caller's own codes and ratings: read, put, clear; and the caller's recent changes. */
public final class CodingRoutes {
    public record PutCode(String code, String opId) {}
    public record PutRating(Double value, String opId) {}

    private final CodingService coding;
    private final Access access;

    public CodingRoutes(CodingService coding, Access access) {
        this.coding = coding;
        this.access = access;
    }

    public void register(RoutesConfig r) {
        r.get("/api/transcripts/{transcriptId}/codes", ctx -> ctx.json(coding.myCodes(access.user(ctx), Requests.id(ctx, "transcriptId"))));
        r.put("/api/utterances/{utteranceId}/codes/{dimension}", this::putCode);
        r.delete("/api/utterances/{utteranceId}/codes/{dimension}", this::clearCode);
        r.get("/api/transcripts/{transcriptId}/ratings", ctx -> ctx.json(coding.myRatings(access.user(ctx), Requests.id(ctx, "transcriptId"))));
        r.put("/api/transcripts/{transcriptId}/ratings/{scale}/{item}", this::putRating);
        r.delete("/api/transcripts/{transcriptId}/ratings/{scale}/{item}", this::clearRating);
        r.get("/api/transcripts/{transcriptId}/changes", this::changes);
        r.get("/api/transcripts/{transcriptId}/changes/last", ctx -> ctx.json(
                Map.of("lastChangeId", coding.myLastChangeId(access.user(ctx), Requests.id(ctx, "transcriptId")))));
        r.get("/api/projects/{projectId}/progress", ctx -> ctx.json(coding.myProgress(access.user(ctx), Requests.id(ctx, "projectId"))));
    }

    private void putCode(Context ctx) {
        PutCode req = Requests.body(ctx, PutCode.class);
        if (req.code() == null || req.code().isBlank()) throw ApiException.badRequest("coding.codeMissing", "Field 'code': name the code to set (DELETE clears it).");
        ctx.json(coding.saveCode(access.user(ctx), Requests.id(ctx, "utteranceId"), ctx.pathParam("dimension"), req.code(), req.opId()));
    }

    private void clearCode(Context ctx) {
        ctx.json(coding.saveCode(access.user(ctx), Requests.id(ctx, "utteranceId"), ctx.pathParam("dimension"), null, ctx.queryParam("opId")));
    }

    private void putRating(Context ctx) {
        PutRating req = Requests.body(ctx, PutRating.class);
        if (req.value() == null) throw ApiException.badRequest("coding.valueMissing", "Field 'value': give the rating as a number (DELETE clears it).");
        ctx.json(coding.saveRating(access.user(ctx), Requests.id(ctx, "transcriptId"), ctx.pathParam("scale"), ctx.pathParam("item"), req.value(), req.opId()));
    }

    private void clearRating(Context ctx) {
        ctx.json(coding.saveRating(access.user(ctx), Requests.id(ctx, "transcriptId"), ctx.pathParam("scale"), ctx.pathParam("item"), null, ctx.queryParam("opId")));
    }

    private void changes(Context ctx) {
        long after = ctx.queryParamAsClass("after", Long.class).getOrDefault(0L);
        ctx.json(coding.myChangesSince(access.user(ctx), Requests.id(ctx, "transcriptId"), after));
    }
}
