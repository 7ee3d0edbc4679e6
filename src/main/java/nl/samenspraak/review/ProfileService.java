package nl.samenspraak.review;

import nl.samenspraak.account.Access;
import nl.samenspraak.account.User;
import nl.samenspraak.codebook.Codebook;
import nl.samenspraak.http.ApiException;
import nl.samenspraak.project.ProjectCodebooks;
import nl.samenspraak.report.ProjectReader;
import nl.samenspraak.report.RatingTotals;
import nl.samenspraak.results.SessionReport.ScaleReport;
import org.jdbi.v3.core.Jdbi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Session profiles for review, read from one coding (a coder's, or the consensus) of the project. */
public final class ProfileService {
    private final Jdbi jdbi;
    private final Access access;
    private final ProjectCodebooks codebooks;

    public ProfileService(Jdbi jdbi, Access access, ProjectCodebooks codebooks) {
        this.jdbi = jdbi;
        this.access = access;
        this.codebooks = codebooks;
    }

    public Profile profile(User user, long transcriptId, Long coder, boolean consensus, List<Long> reference) {
        Access.SessionReader reader = access.requireSessionReader(user, transcriptId);
        ReviewDao.Session s = jdbi.withExtension(ReviewDao.class, dao -> dao.session(transcriptId)).orElseThrow();
        if (!reader.staff() && !reference.isEmpty()) {
            throw ApiException.forbidden("review.referenceForTrainers", "Parameter 'reference': a reference of other sessions is for the trainer; your own profile is shown without it.");
        }
        var stored = codebooks.forProject(s.projectId());
        Codebook book = stored.codebook();
        return jdbi.withExtension(ProfileDao.class, dao -> {
            Profile.Person coding = coding(dao, s, coder, consensus);
            Profile.Person professional = dao.professional(transcriptId).orElse(null);
            List<Profile.Session> earlier = new ArrayList<>();
            if (professional != null) {
                for (long t : dao.earlierSessions(professional.id(), s.projectId(), s.createdAt(), transcriptId)) earlier.add(one(dao, book, t, coding.id()));
            }
            Profile.Session ref = reference.isEmpty() ? null : reference(dao, book, s.projectId(), reference, coding.id());
            List<Profile.Unit> units = dao.units(transcriptId).stream()
                    .map(u -> new Profile.Unit(u.id(), u.seq(), u.speakerLabel(), u.speakerRole(), u.text())).toList();
            boolean isConsensus = dao.consensusCoder(s.projectId()).filter(id -> id == coding.id()).isPresent();
            return new Profile(transcriptId, s.name(), s.projectId(), stored.key(), professional, coding, isConsensus, units,
                    one(dao, book, transcriptId, coding.id()), earlier, ref, reader.staff());
        });
    }

    /**
     * Whose codes: the coder asked for, the consensus, or else the coding that covers the most units of this
     * session, the consensus first among equals and then the first coder by id. A consensus only begun does not
     * silently stand in for a whole coding (issue 9, defect 4); the page offers every coding.
     */
    private static Profile.Person coding(ProfileDao dao, ReviewDao.Session s, Long coder, boolean consensus) {
        Long consensusId = dao.consensusCoder(s.projectId()).orElse(null);
        Long id = coder;
        if (consensus) {
            if (consensusId == null) throw ProjectReader.noConsensus();
            id = consensusId;
        }
        if (id == null) {
            List<Long> coders = dao.sessionCoders(s.transcriptId());
            if (coders.isEmpty()) throw ApiException.badRequest("review.notCoded", "This session has not been coded yet, so it has no profile.");
            Map<Long, Integer> covered = new HashMap<>();
            dao.covered(s.transcriptId()).forEach(c -> covered.put(c.coderId(), c.units()));
            int most = coders.stream().mapToInt(c -> covered.getOrDefault(c, 0)).max().orElse(0);
            id = consensusId != null && coders.contains(consensusId) && covered.getOrDefault(consensusId, 0) == most ? consensusId
                    : coders.stream().filter(c -> covered.getOrDefault(c, 0) == most).findFirst().orElseThrow();
        }
        long chosen = id;
        return dao.coderInProject(chosen, s.projectId())
                .orElseThrow(() -> ApiException.badRequest("review.unknownCoder", "Parameter 'coder': " + chosen + " has no codes or ratings in this project.",
                        Map.of("coder", chosen)).with("id", chosen));
    }

    /** One session's profile in one coding: every code of every dimension (zeros included) and every scale. */
    private static Profile.Session one(ProfileDao dao, Codebook book, long transcriptId, long coderId) {
        Map<String, List<Integer>> where = new HashMap<>();
        for (ProfileDao.CodeAt c : dao.codes(transcriptId, coderId)) where.computeIfAbsent(c.dimension() + "/" + c.code(), k -> new ArrayList<>()).add(c.seq());
        List<Profile.CodeCount> codes = new ArrayList<>();
        for (Codebook.Dimension d : book.dimensions()) {
            for (Codebook.Code code : d.codes()) {
                List<Integer> units = where.getOrDefault(d.key() + "/" + code.key(), List.of());
                codes.add(new Profile.CodeCount(d.key(), code.key(), units.size(), units));
            }
        }
        Map<String, Map<String, Double>> values = new HashMap<>();
        for (ProfileDao.Value v : dao.ratings(transcriptId, coderId)) values.computeIfAbsent(v.scale(), k -> new HashMap<>()).put(v.item(), v.value());
        List<Profile.ScaleTotal> ratings = new ArrayList<>();
        for (Codebook.RatingScale scale : book.ratingScales()) {
            ScaleReport r = RatingTotals.of(scale, values.get(scale.key()));
            ratings.add(new Profile.ScaleTotal(scale.key(), r.total(), r.rescaled(), r.reason()));
        }
        ProfileDao.Meta meta = dao.meta(transcriptId);
        int covered = (int) where.values().stream().flatMap(List::stream).distinct().count();
        return new Profile.Session(transcriptId, meta.name(), meta.createdAt(), 1, codes, ratings, meta.units(), covered);
    }

    /** One session of the project, or the mean over several: per code the mean count, per scale the mean of the defined totals. */
    private static Profile.Session reference(ProfileDao dao, Codebook book, long projectId, List<Long> ids, long coderId) {
        List<Long> ours = dao.liveTranscripts(projectId);
        List<Long> unknown = ids.stream().filter(id -> !ours.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest("review.unknownReference", "Parameter 'reference': " + unknown.get(0) + " is not a session of this project.",
                    Map.of("reference", unknown)).with("id", unknown.get(0));
        }
        List<Profile.Session> all = ids.stream().map(id -> one(dao, book, id, coderId)).toList();
        if (all.size() == 1) return all.get(0);
        Map<String, Double> sums = new LinkedHashMap<>();
        for (Profile.Session s : all) for (Profile.CodeCount c : s.codes()) sums.merge(c.dimension() + "/" + c.code(), c.count(), Double::sum);
        List<Profile.CodeCount> codes = all.get(0).codes().stream()
                .map(c -> new Profile.CodeCount(c.dimension(), c.code(), sums.get(c.dimension() + "/" + c.code()) / all.size(), List.of())).toList();
        List<Profile.ScaleTotal> ratings = new ArrayList<>();
        for (int i = 0; i < book.ratingScales().size(); i++) {
            int k = i;
            List<Profile.ScaleTotal> defined = all.stream().map(s -> s.ratings().get(k)).filter(r -> r.total() != null).toList();
            String key = book.ratingScales().get(i).key();
            if (defined.isEmpty()) ratings.add(new Profile.ScaleTotal(key, null, null, "no session of the reference has a total"));
            else ratings.add(new Profile.ScaleTotal(key, defined.stream().mapToDouble(Profile.ScaleTotal::total).average().orElseThrow(),
                    defined.stream().allMatch(r -> r.rescaled() != null) ? defined.stream().mapToDouble(Profile.ScaleTotal::rescaled).average().orElseThrow() : null,
                    defined.size() < all.size() ? "mean of the " + defined.size() + " of " + all.size() + " sessions with a total" : null));
        }
        return new Profile.Session(null, "mean of " + all.size() + " sessions", null, all.size(), codes, ratings,
                all.stream().mapToInt(Profile.Session::units).sum(), all.stream().mapToInt(Profile.Session::covered).sum());
    }
}
