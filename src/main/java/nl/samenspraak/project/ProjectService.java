package nl.samenspraak.project;

import nl.samenspraak.account.Access;
import nl.samenspraak.account.AccountService;
import nl.samenspraak.account.Role;
import nl.samenspraak.account.User;
import nl.samenspraak.codebook.CodebookService;
import nl.samenspraak.db.Writes;
import nl.samenspraak.http.ApiException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public final class ProjectService {
    private final Jdbi jdbi;
    private final Writes writes;
    private final CodebookService codebooks;
    private final Access access;
    private final AccountService accounts;

    public ProjectService(Jdbi jdbi, Writes writes, CodebookService codebooks, Access access, AccountService accounts) {
        this.jdbi = jdbi;
        this.writes = writes;
        this.codebooks = codebooks;
        this.access = access;
        this.accounts = accounts;
    }

    public record NewProject(String name, String codebookKey, Boolean blindCoding) {}
    public record Settings(String codebookKey, Boolean blindCoding) {}
    public record NewMember(String userName, Role role) {}

    /** Creates a project (system administrators only); its creator becomes a member with the admin role. */
    public Project create(User user, NewProject req) {
        Access.requireSystemAdmin(user);
        return create(req, user.id());
    }

    /** Creates a project without a caller's check (the demo); a creator given becomes a member with the admin role. */
    public Project create(NewProject req, Long creatorId) {
        String name = req.name() == null ? "" : req.name().strip();
        if (name.isEmpty() || name.length() > 200) throw ApiException.badRequest("Field 'name': give a project name of 1 to 200 characters.");
        requireCodebook(req.codebookKey());
        boolean blind = req.blindCoding() == null || req.blindCoding();
        return writes.inTransaction(h -> {
            ProjectDao dao = h.attach(ProjectDao.class);
            if (dao.findByName(name).isPresent()) throw ApiException.conflict("A project named '" + name + "' already exists.");
            String now = Instant.now().toString();
            long id = dao.insert(name, req.codebookKey(), blind, now, creatorId);
            if (creatorId != null) dao.putMember(id, creatorId, Role.ADMIN.key(), now);
            access.membersChanged();
            return dao.find(id).orElseThrow();
        });
    }

    /**
     * The project of that name, or a new one with that codebook, on the caller's handle (so it
     * commits or rolls back with the caller's transaction). An existing project must use that codebook.
     */
    public static long findOrCreate(Handle h, String name, String codebookKey) {
        ProjectDao dao = h.attach(ProjectDao.class);
        Optional<Project> existing = dao.findByName(name);
        if (existing.isPresent()) {
            if (!existing.get().codebookKey().equals(codebookKey)) {
                throw ApiException.badRequest("Project '" + name + "' codes with codebook '" + existing.get().codebookKey()
                        + "', not '" + codebookKey + "'.");
            }
            return existing.get().id();
        }
        return dao.insert(name, codebookKey, true, Instant.now().toString(), null);
    }

    public List<ProjectSummary> listFor(User user) {
        List<Project> projects = jdbi.withExtension(ProjectDao.class, dao -> user.isAdmin() ? dao.all() : dao.forMember(user.id()));
        return projects.stream().map(p -> new ProjectSummary(p.id(), p.name(), p.codebookKey(), p.blindCoding(),
                access.roleIn(user, p.id()).orElseThrow())).toList();
    }

    /** A project, for its members. */
    public Project get(User user, long id) {
        access.require(user, id);
        return get(id);
    }

    public Project get(long id) {
        return jdbi.withExtension(ProjectDao.class, dao -> dao.find(id)).orElseThrow(() -> ApiException.notFound("Project " + id));
    }

    public Optional<Project> findByName(String name) {
        return jdbi.withExtension(ProjectDao.class, dao -> dao.findByName(name));
    }

    /** Changes the settings (the project's admins only). */
    public Project updateSettings(User user, long id, Settings req) {
        access.require(user, id, Role.ADMIN);
        Project p = get(id);
        String key = req.codebookKey() == null ? p.codebookKey() : req.codebookKey();
        requireCodebook(key);
        boolean blind = req.blindCoding() == null ? p.blindCoding() : req.blindCoding();
        writes.useTransaction(h -> h.attach(ProjectDao.class).updateSettings(id, key, blind));
        return get(id);
    }

    /** The members, for the project's admins, trainers and analysts. */
    public List<Member> members(User user, long projectId) {
        access.require(user, projectId, Role.ADMIN, Role.TRAINER, Role.ANALYST);
        return members(projectId);
    }

    /** Adds a member by user name, or changes their role (the project's admins only). */
    public Member addMember(User user, long projectId, NewMember req) {
        access.require(user, projectId, Role.ADMIN);
        User member = accounts.findByName(req.userName() == null ? "" : req.userName().strip())
                .orElseThrow(() -> ApiException.badRequest("Field 'userName': there is no user '" + req.userName() + "'."));
        return putMember(projectId, member.id(), req.role());
    }

    private List<Member> members(long projectId) {
        return jdbi.withExtension(ProjectDao.class, dao -> dao.members(projectId));
    }

    public Member putMember(long projectId, long userId, Role role) {
        if (role == null) throw ApiException.badRequest("Field 'role': must be " + Role.allowed() + ".");
        writes.useTransaction(h -> h.attach(ProjectDao.class).putMember(projectId, userId, role.key(), Instant.now().toString()));
        access.membersChanged();
        return members(projectId).stream().filter(m -> m.userId() == userId).findFirst().orElseThrow();
    }

    private void requireCodebook(String key) {
        if (key == null || key.isBlank()) throw ApiException.badRequest("Field 'codebookKey': name the codebook the project codes with.");
        if (codebooks.latest(key).isEmpty()) throw ApiException.badRequest("Field 'codebookKey': there is no codebook '" + key + "'.");
    }
}
