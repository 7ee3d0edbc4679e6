package nl.samenspraak.reliability;

import io.javalin.config.RoutesConfig;
import nl.samenspraak.account.Access;
import nl.samenspraak.http.Requests;
import nl.samenspraak.report.ReportRoutes;

/**
 * GET /api/projects/{id}/reliability?coders=3,4&amp;transcripts=1,2&amp;bootstrap=1000&amp;seed=1, and
 * GET /api/projects/{id}/reliability/unitizing (the same selection): alpha_U of recordings coders unitized independently.
 */
public final class ReliabilityRoutes {
    private final ReliabilityService reliability;
    private final Access access;

    public ReliabilityRoutes(ReliabilityService reliability, Access access) {
        this.reliability = reliability;
        this.access = access;
    }

    public void register(RoutesConfig r) {
        r.get("/api/projects/{projectId}/reliability", ctx -> ctx.json(
                reliability.project(access.user(ctx), Requests.id(ctx, "projectId"), ReportRoutes.selection(ctx))));
        r.get("/api/projects/{projectId}/reliability/unitizing", ctx -> ctx.json(
                reliability.unitizing(access.user(ctx), Requests.id(ctx, "projectId"), ReportRoutes.selection(ctx))));
    }
}
