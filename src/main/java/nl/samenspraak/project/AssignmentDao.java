package nl.samenspraak.project;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.List;
import java.util.Optional;

@RegisterConstructorMapper(Assignment.class)
@RegisterConstructorMapper(AssignmentGrid.Coder.class)
public interface AssignmentDao {
    /** A live transcript's id and name. */
    record Live(long id, String name) {}

    @SqlUpdate("""
            INSERT INTO assignments(project_id, transcript_id, user_id, assigned_at, assigned_by)
            VALUES (:projectId, :transcriptId, :userId, :now, :by) ON CONFLICT(transcript_id, user_id) DO NOTHING""")
    void insert(long projectId, long transcriptId, long userId, String now, Long by);

    @SqlUpdate("DELETE FROM assignments WHERE project_id = :projectId AND transcript_id = :transcriptId AND user_id = :userId")
    int delete(long projectId, long transcriptId, long userId);

    @SqlUpdate("DELETE FROM assignments WHERE project_id = :projectId")
    void deleteAll(long projectId);

    @SqlQuery("""
            SELECT a.transcript_id, a.user_id, a.assigned_at, a.assigned_by FROM assignments a
            JOIN transcripts t ON t.id = a.transcript_id
            WHERE a.project_id = :projectId AND t.deleted_at IS NULL ORDER BY a.transcript_id, a.user_id""")
    List<Assignment> list(long projectId);

    @SqlQuery("""
            SELECT m.user_id, u.name, m.role FROM project_members m JOIN users u ON u.id = m.user_id
            WHERE m.project_id = :projectId
              AND (m.role = 'coder' OR EXISTS (SELECT 1 FROM assignments a WHERE a.project_id = m.project_id AND a.user_id = m.user_id))
            ORDER BY u.name, m.user_id""")
    List<AssignmentGrid.Coder> coders(long projectId);

    @SqlQuery("SELECT role FROM project_members WHERE project_id = :projectId AND user_id = :userId")
    Optional<String> memberRole(long projectId, long userId);

    /** The live transcripts that can be assigned: not coders' own copies of a recording (each open to its coder only, V014). */
    @SqlQuery("SELECT id, name FROM transcripts WHERE project_id = :projectId AND deleted_at IS NULL AND unitized_by IS NULL ORDER BY name, id")
    @RegisterConstructorMapper(Live.class)
    List<Live> live(long projectId);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM transcripts WHERE id = :transcriptId AND project_id = :projectId AND deleted_at IS NULL AND unitized_by IS NOT NULL)")
    boolean isUnitCopy(long projectId, long transcriptId);
}
