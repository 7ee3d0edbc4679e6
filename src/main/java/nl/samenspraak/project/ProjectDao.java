package nl.samenspraak.project;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.List;
import java.util.Optional;

@RegisterConstructorMapper(Project.class)
@RegisterConstructorMapper(Member.class)
@RegisterConstructorMapper(ProjectSettings.CodedWith.class)
@RegisterConstructorMapper(ProjectDao.Candidate.class)
public interface ProjectDao {
    /** A user who could be added to a project. */
    record Candidate(long id, String name) {}

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

    @SqlUpdate("UPDATE projects SET name = :name, codebook_key = :codebookKey, blind_coding = :blind WHERE id = :id")
    void updateSettings(long id, String name, String codebookKey, boolean blind);

    /** The unitizing settings: who makes units while coding, and whether coded units' boundaries may move. */
    record UnitRules(String unitizing, String unitsAfterCoding) {}

    /** 'independent' is stored as unitizing 'coders' with units_per_coder 1 (migration V014). */
    @SqlQuery("SELECT CASE WHEN units_per_coder = 1 THEN 'independent' ELSE unitizing END AS unitizing, units_after_coding FROM projects WHERE id = :id")
    @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(UnitRules.class)
    Optional<UnitRules> unitRules(long id);

    @SqlUpdate("""
            UPDATE projects SET unitizing = CASE WHEN :unitizing = 'independent' THEN 'coders' ELSE :unitizing END,
              units_per_coder = CASE WHEN :unitizing = 'independent' THEN 1 ELSE 0 END, units_after_coding = :unitsAfterCoding WHERE id = :id""")
    void setUnitRules(long id, String unitizing, String unitsAfterCoding);

    @SqlQuery("SELECT kappa_threshold FROM calibration_settings WHERE project_id = :projectId")
    Optional<Double> threshold(long projectId);

    @SqlUpdate("""
            INSERT INTO calibration_settings(project_id, kappa_threshold) VALUES (:projectId, :kappa)
            ON CONFLICT(project_id) DO UPDATE SET kappa_threshold = excluded.kappa_threshold""")
    void setThreshold(long projectId, double kappa);

    /** Per codebook version, the codes and ratings of the project's transcripts made with it. */
    @SqlQuery("""
            SELECT c.key, c.version, sum(x.codes) AS codes, sum(x.ratings) AS ratings FROM (
              SELECT k.codebook_id AS id, count(*) AS codes, 0 AS ratings FROM codes k
                JOIN utterances u ON u.id = k.utterance_id JOIN transcripts t ON t.id = u.transcript_id
                WHERE t.project_id = :projectId GROUP BY k.codebook_id
              UNION ALL
              SELECT r.codebook_id, 0, count(*) FROM ratings r JOIN transcripts t ON t.id = r.transcript_id
                WHERE t.project_id = :projectId GROUP BY r.codebook_id
            ) x JOIN codebooks c ON c.id = x.id GROUP BY c.id ORDER BY c.id""")
    List<ProjectSettings.CodedWith> codedWith(long projectId);

    @SqlUpdate("""
            INSERT INTO project_members(project_id, user_id, role, added_at) VALUES (:projectId, :userId, :role, :now)
            ON CONFLICT(project_id, user_id) DO UPDATE SET role = excluded.role""")
    void putMember(long projectId, long userId, String role, String now);

    @SqlQuery("""
            SELECT m.user_id, u.name, m.role, m.added_at, u.active FROM project_members m JOIN users u ON u.id = m.user_id
            WHERE m.project_id = :projectId ORDER BY u.name""")
    List<Member> members(long projectId);

    @SqlUpdate("DELETE FROM project_members WHERE project_id = :projectId AND user_id = :userId")
    void removeMember(long projectId, long userId);

    @SqlQuery("SELECT count(*) FROM project_members WHERE project_id = :projectId AND role = 'admin'")
    int adminMembers(long projectId);

    /** Active people (not adjudication's pseudo-users) who are not members of the project. */
    @SqlQuery("""
            SELECT id, name FROM users WHERE active = 1
              AND id NOT IN (SELECT user_id FROM project_members WHERE project_id = :projectId)
              AND id NOT IN (SELECT user_id FROM consensus_coders)
            ORDER BY name""")
    List<Candidate> candidates(long projectId);
}
