package nl.samenspraak.reliability;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.util.List;

/** What the unitizing reliability reads: the coders' own copies of recordings (migration V014), their units and their coders' codes. */
@RegisterConstructorMapper(UnitizingDao.CopyRow.class)
@RegisterConstructorMapper(UnitizingDao.UnitRow.class)
@RegisterConstructorMapper(UnitizingDao.CodeRow.class)
public interface UnitizingDao {
    /** A live copy of a live recording's transcript: the copy, its source, its coder and the recording's duration. */
    record CopyRow(long copyId, long sourceId, String source, long coderId, String coder, Long durationMs) {}

    record UnitRow(long id, Long startMs, Long endMs) {}

    record CodeRow(long utteranceId, String dimension, String code) {}

    @SqlQuery("""
            SELECT c.id AS copy_id, s.id AS source_id, s.name AS source, c.unitized_by AS coder_id, u.name AS coder,
                   coalesce(ms.duration_ms, mc.duration_ms) AS duration_ms
            FROM transcripts c JOIN transcripts s ON s.id = c.source_transcript_id JOIN users u ON u.id = c.unitized_by
              LEFT JOIN media ms ON ms.transcript_id = s.id LEFT JOIN media mc ON mc.transcript_id = c.id
            WHERE c.project_id = :projectId AND c.deleted_at IS NULL AND s.deleted_at IS NULL
            ORDER BY s.name, s.id, u.name, c.id""")
    List<CopyRow> copies(long projectId);

    @SqlQuery("SELECT id, start_ms, end_ms FROM utterances WHERE transcript_id = :transcriptId AND start_ms IS NOT NULL ORDER BY seq")
    List<UnitRow> units(long transcriptId);

    @SqlQuery("""
            SELECT k.utterance_id, k.dimension, k.code FROM codes k JOIN utterances u ON u.id = k.utterance_id
            WHERE u.transcript_id = :transcriptId AND k.coder_id = :coderId""")
    List<CodeRow> codes(long transcriptId, long coderId);
}
