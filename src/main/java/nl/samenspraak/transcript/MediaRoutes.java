package nl.samenspraak.transcript;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.Part;
import nl.samenspraak.account.Access;
import nl.samenspraak.http.ApiException;
import nl.samenspraak.http.BodyType;
import nl.samenspraak.http.DiskFull;
import nl.samenspraak.http.RangedFile;
import nl.samenspraak.http.Requests;

import java.io.IOException;
import java.nio.file.Files;

/**
 * The recording of a transcript: upload (admins and trainers), its description, and the file itself
 * with HTTP range requests so that the coding screen can seek (members of the project only).
 * Uploads are streamed to disk, never held in memory, so the limit is {@link MediaService#MAX_MEDIA_BYTES}
 * rather than the app's request limit for transcripts. A stored recording's waveform is computed in the
 * background right after the answer is made ({@link WaveformService#computeInBackground}), so the first coder to
 * open it does not wait for the decoding.
 */
public final class MediaRoutes {
    /** Jetty's attribute for the multipart settings of one request (what Javalin's own uploadedFiles sets). */
    private static final String MULTIPART_CONFIG = "org.eclipse.jetty.multipartConfig";
    /** Parts up to this size stay in memory while Jetty parses the request; larger ones go to the spool folder. */
    private static final int IN_MEMORY_PART_BYTES = 1024 * 1024;

    private final MediaService media;
    private final WaveformService waveforms;
    private final Access access;

    public MediaRoutes(MediaService media, WaveformService waveforms, Access access) {
        this.media = media;
        this.waveforms = waveforms;
        this.access = access;
    }

    public void register(RoutesConfig r) {
        r.post("/api/transcripts/{transcriptId}/media", this::upload, BodyType.UPLOAD);
        r.post("/api/projects/{projectId}/recordings", this::fromRecording, BodyType.UPLOAD);
        r.get("/api/transcripts/{transcriptId}/media", this::stream);
        r.get("/api/transcripts/{transcriptId}/media/info", ctx -> ctx.json(media.recording(access.user(ctx), id(ctx))));
    }

    private void upload(Context ctx) throws IOException {
        Media stored = media.upload(access.user(ctx), id(ctx), ctx.req().getContentLengthLong(), () -> incoming(ctx));
        waveforms.computeInBackground(stored);
        ctx.status(201).json(stored);
    }

    /** A transcript made from a recording alone (issue 14), answered with the transcript and its recording. */
    private void fromRecording(Context ctx) throws IOException {
        MediaService.FromRecording made = media.createFromRecording(access.user(ctx), Requests.id(ctx, "projectId"), ctx.req().getContentLengthLong(),
                () -> incoming(ctx));
        waveforms.computeInBackground(made.recording());
        ctx.status(201).json(made);
    }

    /** The recording of the request: multipart field 'file', or the body with its name in the query parameter 'fileName'. */
    private MediaService.Incoming incoming(Context ctx) throws IOException {
        String type = ctx.contentType() == null ? "" : ctx.contentType();
        if (type.startsWith("multipart/form-data")) {
            Part part = filePart(ctx);
            return new MediaService.Incoming(part.getSubmittedFileName(), part.getInputStream(), () -> deleteQuietly(part));
        }
        String name = ctx.queryParam("fileName");
        if (name == null || name.isBlank()) {
            throw ApiException.badRequest("upload.noFile", "Send the recording as multipart form field 'file', or as the body with its name in the query parameter 'fileName'.");
        }
        return new MediaService.Incoming(name, ctx.req().getInputStream(), () -> { });
    }

    private Part filePart(Context ctx) {
        ctx.req().setAttribute(MULTIPART_CONFIG, new MultipartConfigElement(media.spoolFolder().toString(),
                MediaService.MAX_MEDIA_BYTES, MediaService.MAX_MEDIA_BYTES + MediaService.MULTIPART_OVERHEAD, IN_MEMORY_PART_BYTES));
        Part part;
        try {
            part = ctx.req().getPart("file");
        } catch (IllegalStateException e) {
            throw MediaService.tooLarge("The recording");
        } catch (Exception e) {
            DiskFull.rethrow(e);
            throw ApiException.badRequest("upload.unreadable", "The multipart request could not be read: " + e.getMessage()).with("reason", String.valueOf(e.getMessage()));
        }
        if (part == null || part.getSubmittedFileName() == null) throw ApiException.badRequest("upload.fileMissing", "Field 'file': no file was sent.");
        return part;
    }

    private static void deleteQuietly(Part part) {
        try {
            part.delete();
        } catch (IOException ignored) {
            // a spooled part left behind is removed with the spool folder's other leftovers
        }
    }

    private void stream(Context ctx) throws IOException {
        Media m = media.recording(access.user(ctx), id(ctx));
        var file = media.file(m);
        if (!Files.isRegularFile(file)) {
            throw ApiException.notFound("media.fileMissing", "The recording file of transcript " + m.transcriptId()).with("transcriptId", m.transcriptId());
        }
        RangedFile.send(ctx, file, m.contentType());
    }

    private static long id(Context ctx) {
        return Requests.id(ctx, "transcriptId");
    }
}
