package nl.samenspraak.report;

import nl.samenspraak.results.Person;
import nl.samenspraak.results.TranscriptRef;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.util.List;
import java.util.Optional;

/** What reports, reliability and exports read together; counts are aggregated in SQL. */
@RegisterConstructorMapper(TranscriptRef.class)
@RegisterConstructorMapper(Person.class)
@RegisterConstructorMapper(ReportDao.RoleCount.class)
@RegisterConstructorMapper(ReportDao.CodeCount.class)
@RegisterConstructorMapper(ProjectReader.RatingRow.class)
@RegisterConstructorMapper(ReportDao.Bulk.class)
public interface ReportDao {
    /** How many rows, and how many bytes of unit text they carry (UTF-8). */
    record Bulk(long rows, long textBytes) {}

    /** The codes of the coders on the transcripts, and the text bytes of the unit each code repeats in a sheet. */
    @SqlQuery("""
            SELECT COALESCE(SUM(k.n), 0) AS rows, COALESCE(SUM(k.n * OCTET_LENGTH(u.text)), 0) AS text_bytes
            FROM (SELECT c.utterance_id, COUNT(*) AS n FROM codes c JOIN utterances u ON u.id = c.utterance_id
                  WHERE u.transcript_id IN (<transcripts>) AND c.coder_id IN (<coders>) GROUP BY c.utterance_id) k
            JOIN utterances u ON u.id = k.utterance_id""")
    Bulk codedText(@BindList("transcripts") List<Long> transcripts, @BindList("coders") List<Long> coders);

    /** The units of the transcripts and their text bytes. */
    @SqlQuery("SELECT COUNT(*) AS rows, COALESCE(SUM(OCTET_LENGTH(text)), 0) AS text_bytes FROM utterances WHERE transcript_id IN (<transcripts>)")
    Bulk unitText(@BindList("transcripts") List<Long> transcripts);

    /** Utterances of one speaker role in a transcript. */
    record RoleCount(long transcriptId, String speakerRole, int count) {}

    /** One coder's count of one code for one speaker role of one transcript, the role as stored. */
    record CodeCount(long transcriptId, long coderId, String dimension, String code, String speakerRole, long count) {}

    @SqlQuery("SELECT project_id FROM transcripts WHERE id = :transcriptId AND deleted_at IS NULL")
    Optional<Long> projectOfLiveTranscript(long transcriptId);

    @SqlQuery("SELECT id, name FROM transcripts WHERE project_id = :projectId AND deleted_at IS NULL ORDER BY name, id")
    List<TranscriptRef> liveTranscripts(long projectId);

    /** Everyone who coded or rated in the project; EXISTS per user stops at the first code (index codes_coder). */
    @SqlQuery("""
            SELECT u.id, u.name FROM users u
            WHERE EXISTS (SELECT 1 FROM codes c JOIN utterances x ON x.id = c.utterance_id JOIN transcripts t ON t.id = x.transcript_id
                          WHERE c.coder_id = u.id AND t.project_id = :projectId AND t.deleted_at IS NULL)
               OR EXISTS (SELECT 1 FROM ratings r JOIN transcripts t ON t.id = r.transcript_id
                          WHERE r.coder_id = u.id AND t.project_id = :projectId AND t.deleted_at IS NULL)
            ORDER BY u.name""")
    List<Person> coders(long projectId);

    /** The same people as {@link #coders}, the ones with codes given ({@code coded}: from a CodeSource), those with ratings asked. */
    @SqlQuery("""
            SELECT u.id, u.name FROM users u
            WHERE u.id IN (<coded>)
               OR EXISTS (SELECT 1 FROM ratings r JOIN transcripts t ON t.id = r.transcript_id
                          WHERE r.coder_id = u.id AND t.project_id = :projectId AND t.deleted_at IS NULL)
            ORDER BY u.name""")
    List<Person> codersGiven(long projectId, @BindList(value = "coded", onEmpty = BindList.EmptyHandling.NULL_STRING) java.util.Collection<Long> coded);

    @SqlQuery("SELECT user_id FROM consensus_coders WHERE project_id = :projectId")
    Optional<Long> consensusCoder(long projectId);

    @SqlQuery("""
            SELECT transcript_id, speaker_role, COUNT(*) AS count FROM utterances WHERE transcript_id IN (<transcripts>)
            GROUP BY transcript_id, speaker_role""")
    List<RoleCount> unitsPerRole(@BindList("transcripts") List<Long> transcripts);

    @SqlQuery("""
            SELECT u.transcript_id, c.coder_id, c.dimension, c.code, u.speaker_role, COUNT(*) AS count
            FROM codes c JOIN utterances u ON u.id = c.utterance_id
            WHERE u.transcript_id IN (<transcripts>) AND c.coder_id IN (<coders>)
            GROUP BY u.transcript_id, c.coder_id, c.dimension, c.code, u.speaker_role""")
    List<CodeCount> codeCounts(@BindList("transcripts") List<Long> transcripts, @BindList("coders") List<Long> coders);

    @SqlQuery("""
            SELECT transcript_id, coder_id, scale, item, value FROM ratings
            WHERE transcript_id IN (<transcripts>) AND coder_id IN (<coders>)""")
    List<ProjectReader.RatingRow> ratings(@BindList("transcripts") List<Long> transcripts, @BindList("coders") List<Long> coders);

    /** Coded utterances in scope: how many rows an export of the long table will write. */
    @SqlQuery("""
            SELECT COUNT(*) FROM codes c JOIN utterances u ON u.id = c.utterance_id
            WHERE u.transcript_id IN (<transcripts>) AND c.coder_id IN (<coders>)""")
    long codeCount(@BindList("transcripts") List<Long> transcripts, @BindList("coders") List<Long> coders);
}
