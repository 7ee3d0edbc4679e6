package nl.samenspraak.transcript;

import nl.samenspraak.account.Access;
import nl.samenspraak.account.Role;
import nl.samenspraak.account.User;
import nl.samenspraak.db.Writes;
import nl.samenspraak.http.ApiException;
import org.jdbi.v3.core.Jdbi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Recordings of transcripts, stored as files in a media folder beside the database
 * ({@code <db folder>/media/<transcript id>.<ext>}). An upload is streamed to a temporary file in
 * that folder and moved into place only when complete and checked, so no half-written recording
 * is ever served; the row and the change-log entry are written in the same transaction as the move.
 */
public final class MediaService {
    /** The largest recording accepted (README: "Limits"): an hour of video at a modest bit rate. */
    public static final long MAX_MEDIA_BYTES = 500L * 1024 * 1024;
    /** Room for the multipart framing around a recording of the largest size. */
    static final long MULTIPART_OVERHEAD = 64 * 1024;
    private static final Role[] UPLOADERS = {Role.ADMIN, Role.TRAINER};

    /** A recording as it arrives: its file name and content, opened only once the caller may upload. */
    public record Incoming(String fileName, InputStream content, Runnable cleanUp) {}

    /** Opens the upload of a request (parsing its multipart body, say); called after the checks. */
    @FunctionalInterface
    public interface Opener {
        Incoming open() throws IOException;
    }

    private final Jdbi jdbi;
    private final Writes writes;
    private final Access access;
    private final Path folder;
    private final UnitCopies copies;

    public MediaService(Jdbi jdbi, Writes writes, Access access, Path folder) {
        this.jdbi = jdbi;
        this.writes = writes;
        this.access = access;
        this.folder = folder;
        this.copies = new UnitCopies(jdbi, writes, folder);
    }

    /**
     * Stores the recording of a transcript for its project's admins and trainers. The request is read only
     * after the checks (role, announced size), so a refused upload is not spooled to disk first.
     */
    public Media upload(User user, long transcriptId, long contentLength, Opener opener) throws IOException {
        Transcript t = transcript(transcriptId);
        access.require(user, t.projectId(), UPLOADERS);
        if (contentLength > MAX_MEDIA_BYTES + MULTIPART_OVERHEAD) throw tooLarge("The recording");
        jdbi.useExtension(MediaDao.class, dao -> refuseReplacing(dao, t));
        Incoming incoming = opener.open();
        try (InputStream in = incoming.content()) {
            return store(t, incoming.fileName(), in, user.id());
        } finally {
            incoming.cleanUp().run();
        }
    }

    /** The recording of a transcript, for the members it is open to (its content, as the text); a 404 when it has none. */
    public Media recording(User user, long transcriptId) {
        Transcript t = transcript(transcriptId);
        access.requireReadable(user, t.projectId(), t.id());
        return find(t.id()).orElseThrow(() -> new ApiException(404, "media.none", "Transcript " + t.id() + " has no recording.",
                java.util.Map.of("transcriptId", t.id())).with("transcriptId", t.id()));
    }

    private Transcript transcript(long id) {
        return jdbi.withExtension(TranscriptDao.class, dao -> dao.find(id)).orElseThrow(() -> Access.transcriptNotFound(id));
    }

    /** The media folder beside a database file. */
    public static Path folderFor(Path database) {
        Path parent = database.toAbsolutePath().getParent();
        return parent.resolve("media");
    }

    /** Where multipart uploads are spooled while they arrive (inside the media folder, so moves stay on one disk). */
    public Path spoolFolder() {
        Path spool = folder.resolve("incoming");
        try {
            Files.createDirectories(spool);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the media folder " + spool, e);
        }
        return spool;
    }

    public Optional<Media> find(long transcriptId) {
        return jdbi.withExtension(MediaDao.class, dao -> dao.find(transcriptId));
    }

    public Path file(Media media) {
        return folder.resolve(media.storedName());
    }

    /** Stores (or replaces) the recording of a transcript from a stream; the stream is read to its end or the limit. */
    public Media store(Transcript t, String fileName, InputStream in, Long userId) {
        String name = baseName(fileName);
        MediaType type = type(name);
        Path temp = null;
        try {
            temp = Files.createTempFile(spoolFolder(), "upload-", ".part");
            long size = copy(in, temp, name);
            checkContent(temp, type, name, size);
            Long duration = duration(temp, type, name, false);
            Path written = temp;
            Media media = writes.inTransaction(h -> put(h, t, name, type, size, duration, userId, written));
            temp = null;
            return media;
        } catch (IOException e) {
            throw new UncheckedIOException("Storing the recording of transcript " + t.id() + " failed", e);
        } finally {
            if (temp != null) deleteQuietly(temp);
        }
    }

    /** A transcript made from a recording alone, and its recording. */
    public record FromRecording(Transcript transcript, Media recording) {}

    /**
     * Makes a transcript from a recording alone (issue 14: coders mark the units while they listen): named after the
     * file (409 when the project has a transcript of that name), format {@code recording}, no units, the recording
     * stored with its duration read from the file (a 400 naming the file and the reason when it cannot be read).
     * Admins and trainers of the project, as for importing a transcript; the request is read only after that check.
     */
    public FromRecording createFromRecording(User user, long projectId, long contentLength, Opener opener) throws IOException {
        access.require(user, projectId, UPLOADERS);
        if (contentLength > MAX_MEDIA_BYTES + MULTIPART_OVERHEAD) throw tooLarge("The recording");
        Incoming incoming = opener.open();
        Path temp = null;
        try (InputStream in = incoming.content()) {
            String name = baseName(incoming.fileName());
            MediaType type = type(name);
            String transcriptName = name.substring(0, name.lastIndexOf('.')).strip();
            if (transcriptName.isEmpty()) transcriptName = name;
            if (nameTaken(projectId, transcriptName)) throw nameTaken(name, transcriptName);
            temp = Files.createTempFile(spoolFolder(), "upload-", ".part");
            long size = copy(in, temp, name);
            checkContent(temp, type, name, size);
            Long duration = duration(temp, type, name, true);
            Path written = temp;
            String tName = transcriptName;
            FromRecording made = writes.inTransaction(h -> {
                MediaDao dao = h.attach(MediaDao.class);
                if (dao.nameTaken(projectId, tName)) throw nameTaken(name, tName);
                long id = dao.insertRecordingTranscript(projectId, tName, name, Instant.now().toString(), user.id());
                Transcript t = h.attach(TranscriptDao.class).find(id).orElseThrow();
                return new FromRecording(t, put(h, t, name, type, size, duration, user.id(), written));
            });
            temp = null;
            // Where coders unitize independently, each coder's own copy of the new recording is there at once.
            copies.ensureProject(projectId);
            return made;
        } finally {
            if (temp != null) deleteQuietly(temp);
            incoming.cleanUp().run();
        }
    }

    /**
     * Independent unitizing: a coder's own copy plays its recording's file, so its recording is replaced through the
     * recording's transcript only (409); and a recording is not replaced once a coder has made units in their copy
     * (409 naming them), as those units mark times in the old recording. Copies without units take the new one.
     */
    private static void refuseReplacing(MediaDao dao, Transcript t) {
        Optional<Long> source = dao.sourceOf(t.id());
        if (source.isPresent()) {
            throw ApiException.conflict("media.unitCopy", "Transcript " + t.id() + " is a coder's own copy of the recording of transcript "
                    + source.get() + "; replace the recording there (copies without units take it over).")
                    .with("transcriptId", t.id()).with("sourceId", source.get());
        }
        List<String> coders = dao.unitCopies(t.id()).stream().filter(c -> c.units() > 0).map(MediaDao.UnitCopy::coder).toList();
        if (!coders.isEmpty()) {
            throw ApiException.conflict("media.copiesHaveUnits", "The recording of transcript " + t.id() + " cannot be replaced: coders unitize it "
                    + "independently, and " + String.join(", ", coders) + " made units in their own copies, at times in this recording. "
                    + "Make a new transcript from the new recording instead.").with("transcriptId", t.id()).with("coders", String.join(", ", coders));
        }
    }

    /**
     * Writes the row, its change-log entry, and moves the checked file into place, in the caller's transaction; coders'
     * own copies of the recording (none with units: {@link #refuseReplacing}) take the new file over, linked as they were made.
     */
    private Media put(org.jdbi.v3.core.Handle h, Transcript t, String name, MediaType type, long size, Long duration, Long userId, Path written)
            throws IOException {
        MediaDao media = h.attach(MediaDao.class);
        refuseReplacing(media, t);
        List<MediaDao.UnitCopy> copies = media.unitCopies(t.id());
        Path target = folder.resolve(t.id() + "." + type.extension);
        Optional<Media> before = media.find(t.id());
        String now = Instant.now().toString();
        media.upsert(t.id(), name, target.getFileName().toString(), type.contentType, size, now, userId, duration);
        if (userId != null) h.attach(TranscriptDao.class).log(now, userId, t.projectId(), t.id(), "media",
                before.map(Media::fileName).orElse(null), name);
        for (MediaDao.UnitCopy c : copies) {
            media.upsert(c.id(), name, c.id() + "." + type.extension, type.contentType, size, now, userId, duration);
            if (userId != null) h.attach(TranscriptDao.class).log(now, userId, t.projectId(), c.id(), "media", null,
                    name + " (the new recording of transcript " + t.id() + ")");
        }
        Files.move(written, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        before.filter(b -> !b.storedName().equals(target.getFileName().toString()))
                .ifPresent(b -> deleteQuietly(folder.resolve(b.storedName())));
        for (MediaDao.UnitCopy c : copies) {
            Path copy = folder.resolve(c.id() + "." + type.extension);
            UnitCopies.link(target, copy);
            if (c.storedName() != null && !c.storedName().equals(copy.getFileName().toString())) deleteQuietly(folder.resolve(c.storedName()));
        }
        return media.find(t.id()).orElseThrow();
    }

    private boolean nameTaken(long projectId, String name) {
        return jdbi.withExtension(MediaDao.class, dao -> dao.nameTaken(projectId, name));
    }

    private static ApiException nameTaken(String file, String name) {
        return ApiException.conflict("transcript.nameTaken", file + ": the project already has a transcript named '" + name + "'.")
                .with("file", file).with("name", name);
    }

    private static String baseName(String fileName) {
        return fileName == null ? "" : Path.of(fileName.replace('\\', '/')).getFileName().toString();
    }

    private static MediaType type(String name) {
        return MediaType.forFileName(name).orElseThrow(() -> ApiException.badRequest("media.unknownType",
                "'" + name + "' is not a recording this app plays; send one of " + MediaType.accepted() + ".").with("file", name).with("accepted", MediaType.accepted()));
    }

    /**
     * The duration read from the file; when it cannot be read, a 400 naming the file and why if it is {@code required}
     * (a transcript made from the recording needs it), else null (a recording beside a transcript plays without it).
     */
    private static Long duration(Path file, MediaType type, String name, boolean required) throws IOException {
        try {
            return MediaDuration.millis(file, type);
        } catch (MediaDuration.NoDuration e) {
            if (!required) return null;
            throw ApiException.badRequest("media.noDuration", name + ": the duration of the recording could not be read: " + e.getMessage() + ".")
                    .with("file", name).with("reason", e.getMessage());
        }
    }

    private static long copy(InputStream in, Path temp, String name) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(temp)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > MAX_MEDIA_BYTES) throw tooLarge(name);
                out.write(buffer, 0, n);
            }
        }
        return total;
    }

    static ApiException tooLarge(String name) {
        return new ApiException(413, "media.tooLarge", name + ": a recording may be at most " + MAX_MEDIA_BYTES / (1024 * 1024) + " MiB.")
                .with("file", name).with("max", MAX_MEDIA_BYTES / (1024 * 1024));
    }

    private static void checkContent(Path file, MediaType type, String name, long size) throws IOException {
        if (size == 0) throw ApiException.badRequest("media.empty", name + ": the file is empty.").with("file", name);
        byte[] head = new byte[MediaType.SNIFF_BYTES];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (!type.matches(head, n)) {
            throw ApiException.badRequest("media.contentMismatch", name + ": the content is not " + type.extension
                    + " audio or video (its first bytes do not fit).").with("file", name).with("type", type.extension);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover file in the spool folder is harmless; the next upload does not reuse its name
        }
    }
}
