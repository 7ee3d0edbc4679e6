package nl.samenspraak.transcript;

import nl.samenspraak.account.Role;
import nl.samenspraak.account.User;
import nl.samenspraak.db.Writes;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Coders unitizing one recording independently (issue 14, project setting 'unitizing: independent'): each coder
 * gets their own copy of a transcript made from a recording, so that their units can be compared with another
 * coder's (alpha_U on the reliability page) without either seeing the other's. A copy is an ordinary transcript
 * (format 'recording', no units yet) with the same recording (a hard link to the source's file where the disk
 * allows it, else a copy of the file), its source ({@code source_transcript_id}) and its coder ({@code unitized_by});
 * the view {@code open_transcripts} (migration V014) opens it to that coder only and closes the source to them, so
 * blind coding, the lists, progress, access checks and the code save work on copies as on any transcript.
 *
 * <p>A copy is made for every transcript made from a recording that is open to the coder and is not itself a copy:
 * when staff choose 'unitizing: independent' (for the coders already in the project), when a recording is added to
 * such a project, when a coder joins it, and, for anything those missed (a transcript assigned later), when the coder
 * reads the list of their transcripts. Making them again makes nothing (each copy is checked in its transaction, and
 * a unique index holds one live copy per source and coder). A source's own units (made by staff) are not copied:
 * each coder starts from the recording alone.
 */
public final class UnitCopies {
    private final Jdbi jdbi;
    private final Writes writes;
    private final Path mediaFolder;

    public UnitCopies(Jdbi jdbi, Writes writes, Path mediaFolder) {
        this.jdbi = jdbi;
        this.writes = writes;
        this.mediaFolder = mediaFolder;
    }

    /** A recording transcript open to a coder that has no copy of theirs yet, with its recording. */
    public record Pending(long id, long projectId, String name, String fileName, String coderName, String storedName, String contentType,
                          long sizeBytes, Long durationMs) {}

    @RegisterConstructorMapper(Pending.class)
    interface CopyDao {
        @SqlQuery("SELECT units_per_coder = 1 FROM projects WHERE id = :projectId")
        Optional<Boolean> independent(long projectId);

        @SqlQuery("""
                SELECT t.id, t.project_id, t.name, t.file_name, u.name AS coder_name, m.stored_name, m.content_type, m.size_bytes, m.duration_ms
                FROM transcripts t JOIN media m ON m.transcript_id = t.id JOIN users u ON u.id = :userId
                WHERE t.project_id = :projectId AND t.deleted_at IS NULL AND t.format = 'recording' AND t.unitized_by IS NULL
                  AND t.id IN (SELECT o.transcript_id FROM open_transcripts o WHERE o.project_id = :projectId AND o.user_id = :userId)
                ORDER BY t.id""")
        List<Pending> pending(long projectId, long userId);

        @SqlQuery("""
                SELECT EXISTS (SELECT 1 FROM transcripts WHERE source_transcript_id = :sourceId AND unitized_by = :userId AND deleted_at IS NULL)""")
        boolean hasCopy(long sourceId, long userId);

        @SqlQuery("SELECT EXISTS (SELECT 1 FROM transcripts WHERE project_id = :projectId AND name = :name AND deleted_at IS NULL)")
        boolean nameTaken(long projectId, String name);

        @SqlQuery("""
                INSERT INTO transcripts(project_id, name, file_name, format, segmentation, roles_confirmed, created_at, created_by,
                                        source_transcript_id, unitized_by)
                VALUES (:projectId, :name, :fileName, 'recording', 'turn', 1, :now, :userId, :sourceId, :userId) RETURNING id""")
        long insertCopy(long projectId, String name, String fileName, String now, long userId, long sourceId);

        @SqlQuery("SELECT unitized_by FROM transcripts WHERE id = :transcriptId")
        Optional<Long> unitizedBy(long transcriptId);

        @SqlQuery("SELECT user_id FROM project_members WHERE project_id = :projectId AND role = 'coder' ORDER BY user_id")
        List<Long> coders(long projectId);
    }

    /** Whether a transcript is a coder's own copy of a recording (its coder), for the unitizing rules. */
    public Optional<Long> unitizedBy(long transcriptId) {
        return jdbi.withExtension(CopyDao.class, dao -> dao.unitizedBy(transcriptId));
    }

    /**
     * Makes the coder's copies of the recordings open to them, in a project whose setting is 'unitizing: independent';
     * nothing for other roles or projects. Each copy is written in one transaction with its recording's file in place.
     */
    public void ensureFor(User user, long projectId, Role role) {
        if (role == Role.CODER) ensureFor(projectId, user.id());
    }

    /** The same for one coder of the project (a member with the coder role), by id: when they join it, say. */
    public void ensureFor(long projectId, long coderId) {
        if (!independent(projectId)) return;
        for (Pending p : jdbi.withExtension(CopyDao.class, dao -> dao.pending(projectId, coderId))) copy(p, coderId);
    }

    /** The copies of every coder of the project, if its setting is 'unitizing: independent': once chosen, or a recording added. */
    public void ensureProject(long projectId) {
        if (!independent(projectId)) return;
        for (long coder : jdbi.withExtension(CopyDao.class, dao -> dao.coders(projectId))) {
            for (Pending p : jdbi.withExtension(CopyDao.class, dao -> dao.pending(projectId, coder))) copy(p, coder);
        }
    }

    private boolean independent(long projectId) {
        return jdbi.withExtension(CopyDao.class, dao -> dao.independent(projectId)).orElse(false);
    }

    private void copy(Pending p, long userId) {
        writes.useTransaction(h -> {
            CopyDao dao = h.attach(CopyDao.class);
            if (dao.hasCopy(p.id(), userId)) return;
            String name = p.name() + " · " + p.coderName();
            for (int n = 2; dao.nameTaken(p.projectId(), name); n++) name = p.name() + " · " + p.coderName() + " (" + n + ")";
            String now = Instant.now().toString();
            long id = dao.insertCopy(p.projectId(), name, p.fileName(), now, userId, p.id());
            String ext = p.storedName().substring(p.storedName().lastIndexOf('.') + 1);
            String stored = id + "." + ext;
            h.attach(MediaDao.class).upsert(id, p.fileName(), stored, p.contentType(), p.sizeBytes(), now, userId, p.durationMs());
            h.attach(TranscriptDao.class).log(now, userId, p.projectId(), id, "unitCopy", null, "copy of transcript " + p.id());
            link(mediaFolder.resolve(p.storedName()), mediaFolder.resolve(stored));
        });
    }

    /** The copy's recording: a hard link to the source's file (no second copy on disk), or a copy where links are not possible. */
    static void link(Path source, Path target) {
        try {
            Files.deleteIfExists(target);
            try {
                Files.createLink(target, source);
            } catch (UnsupportedOperationException | IOException e) {
                Files.copy(source, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Copying the recording " + source.getFileName() + " for a coder's own units failed", e);
        }
    }
}
