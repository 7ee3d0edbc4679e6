package nl.samenspraak.review;

import java.util.List;

/**
 * A session profile for review: for every code of every dimension of the codebook how often it occurred
 * and where (unit numbers), and every rating scale's total (OPTION-5: rescaled 0..100), for the session,
 * the same professional's earlier sessions (by created date, same project, same coding) and a reference
 * (one session, or the mean of several). {@code reviewer}: the caller may give feedback and choose a reference
 * (admin or trainer), else they are the session's professional. {@code coding}: whose codes these are (a coder, or the
 * consensus: then {@code consensus} is true).
 */
public record Profile(long transcriptId, String transcript, long projectId, String codebookKey, Person professional, Person coding, boolean consensus,
                      List<Unit> units, Session session, List<Session> earlier, Session reference,
                      boolean reviewer) {

    public record Person(long id, String name) {}

    /** The session's units, so the professional may read their own conversation here and nowhere else. */
    public record Unit(long id, int number, String speaker, String role, String text) {}

    /**
     * One profile: {@code transcriptId} null and {@code sessions} > 1 for the mean of a reference group. {@code covered}: of the
     * session's {@code units} (summed over a group), those the coding codes in some dimension; fewer means its counts are partial.
     */
    public record Session(Long transcriptId, String transcript, String createdAt, int sessions, List<CodeCount> codes, List<ScaleTotal> ratings,
                          int units, int covered) {}

    /** {@code count}: a whole number for one session, a mean for a group; {@code units}: where, for one session. */
    public record CodeCount(String dimension, String code, double count, List<Integer> units) {}

    public record ScaleTotal(String scale, Double total, Double rescaled, String reason) {}
}
