package nl.samenspraak.project;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.List;
import java.util.Optional;

@RegisterConstructorMapper(Project.class)
@RegisterConstructorMapper(Member.class)
public interface ProjectDao {
    @SqlQuery("""
            INSERT INTO projects(name, codebook_key, blind_coding, created_at, created_by)
            VALUES (:name, :codebookKey, :blind, :now, :createdBy) RETURNING id""")
    long insert(String name, String codebookKey, boolean blind, String now, Long createdBy);

    @SqlQuery("SELECT id, name, codebook_key, blind_coding, created_at FROM projects WHERE id = :id")
    Optional<Project> find(long id);

    @SqlQuery("SELECT id, name, codebook_key, blind_coding, created_at FROM projects WHERE name = :name")
    Optional<Project> findByName(String name);

    @SqlQuery("SELECT id, name, codebook_key, blind_coding, created_at FROM projects ORDER BY name")
    List<Project> all();

    @SqlQuery("""
            SELECT p.id, p.name, p.codebook_key, p.blind_coding, p.created_at FROM projects p
            JOIN project_members m ON m.project_id = p.id WHERE m.user_id = :userId ORDER BY p.name""")
    List<Project> forMember(long userId);

    /** The latest stored version of the project's codebook, read with the project in one query. */
    @SqlQuery("""
            SELECT c.id FROM projects p JOIN codebooks c ON c.key = p.codebook_key
            WHERE p.id = :projectId ORDER BY c.id DESC LIMIT 1""")
    Optional<Long> currentCodebookId(long projectId);

    @SqlUpdate("UPDATE projects SET codebook_key = :codebookKey, blind_coding = :blind WHERE id = :id")
    void updateSettings(long id, String codebookKey, boolean blind);

    @SqlUpdate("""
            INSERT INTO project_members(project_id, user_id, role, added_at) VALUES (:projectId, :userId, :role, :now)
            ON CONFLICT(project_id, user_id) DO UPDATE SET role = excluded.role""")
    void putMember(long projectId, long userId, String role, String now);

    @SqlQuery("""
            SELECT m.user_id, u.name, m.role, m.added_at FROM project_members m JOIN users u ON u.id = m.user_id
            WHERE m.project_id = :projectId ORDER BY u.name""")
    List<Member> members(long projectId);
}
