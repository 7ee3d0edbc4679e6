package nl.samenspraak.project;

import nl.samenspraak.account.Access;
import nl.samenspraak.account.Role;
import nl.samenspraak.account.User;
import nl.samenspraak.db.Writes;
import nl.samenspraak.http.ApiException;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which coder codes which transcript: set by hand, pair by pair, or all at once by
 * {@link AssignmentRule}. A project without assignments is open to every coder. Only the project's
 * admins see and set them; only members who code (coder, trainer or admin role) can be given a transcript.
 * Coders' own copies of a recording (independent unitizing) are not in the grid and cannot be assigned: each is
 * open to its coder only; the recording's transcript is assigned, and a coder given it gets their copy of it.
 */
public final class AssignmentService {
    private static final Set<String> CODING_ROLES = Set.of(Role.CODER.key(), Role.TRAINER.key(), Role.ADMIN.key());

    private final Jdbi jdbi;
    private final Writes writes;
    private final Access access;

    public AssignmentService(Jdbi jdbi, Writes writes, Access access) {
        this.jdbi = jdbi;
        this.writes = writes;
        this.access = access;
    }

    public record NewAssignment(Long transcriptId, Long userId) {}
    public record NewAssignments(List<NewAssignment> assignments) {}
    public record NewRule(List<Long> coders, Double secondShare, Long seed) {}
    public record RuleResult(long seed, double secondShare, int transcripts, int doubleCoded, List<AssignmentRule.Pair> pairs, AssignmentGrid grid) {}

    public AssignmentGrid grid(User user, long projectId) {
        access.require(user, projectId, Role.ADMIN);
        return grid(projectId);
    }

    private AssignmentGrid grid(long projectId) {
        return jdbi.withExtension(AssignmentDao.class, dao -> {
            Map<Long, List<Long>> given = new LinkedHashMap<>();
            for (Assignment a : dao.list(projectId)) given.computeIfAbsent(a.transcriptId(), k -> new ArrayList<>()).add(a.userId());
            List<AssignmentGrid.Row> rows = dao.live(projectId).stream()
                    .map(t -> new AssignmentGrid.Row(t.id(), t.name(), given.getOrDefault(t.id(), List.of()))).toList();
            return new AssignmentGrid(!given.isEmpty(), dao.coders(projectId), rows);
        });
    }

    /** Adds the pairs (those already there stay); all or nothing. */
    public AssignmentGrid put(User user, long projectId, NewAssignments req) {
        access.require(user, projectId, Role.ADMIN);
        long by = user.id();
        if (req.assignments() == null || req.assignments().isEmpty()) {
            throw ApiException.badRequest("assignment.listMissing", "Field 'assignments': give a list of {transcriptId, userId} pairs.");
        }
        writes.useTransaction(h -> {
            AssignmentDao dao = h.attach(AssignmentDao.class);
            Set<Long> live = liveIds(dao, projectId);
            String now = Instant.now().toString();
            for (int i = 0; i < req.assignments().size(); i++) {
                NewAssignment a = req.assignments().get(i);
                String field = "Field 'assignments[" + i + "]";
                if (a == null || a.transcriptId() == null || a.userId() == null) throw ApiException.badRequest("assignment.pairIncomplete", field + "': give transcriptId and userId.").with("index", i);
                if (dao.isUnitCopy(projectId, a.transcriptId())) throw ApiException.badRequest("assignment.unitCopy", field
                        + ".transcriptId': transcript " + a.transcriptId() + " is a coder's own copy of a recording, open to that coder only; "
                        + "assign the recording's transcript instead.").with("transcriptId", a.transcriptId());
                if (!live.contains(a.transcriptId())) throw ApiException.badRequest("assignment.noSuchTranscript",
                        field + ".transcriptId': the project has no transcript " + a.transcriptId() + ".").with("transcriptId", a.transcriptId());
                requireCoder(dao, projectId, a.userId(), field + ".userId'");
                dao.insert(projectId, a.transcriptId(), a.userId(), now, by);
            }
        });
        return grid(projectId);
    }

    public void delete(User user, long projectId, long transcriptId, long userId) {
        access.require(user, projectId, Role.ADMIN);
        int n = writes.inTransaction(h -> h.attach(AssignmentDao.class).delete(projectId, transcriptId, userId));
        if (n == 0) throw ApiException.notFound("assignment.notFound", "The assignment of transcript " + transcriptId + " to user " + userId)
                .with("transcriptId", transcriptId).with("userId", userId);
    }

    /** Replaces every assignment of the project by the rule's, in one transaction. */
    public RuleResult applyRule(User user, long projectId, NewRule req) {
        access.require(user, projectId, Role.ADMIN);
        long by = user.id();
        if (req.coders() == null || req.coders().isEmpty()) throw ApiException.badRequest("assignment.codersMissing", "Field 'coders': give the ids of the coders to assign.");
        double share = req.secondShare() == null ? 0.2 : req.secondShare();
        if (!(share >= 0 && share <= 1)) throw ApiException.badRequest("assignment.shareOutOfRange", "Field 'secondShare': give a share from 0 to 1 (0.2 is 20%).");
        long seed = req.seed() == null ? 1L : req.seed();
        RuleResult result = writes.inTransaction(h -> {
            AssignmentDao dao = h.attach(AssignmentDao.class);
            for (Long c : req.coders()) requireCoder(dao, projectId, c, "Field 'coders'");
            List<Long> transcripts = List.copyOf(liveIds(dao, projectId));
            List<AssignmentRule.Pair> pairs;
            try {
                pairs = AssignmentRule.assign(transcripts, req.coders(), share, seed);
            } catch (AssignmentRule.RuleRefused e) {
                throw ApiException.badRequest("assignment.ruleRefused", "Field 'coders': " + e.getMessage()).with("problem", e.getMessage())
                        .with("problemCode", e.code()).with("problemParams", e.params());
            }
            dao.deleteAll(projectId);
            String now = Instant.now().toString();
            for (AssignmentRule.Pair p : pairs) dao.insert(projectId, p.transcriptId(), p.userId(), now, by);
            int second = (int) pairs.stream().filter(AssignmentRule.Pair::second).count();
            return new RuleResult(seed, share, transcripts.size(), second, pairs, null);
        });
        return new RuleResult(result.seed(), result.secondShare(), result.transcripts(), result.doubleCoded(), result.pairs(), grid(projectId));
    }

    private static Set<Long> liveIds(AssignmentDao dao, long projectId) {
        Set<Long> ids = new HashSet<>();
        dao.live(projectId).forEach(t -> ids.add(t.id()));
        return ids;
    }

    private static void requireCoder(AssignmentDao dao, long projectId, Long userId, String field) {
        String role = userId == null ? null : dao.memberRole(projectId, userId).orElse(null);
        if (role == null || !CODING_ROLES.contains(role)) {
            throw ApiException.badRequest("assignment.notACoder", field + ": user " + userId
                    + " is not a member of the project who codes (coder, trainer or admin).").with("userId", userId);
        }
    }
}
