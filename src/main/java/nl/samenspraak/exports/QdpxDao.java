package nl.samenspraak.exports;

import nl.samenspraak.results.Person;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What {@link QdpxExport} reads: the project's head, its live transcripts, and per transcript its units and its
 * codes, streamed row by row (a consumer per row), so that a project is written one transcript at a time.
 */
@RegisterConstructorMapper(Person.class)
@RegisterConstructorMapper(QdpxDao.Head.class)
@RegisterConstructorMapper(QdpxDao.Transcript.class)
@RegisterConstructorMapper(QdpxDao.Unit.class)
@RegisterConstructorMapper(QdpxDao.Coding.class)
@RegisterConstructorMapper(QdpxDao.CodeUsed.class)
public interface QdpxDao {
    record Head(String name, String createdAt) {}

    /** A live transcript; {@code recording}: the file name of its recording, if any. */
    record Transcript(long id, String name, String recording) {}

    record Unit(long id, String speaker, String text) {}

    record Coding(long unitId, long coderId, String dimension, String code) {}

    record CodeUsed(String dimension, String code) {}

    @SqlQuery("SELECT name, created_at FROM projects WHERE id = :projectId")
    Optional<Head> head(long projectId);

    @SqlQuery("""
            SELECT t.id, t.name, m.file_name AS recording FROM transcripts t LEFT JOIN media m ON m.transcript_id = t.id
            WHERE t.project_id = :projectId AND t.deleted_at IS NULL ORDER BY t.id""")
    List<Transcript> transcripts(long projectId);

    /** Every coder: the project's coder members and whoever has codes in it (the consensus among them). */
    @SqlQuery("""
            SELECT id, name FROM users WHERE id IN (SELECT user_id FROM project_members WHERE project_id = :projectId AND role = 'coder')
            OR id IN (SELECT c.coder_id FROM codes c JOIN utterances u ON u.id = c.utterance_id JOIN transcripts t ON t.id = u.transcript_id
                      WHERE t.project_id = :projectId AND t.deleted_at IS NULL) ORDER BY id""")
    List<Person> people(long projectId);

    /** Each dimension and code used in the project's live transcripts, once. */
    @SqlQuery("""
            SELECT DISTINCT c.dimension, c.code FROM codes c JOIN utterances u ON u.id = c.utterance_id JOIN transcripts t ON t.id = u.transcript_id
            WHERE t.project_id = :projectId AND t.deleted_at IS NULL""")
    List<CodeUsed> codesUsed(long projectId);

    /** A transcript's units in order. */
    @SqlQuery("SELECT id, speaker_label AS speaker, text FROM utterances WHERE transcript_id = :transcriptId ORDER BY seq")
    void units(long transcriptId, Consumer<Unit> rows);

    /** A transcript's codes, of every coder, by unit, coder and dimension. */
    @SqlQuery("""
            SELECT c.utterance_id AS unit_id, c.coder_id, c.dimension, c.code FROM codes c JOIN utterances u ON u.id = c.utterance_id
            WHERE u.transcript_id = :transcriptId ORDER BY u.seq, c.coder_id, c.dimension""")
    void codings(long transcriptId, Consumer<Coding> rows);
}
