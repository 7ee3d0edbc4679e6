package nl.samenspraak.transcript;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.Part;
import nl.samenspraak.account.Access;
import nl.samenspraak.account.Role;
import nl.samenspraak.account.User;
import nl.samenspraak.http.ApiException;
import nl.samenspraak.http.BodyType;
import nl.samenspraak.http.RangedFile;
import nl.samenspraak.http.Requests;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Map;

/**
 * The recording of a transcript: upload (admins and trainers), its description, and the file itself
 * with HTTP range requests so that the coding screen can seek (members of the project only).
 * Uploads are streamed to disk, never held in memory, so the limit is {@link MediaService#MAX_MEDIA_BYTES}
 * rather than the app's request limit for transcripts.
 */
public final class MediaRoutes {
    private static final Role[] UPLOADERS = {Role.ADMIN, Role.TRAINER};
    /** Jetty's attribute for the multipart settings of one request (what Javalin's own uploadedFiles sets). */
    private static final String MULTIPART_CONFIG = "org.eclipse.jetty.multipartConfig";
    /** Parts up to this size stay in memory while Jetty parses the request; larger ones go to the spool folder. */
    private static final int IN_MEMORY_PART_BYTES = 1024 * 1024;

    private final TranscriptService transcripts;
    private final MediaService media;
    private final Access access;

    public MediaRoutes(TranscriptService transcripts, MediaService media, Access access) {
        this.transcripts = transcripts;
        this.media = media;
        this.access = access;
    }

    public void register(RoutesConfig r) {
        r.post("/api/transcripts/{transcriptId}/media", this::upload, BodyType.UPLOAD);
        r.get("/api/transcripts/{transcriptId}/media", this::stream);
        r.get("/api/transcripts/{transcriptId}/media/info", ctx -> ctx.json(recording(ctx)));
    }

    private void upload(Context ctx) throws IOException {
        Transcript t = transcripts.get(Requests.id(ctx, "transcriptId"));
        User user = access.user(ctx);
        access.require(user, t.projectId(), UPLOADERS);
        if (ctx.req().getContentLengthLong() > MediaService.MAX_MEDIA_BYTES + 64 * 1024) throw MediaService.tooLarge("The recording");
        String type = ctx.contentType() == null ? "" : ctx.contentType();
        if (type.startsWith("multipart/form-data")) {
            Part part = filePart(ctx);
            try (InputStream in = part.getInputStream()) {
                ctx.status(201).json(media.store(t, part.getSubmittedFileName(), in, user.id()));
            } finally {
                part.delete();
            }
        } else {
            String name = ctx.queryParam("fileName");
            if (name == null || name.isBlank()) {
                throw ApiException.badRequest("Send the recording as multipart form field 'file', or as the body with its name in the query parameter 'fileName'.");
            }
            try (InputStream in = ctx.req().getInputStream()) {
                ctx.status(201).json(media.store(t, name, in, user.id()));
            }
        }
    }

    private Part filePart(Context ctx) {
        ctx.req().setAttribute(MULTIPART_CONFIG, new MultipartConfigElement(media.spoolFolder().toString(),
                MediaService.MAX_MEDIA_BYTES, MediaService.MAX_MEDIA_BYTES + 64 * 1024, IN_MEMORY_PART_BYTES));
        Part part;
        try {
            part = ctx.req().getPart("file");
        } catch (IllegalStateException e) {
            throw MediaService.tooLarge("The recording");
        } catch (Exception e) {
            throw ApiException.badRequest("The multipart request could not be read: " + e.getMessage());
        }
        if (part == null || part.getSubmittedFileName() == null) throw ApiException.badRequest("Field 'file': no file was sent.");
        return part;
    }

    private Media recording(Context ctx) {
        Transcript t = transcripts.get(Requests.id(ctx, "transcriptId"));
        User user = access.user(ctx);
        // A recording is the transcript's content: a coder hears only the transcripts open to them.
        if (access.require(user, t.projectId()) == Role.CODER && !transcripts.assignedTo(t.id(), user.id())) {
            throw ApiException.notFound("Transcript " + t.id());
        }
        return media.find(t.id()).orElseThrow(() -> new ApiException(404, "Transcript " + t.id() + " has no recording.",
                Map.of("transcriptId", t.id())));
    }

    private void stream(Context ctx) throws IOException {
        Media m = recording(ctx);
        var file = media.file(m);
        if (!Files.isRegularFile(file)) throw ApiException.notFound("The recording file of transcript " + m.transcriptId());
        RangedFile.send(ctx, file, m.contentType());
    }
}
