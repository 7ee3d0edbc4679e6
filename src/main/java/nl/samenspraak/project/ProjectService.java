package nl.samenspraak.project;

import nl.samenspraak.account.Access;
import nl.samenspraak.account.Role;
import nl.samenspraak.account.User;
import nl.samenspraak.codebook.CodebookService;
import nl.samenspraak.db.Writes;
import nl.samenspraak.http.ApiException;
import nl.samenspraak.transcript.UnitCopies;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Projects and their settings: name, codebook, blind coding, calibration threshold. */
public final class ProjectService {
    private final Jdbi jdbi;
    private final Writes writes;
    private final CodebookService codebooks;
    private final Access access;
    /** Coders' own copies of recordings, made when 'unitizing: independent' is chosen; null where settings do not change. */
    private final UnitCopies copies;

    /** Without coders' copies: for the command line's import, which changes no setting. */
    public ProjectService(Jdbi jdbi, Writes writes, CodebookService codebooks, Access access) {
        this(jdbi, writes, codebooks, access, null);
    }

    public ProjectService(Jdbi jdbi, Writes writes, CodebookService codebooks, Access access, UnitCopies copies) {
        this.jdbi = jdbi;
        this.writes = writes;
        this.codebooks = codebooks;
        this.access = access;
        this.copies = copies;
    }

    public record NewProject(String name, String codebookKey, Boolean blindCoding, Double calibrationThreshold) {
        public NewProject(String name, String codebookKey, Boolean blindCoding) { this(name, codebookKey, blindCoding, null); }
    }
    /** A change of settings; a field left out (null) stays as it is. */
    public record Settings(String name, String codebookKey, Boolean blindCoding, Double calibrationThreshold,
                           String unitizing, String unitsAfterCoding) {}
    public record NewMember(String userName, Role role) {}

    /** A system administrator's new project; they become its first member, with the admin role. */
    public Project create(User caller, NewProject req) {
        Access.requireSystemAdmin(caller);
        return create(req, caller.id());
    }

    /** Creates a project (demo data, tests); its creator, if any, becomes a member with the admin role. */
    public Project create(NewProject req, Long creatorId) {
        String name = cleanName(req.name());
        requireCodebook(req.codebookKey());
        if (req.calibrationThreshold() != null) requireThreshold(req.calibrationThreshold());
        boolean blind = req.blindCoding() == null || req.blindCoding();
        return writes.inTransaction(h -> {
            ProjectDao dao = h.attach(ProjectDao.class);
            if (dao.findByName(name).isPresent()) throw ApiException.conflict("project.nameTaken", "A project named '" + name + "' already exists.").with("name", name);
            String now = Instant.now().toString();
            long id = dao.insert(name, req.codebookKey(), blind, now, creatorId);
            if (creatorId != null) dao.putMember(id, creatorId, Role.ADMIN.key(), now);
            if (req.calibrationThreshold() != null) dao.setThreshold(id, req.calibrationThreshold());
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
                throw ApiException.badRequest("project.otherCodebook", "Project '" + name + "' codes with codebook '" + existing.get().codebookKey()
                        + "', not '" + codebookKey + "'.").with("project", name).with("codebook", existing.get().codebookKey()).with("given", codebookKey);
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
        return jdbi.withExtension(ProjectDao.class, dao -> dao.find(id)).orElseThrow(() -> ApiException.notFound("project.notFound", "Project " + id).with("id", id));
    }

    public Optional<Project> findByName(String name) {
        return jdbi.withExtension(ProjectDao.class, dao -> dao.findByName(name));
    }

    /** The settings with what a codebook change would touch; for the project's administrators. */
    public ProjectSettings settings(User caller, long id) {
        access.require(caller, id, Role.ADMIN);
        return settings(id);
    }

    public ProjectSettings updateSettings(User caller, long id, Settings req) {
        access.require(caller, id, Role.ADMIN);
        Project p = get(id);
        String name = req.name() == null ? p.name() : cleanName(req.name());
        String key = req.codebookKey() == null ? p.codebookKey() : req.codebookKey();
        requireCodebook(key);
        if (req.calibrationThreshold() != null) requireThreshold(req.calibrationThreshold());
        boolean blind = req.blindCoding() == null ? p.blindCoding() : req.blindCoding();
        if (req.unitizing() != null) requireChoice("unitizing", req.unitizing(), ProjectSettings.UNITIZING);
        if (req.unitsAfterCoding() != null) requireChoice("unitsAfterCoding", req.unitsAfterCoding(), ProjectSettings.UNITS_AFTER_CODING);
        writes.useTransaction(h -> {
            ProjectDao dao = h.attach(ProjectDao.class);
            if (dao.findByName(name).filter(other -> other.id() != id).isPresent()) {
                throw ApiException.conflict("project.nameTaken", "A project named '" + name + "' already exists.").with("name", name);
            }
            dao.updateSettings(id, name, key, blind);
            if (req.calibrationThreshold() != null) dao.setThreshold(id, req.calibrationThreshold());
            ProjectDao.UnitRules rules = dao.unitRules(id).orElseThrow();
            dao.setUnitRules(id, req.unitizing() != null ? req.unitizing() : rules.unitizing(),
                    req.unitsAfterCoding() != null ? req.unitsAfterCoding() : rules.unitsAfterCoding());
        });
        // Each coder already in the project gets their own copy of every recording now, not only once they open a list.
        if (copies != null && "independent".equals(req.unitizing())) copies.ensureProject(id);
        return settings(id);
    }

    private ProjectSettings settings(long id) {
        Project p = get(id);
        return jdbi.withExtension(ProjectDao.class, dao -> {
            List<ProjectSettings.CodedWith> coded = dao.codedWith(id);
            String version = codebooks.latest(p.codebookKey()).map(c -> c.version()).orElse(null);
            return new ProjectSettings(p.id(), p.name(), p.codebookKey(), version, p.blindCoding(),
                    dao.threshold(id).orElse(ProjectSettings.DEFAULT_THRESHOLD), p.createdAt(),
                    coded.stream().mapToLong(ProjectSettings.CodedWith::codes).sum(),
                    coded.stream().mapToLong(ProjectSettings.CodedWith::ratings).sum(), coded,
                    dao.unitRules(id).map(ProjectDao.UnitRules::unitizing).orElse("staff"),
                    dao.unitRules(id).map(ProjectDao.UnitRules::unitsAfterCoding).orElse("locked"));
        });
    }

    /** Adds or changes a member without a role check (demo data; the members page goes through {@link MemberService}). */
    public Member putMember(long projectId, long userId, Role role) {
        if (role == null) throw ApiException.badRequest("account.roleMissing", "Field 'role': must be " + Role.allowed() + ".");
        writes.useTransaction(h -> h.attach(ProjectDao.class).putMember(projectId, userId, role.key(), Instant.now().toString()));
        access.membersChanged();
        return jdbi.withExtension(ProjectDao.class, dao -> dao.members(projectId)).stream()
                .filter(m -> m.userId() == userId).findFirst().orElseThrow();
    }

    private static String cleanName(String raw) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty() || name.length() > 200) {
            throw ApiException.badRequest("project.nameLength", "Field 'name': give a project name of 1 to 200 characters.").with("max", 200);
        }
        return name;
    }

    private void requireCodebook(String key) {
        if (key == null || key.isBlank()) throw ApiException.badRequest("project.codebookMissing", "Field 'codebookKey': name the codebook the project codes with.");
        if (codebooks.latest(key).isEmpty()) throw ApiException.badRequest("project.noSuchCodebook", "Field 'codebookKey': there is no codebook '" + key + "'.").with("codebook", key);
    }

    private static void requireChoice(String field, String value, List<String> allowed) {
        if (!allowed.contains(value)) {
            throw ApiException.badRequest("project.badChoice", "Field '" + field + "': give one of " + String.join(", ", allowed) + "; '" + value + "' is not one.")
                    .with("field", field).with("allowed", String.join(", ", allowed)).with("value", value);
        }
    }

    private static void requireThreshold(double kappa) {
        if (Double.isNaN(kappa) || kappa < -1 || kappa > 1) {
            throw ApiException.badRequest("project.badThreshold", "Field 'calibrationThreshold': give the kappa a trainee must reach, from -1 to 1; got "
                    + kappa + ".").with("value", String.valueOf(kappa));
        }
    }
}
