package nl.samenspraak.project;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import nl.samenspraak.account.Access;
import nl.samenspraak.http.Requests;

/** /api/projects: create and list projects, settings, members. */
public final class ProjectRoutes {
    private final ProjectService projects;
    private final Access access;

    public ProjectRoutes(ProjectService projects, Access access) {
        this.projects = projects;
        this.access = access;
    }

    public void register(RoutesConfig r) {
        r.get("/api/projects", ctx -> ctx.json(projects.listFor(access.user(ctx))));
        r.post("/api/projects", ctx -> ctx.status(201).json(projects.create(access.user(ctx), Requests.body(ctx, ProjectService.NewProject.class))));
        r.get("/api/projects/{projectId}", ctx -> ctx.json(projects.get(access.user(ctx), id(ctx))));
        r.patch("/api/projects/{projectId}", ctx -> ctx.json(projects.updateSettings(access.user(ctx), id(ctx),
                Requests.body(ctx, ProjectService.Settings.class))));
        r.get("/api/projects/{projectId}/members", ctx -> ctx.json(projects.members(access.user(ctx), id(ctx))));
        r.post("/api/projects/{projectId}/members", ctx -> ctx.status(201).json(projects.addMember(access.user(ctx), id(ctx),
                Requests.body(ctx, ProjectService.NewMember.class))));
    }

    private static long id(Context ctx) {
        return Requests.id(ctx, "projectId");
    }
}
