package nl.samenspraak.project;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import nl.samenspraak.account.Access;
import nl.samenspraak.http.Requests;

/** /api/projects/{id}/assignments: the coder &times; transcript grid, set by hand or by rule; admins only. */
public final class AssignmentRoutes {
    private final AssignmentService assignments;
    private final Access access;

    public AssignmentRoutes(AssignmentService assignments, Access access) {
        this.assignments = assignments;
        this.access = access;
    }

    public void register(RoutesConfig r) {
        r.get("/api/projects/{projectId}/assignments", ctx -> ctx.json(assignments.grid(access.user(ctx), project(ctx))));
        r.put("/api/projects/{projectId}/assignments", ctx -> ctx.json(assignments.put(access.user(ctx), project(ctx),
                Requests.body(ctx, AssignmentService.NewAssignments.class))));
        r.delete("/api/projects/{projectId}/assignments/{transcriptId}/{userId}", this::delete);
        r.post("/api/projects/{projectId}/assignments/rule", ctx -> ctx.json(assignments.applyRule(access.user(ctx), project(ctx),
                Requests.body(ctx, AssignmentService.NewRule.class))));
    }

    private void delete(Context ctx) {
        assignments.delete(access.user(ctx), project(ctx), Requests.id(ctx, "transcriptId"), Requests.id(ctx, "userId"));
        ctx.status(204);
    }

    private static long project(Context ctx) {
        return Requests.id(ctx, "projectId");
    }
}
