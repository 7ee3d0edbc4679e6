package nl.samenspraak.coding;

import nl.samenspraak.account.Access;
import nl.samenspraak.account.User;
import nl.samenspraak.codebook.Codebook;
import nl.samenspraak.project.ProjectCodebooks;
import org.jdbi.v3.core.Jdbi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everyone's progress in a project, per coder and transcript: for admins, trainers and analysts;
 * coders only while blind coding is off (it shows how far the others are). A row is listed for every
 * transcript given to the coder, every transcript the coder coded or rated anything in, and, while
 * the project has no assignment, every transcript for every member with the coder role.
 */
public final class TeamProgress {
    private final Jdbi jdbi;
    private final Access access;
    private final ProjectCodebooks codebooks;

    public TeamProgress(Jdbi jdbi, Access access, ProjectCodebooks codebooks) {
        this.jdbi = jdbi;
        this.access = access;
        this.codebooks = codebooks;
    }

    private record Key(long coderId, long transcriptId) {}

    public List<CoderProgress> all(User user, long projectId) {
        access.requireOthersProgress(user, projectId);
        Codebook codebook = codebooks.forProject(projectId).codebook();
        Set<String> items = new HashSet<>();
        codebook.ratingScales().forEach(s -> s.items().forEach(i -> items.add(s.key() + "/" + i.key())));
        return jdbi.withHandle(h -> {
            AuditDao dao = h.attach(AuditDao.class);
            Map<Key, Map<String, Integer>> coded = new HashMap<>();
            dao.coded(projectId).forEach(c -> coded.computeIfAbsent(new Key(c.coderId(), c.transcriptId()), k -> new HashMap<>()).put(c.key(), c.count()));
            Map<Key, Integer> rated = new HashMap<>();
            dao.rated(projectId).forEach(r -> { if (items.contains(r.key())) rated.merge(new Key(r.coderId(), r.transcriptId()), 1, Integer::sum); });
            Set<Key> open = new HashSet<>();
            dao.open(projectId).forEach(a -> open.add(new Key(a.coderId(), a.transcriptId())));
            List<CodingDao.Counted> transcripts = h.attach(CodingDao.class).unitCounts(projectId);
            List<CoderProgress> out = new ArrayList<>();
            for (AuditDao.Person coder : dao.coders(projectId)) {
                for (CodingDao.Counted t : transcripts) {
                    Key key = new Key(coder.id(), t.transcriptId());
                    boolean given = open.contains(key);
                    if (!given && !coded.containsKey(key) && !rated.containsKey(key)) continue;
                    Map<String, Integer> perDimension = new LinkedHashMap<>();
                    Map<String, Integer> counts = coded.getOrDefault(key, Map.of());
                    codebook.dimensions().forEach(d -> perDimension.put(d.key(), counts.getOrDefault(d.key(), 0)));
                    out.add(new CoderProgress(coder.id(), coder.name(), t.transcriptId(), t.name(), given, t.count(), perDimension,
                            rated.getOrDefault(key, 0), items.size()));
                }
            }
            return out;
        });
    }
}
