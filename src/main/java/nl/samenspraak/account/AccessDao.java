package nl.samenspraak.account;

import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.util.Optional;

/** What the access rules read: memberships, blind coding, a session's professional, and which transcripts are open to whom. */
public interface AccessDao {
    @SqlQuery("SELECT role FROM project_members WHERE project_id = :projectId AND user_id = :userId")
    Optional<String> role(long projectId, long userId);

    @SqlQuery("SELECT blind_coding FROM projects WHERE id = :projectId")
    Optional<Boolean> blind(long projectId);

    @SqlQuery("SELECT project_id FROM transcripts WHERE id = :transcriptId AND deleted_at IS NULL")
    Optional<Long> projectOfLiveTranscript(long transcriptId);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM session_professionals WHERE transcript_id = :transcriptId AND user_id = :userId)")
    boolean professionalOf(long transcriptId, long userId);

    /** The assignment rule (the view open_transcripts, migration V008): whether a live transcript is open to a user. */
    @SqlQuery("SELECT EXISTS (SELECT 1 FROM open_transcripts WHERE transcript_id = :transcriptId AND user_id = :userId)")
    boolean openTo(long transcriptId, long userId);
}
