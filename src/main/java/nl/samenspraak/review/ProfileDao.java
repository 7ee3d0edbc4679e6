package nl.samenspraak.review;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.util.List;
import java.util.Optional;

/** What a session profile reads: the professional, their earlier sessions, one coding's codes and ratings. */
@RegisterConstructorMapper(Profile.Person.class)
@RegisterConstructorMapper(ProfileDao.UnitRow.class)
@RegisterConstructorMapper(ProfileDao.CodeAt.class)
@RegisterConstructorMapper(ProfileDao.Value.class)
@RegisterConstructorMapper(ProfileDao.Meta.class)
public interface ProfileDao {
    record UnitRow(long id, int seq, String speakerLabel, String speakerRole, String text) {}

    /** A code of a coder and the unit (its number) where it was given. */
    record CodeAt(String dimension, String code, int seq) {}

    record Value(String scale, String item, double value) {}

    /** {@code units}: the transcript's units. */
    record Meta(String name, String createdAt, int units) {}

    /** How many of a session's units a coder coded (in some dimension). */
    record Covered(long coderId, int units) {}

    @SqlQuery("SELECT u.id, u.name FROM session_professionals p JOIN users u ON u.id = p.user_id WHERE p.transcript_id = :transcriptId")
    Optional<Profile.Person> professional(long transcriptId);

    /** The professional's live sessions of the project from before this one (by created date, then id). */
    @SqlQuery("""
            SELECT t.id FROM session_professionals p JOIN transcripts t ON t.id = p.transcript_id
            WHERE p.user_id = :userId AND t.project_id = :projectId AND t.deleted_at IS NULL
              AND (t.created_at < :createdAt OR (t.created_at = :createdAt AND t.id < :transcriptId)) ORDER BY t.created_at, t.id""")
    List<Long> earlierSessions(long userId, long projectId, String createdAt, long transcriptId);

    @SqlQuery("SELECT user_id FROM consensus_coders WHERE project_id = :projectId")
    Optional<Long> consensusCoder(long projectId);

    /** Everyone who coded or rated the session, by id. */
    @SqlQuery("""
            SELECT DISTINCT c.coder_id FROM codes c JOIN utterances x ON x.id = c.utterance_id WHERE x.transcript_id = :transcriptId
            UNION SELECT coder_id FROM ratings WHERE transcript_id = :transcriptId ORDER BY 1""")
    List<Long> sessionCoders(long transcriptId);

    /** The user, when they coded or rated anything in the project. */
    @SqlQuery("""
            SELECT u.id, u.name FROM users u WHERE u.id = :coderId AND (EXISTS (SELECT 1 FROM codes c JOIN utterances x ON x.id = c.utterance_id
            JOIN transcripts t ON t.id = x.transcript_id WHERE c.coder_id = u.id AND t.project_id = :projectId)
            OR EXISTS (SELECT 1 FROM ratings r JOIN transcripts t ON t.id = r.transcript_id WHERE r.coder_id = u.id AND t.project_id = :projectId))""")
    Optional<Profile.Person> coderInProject(long coderId, long projectId);

    @SqlQuery("SELECT id, seq, speaker_label, speaker_role, text FROM utterances WHERE transcript_id = :transcriptId ORDER BY seq")
    List<UnitRow> units(long transcriptId);

    @SqlQuery("""
            SELECT c.dimension, c.code, x.seq FROM codes c JOIN utterances x ON x.id = c.utterance_id
            WHERE x.transcript_id = :transcriptId AND c.coder_id = :coderId ORDER BY x.seq""")
    List<CodeAt> codes(long transcriptId, long coderId);

    @SqlQuery("SELECT scale, item, value FROM ratings WHERE transcript_id = :transcriptId AND coder_id = :coderId")
    List<Value> ratings(long transcriptId, long coderId);

    @SqlQuery("SELECT name, created_at, (SELECT COUNT(*) FROM utterances u WHERE u.transcript_id = t.id) AS units FROM transcripts t WHERE id = :transcriptId")
    Meta meta(long transcriptId);

    @SqlQuery("""
            SELECT c.coder_id, COUNT(DISTINCT c.utterance_id) AS units FROM codes c JOIN utterances x ON x.id = c.utterance_id
            WHERE x.transcript_id = :transcriptId GROUP BY c.coder_id""")
    @RegisterConstructorMapper(Covered.class)
    List<Covered> covered(long transcriptId);

    @SqlQuery("SELECT id FROM transcripts WHERE project_id = :projectId AND deleted_at IS NULL")
    List<Long> liveTranscripts(long projectId);
}
