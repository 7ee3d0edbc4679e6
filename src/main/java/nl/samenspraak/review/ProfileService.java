package nl.samenspraak.review;

import nl.samenspraak.account.Access;
import nl.samenspraak.account.User;
import nl.samenspraak.codebook.Codebook;
import nl.samenspraak.http.ApiException;
import nl.samenspraak.project.ProjectCodebooks;
import nl.samenspraak.report.RatingTotals;
import nl.samenspraak.results.SessionReport.ScaleReport;
import org.jdbi.v3.core.Handle;
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
            throw ApiException.forbidden("Parameter 'reference': a reference of other sessions is for the trainer; your own profile is shown without it.");
        }
        var stored = codebooks.forProject(s.projectId());
        Codebook book = stored.codebook();
        return jdbi.withHandle(h -> {
            Profile.Person coding = coding(h, s, coder, consensus);
            Profile.Person professional = h.createQuery("""
                    SELECT u.id, u.name FROM session_professionals p JOIN users u ON u.id = p.user_id WHERE p.transcript_id = :t""")
                    .bind("t", transcriptId).map((rs, c) -> new Profile.Person(rs.getLong(1), rs.getString(2))).findOne().orElse(null);
            List<Profile.Session> earlier = new ArrayList<>();
            if (professional != null) {
                for (long t : h.createQuery("""
                        SELECT t.id FROM session_professionals p JOIN transcripts t ON t.id = p.transcript_id
                        WHERE p.user_id = :u AND t.project_id = :p AND t.deleted_at IS NULL
                          AND (t.created_at < :at OR (t.created_at = :at AND t.id < :t)) ORDER BY t.created_at, t.id""")
                        .bind("u", professional.id()).bind("p", s.projectId()).bind("at", s.createdAt()).bind("t", transcriptId)
                        .mapTo(Long.class).list()) {
                    earlier.add(one(h, book, t, coding.id()));
                }
            }
            Profile.Session ref = reference.isEmpty() ? null : reference(h, book, s.projectId(), reference, coding.id());
            return new Profile(transcriptId, s.name(), s.projectId(), stored.key(), professional, coding, consensus, units(h, transcriptId),
                    one(h, book, transcriptId, coding.id()), earlier, ref, reader.staff());
        });
    }

    /**
     * Whose codes: the coder asked for, the consensus, or else the consensus when it coded this session,
     * else the first coder (by id) who coded it.
     */
    private static Profile.Person coding(Handle h, ReviewDao.Session s, Long coder, boolean consensus) {
        Long consensusId = h.createQuery("SELECT user_id FROM consensus_coders WHERE project_id = :p").bind("p", s.projectId()).mapTo(Long.class).findOne().orElse(null);
        Long id = coder;
        if (consensus) {
            if (consensusId == null) throw ApiException.badRequest("Parameter 'dataset': this project has no consensus codes yet; adjudicate a transcript first.");
            id = consensusId;
        }
        if (id == null) {
            List<Long> coders = h.createQuery("""
                    SELECT DISTINCT c.coder_id FROM codes c JOIN utterances x ON x.id = c.utterance_id WHERE x.transcript_id = :t
                    UNION SELECT coder_id FROM ratings WHERE transcript_id = :t ORDER BY 1""").bind("t", s.transcriptId()).mapTo(Long.class).list();
            if (coders.isEmpty()) throw ApiException.badRequest("This session has not been coded yet, so it has no profile.");
            id = consensusId != null && coders.contains(consensusId) ? consensusId : coders.get(0);
        }
        long chosen = id;
        return h.createQuery("""
                SELECT u.id, u.name FROM users u WHERE u.id = :c AND (EXISTS (SELECT 1 FROM codes c JOIN utterances x ON x.id = c.utterance_id
                JOIN transcripts t ON t.id = x.transcript_id WHERE c.coder_id = u.id AND t.project_id = :p)
                OR EXISTS (SELECT 1 FROM ratings r JOIN transcripts t ON t.id = r.transcript_id WHERE r.coder_id = u.id AND t.project_id = :p))""")
                .bind("c", chosen).bind("p", s.projectId()).map((rs, c) -> new Profile.Person(rs.getLong(1), rs.getString(2))).findOne()
                .orElseThrow(() -> ApiException.badRequest("Parameter 'coder': " + chosen + " has no codes or ratings in this project.", Map.of("coder", chosen)));
    }

    private static List<Profile.Unit> units(Handle h, long transcriptId) {
        return h.createQuery("SELECT id, seq, speaker_label, speaker_role, text FROM utterances WHERE transcript_id = :t ORDER BY seq")
                .bind("t", transcriptId).map((rs, c) -> new Profile.Unit(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5))).list();
    }

    /** One session's profile in one coding: every code of every dimension (zeros included) and every scale. */
    private static Profile.Session one(Handle h, Codebook book, long transcriptId, long coderId) {
        Map<String, List<Integer>> where = new HashMap<>();
        h.createQuery("""
                SELECT c.dimension, c.code, x.seq FROM codes c JOIN utterances x ON x.id = c.utterance_id
                WHERE x.transcript_id = :t AND c.coder_id = :c ORDER BY x.seq""").bind("t", transcriptId).bind("c", coderId)
                .map((rs, c) -> { where.computeIfAbsent(rs.getString(1) + "/" + rs.getString(2), k -> new ArrayList<>()).add(rs.getInt(3)); return 0; }).list();
        List<Profile.CodeCount> codes = new ArrayList<>();
        for (Codebook.Dimension d : book.dimensions()) {
            for (Codebook.Code code : d.codes()) {
                List<Integer> units = where.getOrDefault(d.key() + "/" + code.key(), List.of());
                codes.add(new Profile.CodeCount(d.key(), code.key(), units.size(), units));
            }
        }
        Map<String, Map<String, Double>> values = new HashMap<>();
        h.createQuery("SELECT scale, item, value FROM ratings WHERE transcript_id = :t AND coder_id = :c").bind("t", transcriptId).bind("c", coderId)
                .map((rs, c) -> { values.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getDouble(3)); return 0; }).list();
        List<Profile.ScaleTotal> ratings = new ArrayList<>();
        for (Codebook.RatingScale scale : book.ratingScales()) {
            ScaleReport r = RatingTotals.of(scale, values.get(scale.key()));
            ratings.add(new Profile.ScaleTotal(scale.key(), r.total(), r.rescaled(), r.reason()));
        }
        var meta = h.createQuery("SELECT name, created_at FROM transcripts WHERE id = :t").bind("t", transcriptId).mapToMap().one();
        return new Profile.Session(transcriptId, (String) meta.get("name"), (String) meta.get("created_at"), 1, codes, ratings);
    }

    /** One session of the project, or the mean over several: per code the mean count, per scale the mean of the defined totals. */
    private static Profile.Session reference(Handle h, Codebook book, long projectId, List<Long> ids, long coderId) {
        List<Long> ours = h.createQuery("SELECT id FROM transcripts WHERE project_id = :p AND deleted_at IS NULL").bind("p", projectId).mapTo(Long.class).list();
        List<Long> unknown = ids.stream().filter(id -> !ours.contains(id)).toList();
        if (!unknown.isEmpty()) throw ApiException.badRequest("Parameter 'reference': " + unknown.get(0) + " is not a session of this project.", Map.of("reference", unknown));
        List<Profile.Session> all = ids.stream().map(id -> one(h, book, id, coderId)).toList();
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
        return new Profile.Session(null, "mean of " + all.size() + " sessions", null, all.size(), codes, ratings);
    }
}
