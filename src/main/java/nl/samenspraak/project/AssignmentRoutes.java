package nl.samenspraak.project;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import nl.samenspraak.account.Access;
import nl.samenspraak.account.Role;
import nl.samenspraak.account.User;
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
        r.get("/api/projects/{projectId}/assignments", ctx -> ctx.json(assignments.grid(admin(ctx))));
        r.put("/api/projects/{projectId}/assignments", this::put);
        r.delete("/api/projects/{projectId}/assignments/{transcriptId}/{userId}", this::delete);
        r.post("/api/projects/{projectId}/assignments/rule", this::rule);
    }

    private long admin(Context ctx) {
        long projectId = Requests.id(ctx, "projectId");
        access.require(access.user(ctx), projectId, Role.ADMIN);
        return projectId;
    }

    private void put(Context ctx) {
        long projectId = admin(ctx);
        User user = access.user(ctx);
        ctx.json(assignments.put(projectId, Requests.body(ctx, AssignmentService.NewAssignments.class), user.id()));
    }

    private void delete(Context ctx) {
        long projectId = admin(ctx);
        assignments.delete(projectId, Requests.id(ctx, "transcriptId"), Requests.id(ctx, "userId"));
        ctx.status(204);
    }

    private void rule(Context ctx) {
        long projectId = admin(ctx);
        User user = access.user(ctx);
        ctx.json(assignments.applyRule(projectId, Requests.body(ctx, AssignmentService.NewRule.class), user.id()));
    }
}
