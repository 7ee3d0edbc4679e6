package nl.samenspraak.project;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import nl.samenspraak.account.Access;
import nl.samenspraak.account.AccountService;
import nl.samenspraak.account.Role;
import nl.samenspraak.account.User;
import nl.samenspraak.http.ApiException;
import nl.samenspraak.http.Requests;

/** /api/projects: create and list projects, settings, members. */
public final class ProjectRoutes {
    private final ProjectService projects;
    private final AccountService accounts;
    private final Access access;

    public ProjectRoutes(ProjectService projects, AccountService accounts, Access access) {
        this.projects = projects;
        this.accounts = accounts;
        this.access = access;
    }

    public void register(RoutesConfig r) {
        r.get("/api/projects", ctx -> ctx.json(projects.listFor(access.user(ctx))));
        r.post("/api/projects", this::create);
        r.get("/api/projects/{projectId}", this::get);
        r.patch("/api/projects/{projectId}", this::update);
        r.get("/api/projects/{projectId}/members", this::members);
        r.post("/api/projects/{projectId}/members", this::addMember);
    }

    private void create(Context ctx) {
        User user = access.user(ctx);
        access.requireSystemAdmin(user);
        ctx.status(201).json(projects.create(Requests.body(ctx, ProjectService.NewProject.class), user.id()));
    }

    private void get(Context ctx) {
        long id = Requests.id(ctx, "projectId");
        access.require(access.user(ctx), id);
        ctx.json(projects.get(id));
    }

    private void update(Context ctx) {
        long id = Requests.id(ctx, "projectId");
        access.require(access.user(ctx), id, Role.ADMIN);
        ctx.json(projects.updateSettings(id, Requests.body(ctx, ProjectService.Settings.class)));
    }

    private void members(Context ctx) {
        long id = Requests.id(ctx, "projectId");
        access.require(access.user(ctx), id, Role.ADMIN, Role.TRAINER, Role.ANALYST);
        ctx.json(projects.members(id));
    }

    private void addMember(Context ctx) {
        long id = Requests.id(ctx, "projectId");
        access.require(access.user(ctx), id, Role.ADMIN);
        var req = Requests.body(ctx, ProjectService.NewMember.class);
        User member = accounts.findByName(req.userName() == null ? "" : req.userName().strip())
                .orElseThrow(() -> ApiException.badRequest("Field 'userName': there is no user '" + req.userName() + "'."));
        ctx.status(201).json(projects.putMember(id, member.id(), req.role()));
    }
}
