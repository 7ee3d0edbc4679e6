package nl.samenspraak.adjudication;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.List;
import java.util.Optional;

@RegisterConstructorMapper(AdjudicationDao.Unit.class)
@RegisterConstructorMapper(AdjudicationDao.UnitCode.class)
@RegisterConstructorMapper(AdjudicationDao.Coder.class)
@RegisterConstructorMapper(AdjudicationDao.Note.class)
public interface AdjudicationDao {
    record Unit(long id, int seq, String speakerLabel, String speakerRole, String text) {}

    record UnitCode(long utteranceId, long coderId, String dimension, String code) {}

    record Coder(long id, String name) {}

    /** The adjudication notes of the latest consensus change of a unit and dimension. */
    record Note(long utteranceId, String dimension, Long fromCoderId, Provenance source, String comment, long userId, String at) {}

    @SqlQuery("SELECT project_id FROM transcripts WHERE id = :transcriptId AND deleted_at IS NULL")
    Optional<Long> projectOf(long transcriptId);

    @SqlQuery("SELECT transcript_id FROM utterances WHERE id = :utteranceId")
    Optional<Long> transcriptOf(long utteranceId);

    @SqlQuery("SELECT user_id FROM consensus_coders WHERE project_id = :projectId")
    Optional<Long> consensusCoder(long projectId);

    @SqlQuery("""
            INSERT INTO users(name, password_hash, system_role, created_at) VALUES (:name, :passwordHash, 'coder', :now)
            RETURNING id""")
    long insertUser(String name, String passwordHash, String now);

    @SqlUpdate("INSERT INTO consensus_coders(project_id, user_id, created_at) VALUES (:projectId, :userId, :now)")
    void insertConsensusCoder(long projectId, long userId, String now);

    @SqlQuery("SELECT COUNT(*) > 0 FROM users WHERE name = :name")
    boolean nameTaken(String name);

    /** A coder's code of a unit and dimension; none for the consensus coder (a consensus code is not taken from itself). */
    @SqlQuery("""
            SELECT c.code FROM codes c WHERE c.utterance_id = :utteranceId AND c.coder_id = :coderId AND c.dimension = :dimension
              AND NOT EXISTS (SELECT 1 FROM consensus_coders k WHERE k.user_id = c.coder_id)""")
    Optional<String> originalCode(long utteranceId, long coderId, String dimension);

    @SqlQuery("SELECT id, seq, speaker_label, speaker_role, text FROM utterances WHERE transcript_id = :transcriptId ORDER BY seq")
    List<Unit> units(long transcriptId);

    @SqlQuery("""
            SELECT c.utterance_id, c.coder_id, c.dimension, c.code FROM codes c JOIN utterances u ON u.id = c.utterance_id
            WHERE u.transcript_id = :transcriptId""")
    List<UnitCode> codes(long transcriptId);

    @SqlQuery("""
            SELECT u.id, u.name FROM users u
            WHERE EXISTS (SELECT 1 FROM codes c JOIN utterances x ON x.id = c.utterance_id
                          WHERE c.coder_id = u.id AND x.transcript_id = :transcriptId)
              AND NOT EXISTS (SELECT 1 FROM consensus_coders k WHERE k.user_id = u.id)
            ORDER BY u.name""")
    List<Coder> coders(long transcriptId);

    @SqlQuery("SELECT id, name FROM users WHERE id IN (<ids>)")
    List<Coder> users(@BindList("ids") List<Long> ids);

    @SqlQuery("""
            SELECT l.utterance_id, l.field AS dimension, a.from_coder_id, a.source, a.comment, l.user_id, l.at
            FROM change_log l JOIN adjudications a ON a.change_id = l.id
            WHERE l.transcript_id = :transcriptId AND l.coder_id = :consensusId ORDER BY l.id""")
    List<Note> notes(long transcriptId, long consensusId);

    /** The consensus code of a unit and dimension now, and the source of the latest adjudication that set it. */
    record Current(String code, Provenance source) {}

    @SqlQuery("""
            SELECT c.code, (SELECT a.source FROM change_log l JOIN adjudications a ON a.change_id = l.id
                            WHERE l.utterance_id = c.utterance_id AND l.coder_id = c.coder_id AND l.field = c.dimension
                            ORDER BY l.id DESC LIMIT 1) AS source
            FROM codes c WHERE c.utterance_id = :utteranceId AND c.coder_id = :consensusId AND c.dimension = :dimension""")
    @RegisterConstructorMapper(Current.class)
    Optional<Current> current(long utteranceId, long consensusId, String dimension);

    @SqlUpdate("INSERT INTO adjudications(change_id, from_coder_id, source, comment) VALUES (:changeId, :fromCoderId, :source, :comment)")
    void insertAdjudication(long changeId, Long fromCoderId, String source, String comment);
}
