package nl.samenspraak.project;

import nl.samenspraak.account.Access;
import nl.samenspraak.account.AccountService;
import nl.samenspraak.account.Role;
import nl.samenspraak.account.User;
import nl.samenspraak.db.Writes;
import nl.samenspraak.http.ApiException;
import nl.samenspraak.transcript.UnitCopies;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.List;

/**
 * A project's members and their roles. Removing a member ends their access, not their work: their
 * codes, ratings and change-log rows stay, attributed to them. A project keeps at least one member
 * with the admin role once it has one, so that someone besides the system administrators can run it:
 * removing or demoting the last one is refused with a sentence.
 */
public final class MemberService {
    private final Jdbi jdbi;
    private final Writes writes;
    private final AccountService accounts;
    private final Access access;
    private final UnitCopies copies;

    public MemberService(Jdbi jdbi, Writes writes, AccountService accounts, Access access, UnitCopies copies) {
        this.jdbi = jdbi;
        this.writes = writes;
        this.accounts = accounts;
        this.access = access;
        this.copies = copies;
    }

    public List<Member> list(User caller, long projectId) {
        access.require(caller, projectId, Role.ADMIN, Role.TRAINER, Role.ANALYST);
        return jdbi.withExtension(ProjectDao.class, dao -> dao.members(projectId));
    }

    /** Active users who are not members yet, for the members page's choice. */
    public List<ProjectDao.Candidate> candidates(User caller, long projectId) {
        access.require(caller, projectId, Role.ADMIN);
        return jdbi.withExtension(ProjectDao.class, dao -> dao.candidates(projectId));
    }

    /** Adds an existing user by name with a role (a member already: their role changes). */
    public Member add(User caller, long projectId, String userName, Role role) {
        access.require(caller, projectId, Role.ADMIN);
        if (role == null) throw ApiException.badRequest("account.roleMissing", "Field 'role': must be " + Role.allowed() + ".");
        User user = accounts.findByName(userName)
                .orElseThrow(() -> ApiException.badRequest("project.noSuchUser", "Field 'userName': there is no user '" + userName + "'.")
                        .with("name", String.valueOf(userName)));
        if (!accounts.account(user.id()).map(a -> a.active()).orElse(false)) {
            throw ApiException.badRequest("project.memberDeactivated", "Field 'userName': '" + user.name()
                    + "' is deactivated; reactivate them on the Users page first.").with("name", user.name());
        }
        return put(projectId, user.id(), role);
    }

    public Member changeRole(User caller, long projectId, long userId, Role role) {
        access.require(caller, projectId, Role.ADMIN);
        if (role == null) throw ApiException.badRequest("account.roleMissing", "Field 'role': must be " + Role.allowed() + ".");
        member(projectId, userId);
        return put(projectId, userId, role);
    }

    /** Ends the user's membership; their codes stay theirs. */
    public void remove(User caller, long projectId, long userId) {
        access.require(caller, projectId, Role.ADMIN);
        writes.useTransaction(h -> {
            ProjectDao dao = h.attach(ProjectDao.class);
            Member m = find(dao, projectId, userId);
            keepAnAdmin(dao, projectId, m, null);
            dao.removeMember(projectId, userId);
        });
        access.membersChanged();
    }

    private Member put(long projectId, long userId, Role role) {
        Member done = writes.inTransaction(h -> {
            ProjectDao dao = h.attach(ProjectDao.class);
            Member before = dao.members(projectId).stream().filter(m -> m.userId() == userId).findFirst().orElse(null);
            if (before != null) keepAnAdmin(dao, projectId, before, role);
            dao.putMember(projectId, userId, role.key(), Instant.now().toString());
            return find(dao, projectId, userId);
        });
        access.membersChanged();
        // A coder joining a project where coders unitize independently gets their own copies at once.
        if (role == Role.CODER) copies.ensureFor(projectId, userId);
        return done;
    }

    private static void keepAnAdmin(ProjectDao dao, long projectId, Member m, Role newRole) {
        if (m.role() == Role.ADMIN && newRole != Role.ADMIN && dao.adminMembers(projectId) <= 1) {
            throw ApiException.conflict("project.lastAdmin", "'" + m.name() + "' is the last administrator of this project;"
                    + " make another member administrator first, so that someone can still manage it.").with("name", m.name());
        }
    }

    private Member member(long projectId, long userId) {
        return jdbi.withExtension(ProjectDao.class, dao -> find(dao, projectId, userId));
    }

    private static Member find(ProjectDao dao, long projectId, long userId) {
        return dao.members(projectId).stream().filter(m -> m.userId() == userId).findFirst()
                .orElseThrow(() -> ApiException.notFound("project.memberNotFound", "Member " + userId + " of this project").with("userId", userId));
    }
}
