package nl.samenspraak.exchange;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.List;

/** The statements of a REFI-QDA project import: the units of the transcripts it made, its codes with their change-log rows, its coders' accounts. */
@RegisterConstructorMapper(ExchangeDao.UnitId.class)
public interface ExchangeDao {
    /** A stored unit: its id and number. */
    record UnitId(long id, int seq) {}

    @SqlQuery("SELECT id, seq FROM utterances WHERE transcript_id = :transcriptId ORDER BY seq")
    List<UnitId> units(long transcriptId);

    @SqlBatch("INSERT INTO codes(utterance_id, coder_id, dimension, code, codebook_id, updated_at) VALUES (:unit, :coder, :dimension, :code, :codebookId, :now)")
    void insertCodes(@Bind("unit") List<Long> units, @Bind("coder") List<Long> coders, @Bind("dimension") List<String> dimensions,
                     @Bind("code") List<String> codes, @Bind("codebookId") long codebookId, @Bind("now") String now);

    /** The change-log row of each imported code: made by {@code userId}, from nothing to the code. */
    @SqlBatch("""
            INSERT INTO change_log(at, user_id, entity, project_id, transcript_id, utterance_id, coder_id, field, before_value, after_value)
            VALUES (:now, :userId, 'code', :projectId, :transcript, :unit, :coder, :dimension, NULL, :code)""")
    void logCodes(@Bind("transcript") List<Long> transcripts, @Bind("unit") List<Long> units, @Bind("coder") List<Long> coders,
                  @Bind("dimension") List<String> dimensions, @Bind("code") List<String> codes, @Bind("userId") List<Long> userIds,
                  @Bind("projectId") long projectId, @Bind("now") String now);

    /** A coder named in the file who has no account: made deactivated, with a password hash no password matches. */
    @SqlQuery("""
            INSERT INTO users(name, name_key, password_hash, system_role, created_at, active, deactivated_at)
            VALUES (:name, :key, :hash, 'coder', :now, 0, :now) RETURNING id""")
    long insertInactiveCoder(String name, String key, String hash, String now);

    /** Undoing an import that failed after its coders' accounts were made. */
    @SqlUpdate("""
            DELETE FROM users WHERE id = :id AND NOT EXISTS (SELECT 1 FROM codes WHERE coder_id = :id)
              AND NOT EXISTS (SELECT 1 FROM change_log WHERE user_id = :id OR coder_id = :id)""")
    int removeUnusedUser(long id);

    @SqlUpdate("DELETE FROM project_members WHERE user_id = :id")
    void removeMemberships(long id);

    /** Undoing an import that made a project: its members and its consensus coder go, so the empty project can go too. */
    @SqlUpdate("DELETE FROM project_members WHERE project_id = :id AND NOT EXISTS (SELECT 1 FROM transcripts WHERE project_id = :id)")
    void removeMembersOfEmptyProject(long id);

    @SqlQuery("SELECT user_id FROM consensus_coders WHERE project_id = :id")
    java.util.Optional<Long> consensusCoder(long id);

    @SqlUpdate("DELETE FROM consensus_coders WHERE project_id = :id AND NOT EXISTS (SELECT 1 FROM codes c WHERE c.coder_id = consensus_coders.user_id)")
    int removeUnusedConsensusCoder(long id);

    /** Undoing an import that failed after its codebook was stored. */
    @SqlUpdate("""
            DELETE FROM codebooks WHERE id = :id AND NOT EXISTS (SELECT 1 FROM codes WHERE codebook_id = :id)
              AND NOT EXISTS (SELECT 1 FROM ratings WHERE codebook_id = :id)
              AND NOT EXISTS (SELECT 1 FROM projects p WHERE p.codebook_key = codebooks.key)""")
    int removeUnusedCodebook(long id);
}
