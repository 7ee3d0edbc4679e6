package nl.samenspraak.coding;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import nl.samenspraak.account.Access;
import nl.samenspraak.http.Requests;

/**
 * What admins oversee: the change history of a unit, a transcript or a project (optionally one
 * coder), as JSON pages or one CSV; and everyone's progress.
 */
public final class AuditRoutes {
    private final HistoryService history;
    private final TeamProgress progress;
    private final Access access;

    public AuditRoutes(HistoryService history, TeamProgress progress, Access access) {
        this.history = history;
        this.progress = progress;
        this.access = access;
    }

    public void register(RoutesConfig r) {
        r.get("/api/utterances/{utteranceId}/history", ctx -> page(ctx, HistoryService.Scope.utterance(Requests.id(ctx, "utteranceId"))));
        r.get("/api/transcripts/{transcriptId}/history", ctx -> page(ctx, HistoryService.Scope.transcript(Requests.id(ctx, "transcriptId"))));
        r.get("/api/projects/{projectId}/history", ctx -> page(ctx, projectScope(ctx)));
        r.get("/api/utterances/{utteranceId}/history.csv", ctx -> csv(ctx, HistoryService.Scope.utterance(Requests.id(ctx, "utteranceId")), "utterance-" + ctx.pathParam("utteranceId")));
        r.get("/api/transcripts/{transcriptId}/history.csv", ctx -> csv(ctx, HistoryService.Scope.transcript(Requests.id(ctx, "transcriptId")), "transcript-" + ctx.pathParam("transcriptId")));
        r.get("/api/projects/{projectId}/history.csv", ctx -> csv(ctx, projectScope(ctx), "project-" + ctx.pathParam("projectId")));
        r.get("/api/projects/{projectId}/progress/all", ctx -> ctx.json(progress.all(access.user(ctx), Requests.id(ctx, "projectId"))));
    }

    private static HistoryService.Scope projectScope(Context ctx) {
        return HistoryService.Scope.project(Requests.id(ctx, "projectId"), ctx.queryParam("coder") == null ? null : ctx.queryParamAsClass("coder", Long.class).get());
    }

    private void page(Context ctx, HistoryService.Scope scope) {
        long after = ctx.queryParamAsClass("after", Long.class).getOrDefault(0L);
        int limit = ctx.queryParamAsClass("limit", Integer.class).getOrDefault(HistoryService.DEFAULT_LIMIT);
        ctx.json(history.page(access.user(ctx), scope, after, limit));
    }

    private void csv(Context ctx, HistoryService.Scope scope, String name) throws java.io.IOException {
        var writer = history.csv(access.user(ctx), scope);
        ctx.header("Content-Disposition", "attachment; filename=\"history-" + name + ".csv\"");
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/csv; charset=utf-8");
        writer.accept(ctx.outputStream());
        ctx.outputStream().flush();
    }
}
