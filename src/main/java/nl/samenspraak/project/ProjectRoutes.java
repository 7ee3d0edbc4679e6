package nl.samenspraak.project;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import nl.samenspraak.account.Access;
import nl.samenspraak.http.Requests;

/** /api/projects: create and list projects, settings, members. */
public final class ProjectRoutes {
    public record RoleChange(nl.samenspraak.account.Role role) {}

    private final ProjectService projects;
    private final MemberService members;
    private final Access access;

    public ProjectRoutes(ProjectService projects, MemberService members, Access access) {
        this.projects = projects;
        this.members = members;
        this.access = access;
    }

    public void register(RoutesConfig r) {
        r.get("/api/projects", ctx -> ctx.json(projects.listFor(access.user(ctx))));
        r.post("/api/projects", ctx -> ctx.status(201).json(projects.create(access.user(ctx), Requests.body(ctx, ProjectService.NewProject.class))));
        r.get("/api/projects/{projectId}", ctx -> ctx.json(projects.get(access.user(ctx), id(ctx))));
        r.patch("/api/projects/{projectId}", ctx -> ctx.json(projects.updateSettings(access.user(ctx), id(ctx),
                Requests.body(ctx, ProjectService.Settings.class))));
        r.get("/api/projects/{projectId}/settings", ctx -> ctx.json(projects.settings(access.user(ctx), id(ctx))));
        r.get("/api/projects/{projectId}/members", ctx -> ctx.json(members.list(access.user(ctx), id(ctx))));
        r.get("/api/projects/{projectId}/candidates", ctx -> ctx.json(members.candidates(access.user(ctx), id(ctx))));
        r.post("/api/projects/{projectId}/members", this::addMember);
        r.put("/api/projects/{projectId}/members/{userId}", ctx -> ctx.json(members.changeRole(access.user(ctx), id(ctx),
                Requests.id(ctx, "userId"), Requests.body(ctx, RoleChange.class).role())));
        r.delete("/api/projects/{projectId}/members/{userId}", ctx -> {
            members.remove(access.user(ctx), id(ctx), Requests.id(ctx, "userId"));
            ctx.status(204);
        });
    }

    private static long id(Context ctx) {
        return Requests.id(ctx, "projectId");
    }

    private void addMember(Context ctx) {
        var req = Requests.body(ctx, ProjectService.NewMember.class);
        ctx.status(201).json(members.add(access.user(ctx), id(ctx), req.userName(), req.role()));
    }
}
