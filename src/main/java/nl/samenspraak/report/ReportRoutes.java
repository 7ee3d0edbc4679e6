package nl.samenspraak.report;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import nl.samenspraak.account.Access;
import nl.samenspraak.http.Requests;

/** Session reports: one transcript (every coder), or the whole project (every session, every coder). */
public final class ReportRoutes {
    private final ReportService reports;
    private final Access access;

    public ReportRoutes(ReportService reports, Access access) {
        this.reports = reports;
        this.access = access;
    }

    public void register(RoutesConfig r) {
        r.get("/api/transcripts/{transcriptId}/report", ctx -> ctx.json(reports.transcript(access.user(ctx), Requests.id(ctx, "transcriptId"),
                selection(ctx).dataset())));
        r.get("/api/projects/{projectId}/report", ctx -> ctx.json(reports.project(access.user(ctx), Requests.id(ctx, "projectId"), selection(ctx))));
    }

    /** The selection query parameters every read route of a project takes. */
    public static Selection selection(Context ctx) {
        return Selection.parse(ctx.queryParam("coders"), ctx.queryParam("transcripts"), ctx.queryParam("bootstrap"),
                ctx.queryParam("seed"), ctx.queryParam("lang"), ctx.queryParam("dataset"));
    }
}
