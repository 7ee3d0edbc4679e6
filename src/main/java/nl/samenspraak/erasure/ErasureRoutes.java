package nl.samenspraak.erasure;

import io.javalin.config.RoutesConfig;
import nl.samenspraak.account.Access;
import nl.samenspraak.http.Requests;

/** GET (what would go) and POST (erase) /api/transcripts/{id}/erasure: admins of the transcript's project. */
public final class ErasureRoutes {
    public record EraseRequest(String reason, String confirmName) {}

    private final ErasureService erasure;
    private final Access access;

    public ErasureRoutes(ErasureService erasure, Access access) {
        this.erasure = erasure;
        this.access = access;
    }

    public void register(RoutesConfig r) {
        r.get("/api/transcripts/{transcriptId}/erasure", ctx -> ctx.json(erasure.preview(access.user(ctx), Requests.id(ctx, "transcriptId"))));
        r.post("/api/transcripts/{transcriptId}/erasure", ctx -> {
            EraseRequest req = Requests.body(ctx, EraseRequest.class);
            ctx.json(erasure.erase(access.user(ctx), Requests.id(ctx, "transcriptId"), req.reason(), req.confirmName()));
        });
    }
}
