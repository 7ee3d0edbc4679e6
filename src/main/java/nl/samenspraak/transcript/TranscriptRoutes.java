package nl.samenspraak.transcript;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import nl.samenspraak.account.Access;
import nl.samenspraak.account.User;
import nl.samenspraak.codebook.SpeakerRole;
import nl.samenspraak.http.Requests;

import java.util.Map;

/** List, read, re-map speakers of, and delete transcripts (importing: {@link ImportRoutes}). */
public final class TranscriptRoutes {
    private final TranscriptService transcripts;
    private final TranscriptOverview overview;
    private final Access access;

    public TranscriptRoutes(TranscriptService transcripts, TranscriptOverview overview, Access access) {
        this.transcripts = transcripts;
        this.overview = overview;
        this.access = access;
    }

    public void register(RoutesConfig r) {
        r.get("/api/projects/{projectId}/transcripts", this::list);
        r.get("/api/projects/{projectId}/transcripts/overview", ctx -> ctx.json(overview.list(access.user(ctx), Requests.id(ctx, "projectId"))));
        r.get("/api/transcripts/{transcriptId}", this::get);
        r.put("/api/transcripts/{transcriptId}/speakers", this::setSpeakers);
        r.delete("/api/transcripts/{transcriptId}", this::delete);
    }

    private void list(Context ctx) {
        ctx.json(transcripts.list(access.user(ctx), Requests.id(ctx, "projectId")));
    }

    private void get(Context ctx) {
        ctx.json(transcripts.read(access.user(ctx), Requests.id(ctx, "transcriptId")));
    }

    private void setSpeakers(Context ctx) {
        User user = access.user(ctx);
        Map<String, SpeakerRole> roles = ImportForm.roleObject(ctx.body());
        ctx.json(transcripts.setRoles(user, Requests.id(ctx, "transcriptId"), roles));
    }

    private void delete(Context ctx) {
        transcripts.delete(access.user(ctx), Requests.id(ctx, "transcriptId"));
        ctx.status(204);
    }
}
