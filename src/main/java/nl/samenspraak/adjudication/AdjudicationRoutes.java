package nl.samenspraak.adjudication;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import nl.samenspraak.account.Access;
import nl.samenspraak.http.ApiException;
import nl.samenspraak.http.Requests;
import nl.samenspraak.report.Selection;

/** Adjudication of a transcript: the coders side by side, and the consensus code per unit and dimension. */
public final class AdjudicationRoutes {
    public record PutConsensus(String code, Long fromCoder, String comment, String opId) {}

    private final AdjudicationService adjudication;
    private final Access access;

    public AdjudicationRoutes(AdjudicationService adjudication, Access access) {
        this.adjudication = adjudication;
        this.access = access;
    }

    public void register(RoutesConfig r) {
        r.get("/api/transcripts/{transcriptId}/adjudication", this::view);
        r.put("/api/transcripts/{transcriptId}/consensus/{utteranceId}/{dimension}", this::put);
        r.delete("/api/transcripts/{transcriptId}/consensus/{utteranceId}/{dimension}", this::clear);
        r.post("/api/transcripts/{transcriptId}/consensus/agreements", this::acceptAgreements);
    }

    private void acceptAgreements(Context ctx) {
        var coders = Selection.parse(ctx.queryParam("coders"), null, null, null, null).coders();
        int taken = adjudication.acceptAgreements(access.user(ctx), Requests.id(ctx, "transcriptId"), coders);
        ctx.json(java.util.Map.of("accepted", taken));
    }

    private void view(Context ctx) {
        String only = ctx.queryParam("only");
        if (only != null && !only.isBlank() && !only.equals("disagreements")) {
            throw ApiException.badRequest("adjudication.badOnly", "Parameter 'only': use 'disagreements', or leave it out for every unit; got '" + only + "'.")
                    .with("value", only);
        }
        var coders = Selection.parse(ctx.queryParam("coders"), null, null, null, null).coders();
        ctx.json(adjudication.view(access.user(ctx), Requests.id(ctx, "transcriptId"), coders, only != null && !only.isBlank()));
    }

    private void put(Context ctx) {
        PutConsensus req = Requests.body(ctx, PutConsensus.class);
        ctx.json(adjudication.set(access.user(ctx), Requests.id(ctx, "transcriptId"), Requests.id(ctx, "utteranceId"), ctx.pathParam("dimension"),
                req.code(), req.fromCoder(), req.comment(), req.opId(), false));
    }

    private void clear(Context ctx) {
        ctx.json(adjudication.set(access.user(ctx), Requests.id(ctx, "transcriptId"), Requests.id(ctx, "utteranceId"), ctx.pathParam("dimension"),
                null, null, ctx.queryParam("comment"), ctx.queryParam("opId"), true));
    }
}
