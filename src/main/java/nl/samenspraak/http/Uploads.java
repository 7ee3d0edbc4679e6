package nl.samenspraak.http;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Files sent by a client: multipart form fields named {@code file}, or a raw body with the file
 * name in the {@code fileName} query parameter. Sizes are checked against {@link Limits}.
 */
public final class Uploads {
    private Uploads() {}

    public record FilePart(String fileName, byte[] content) {}

    public static List<FilePart> files(Context ctx) {
        long announced = ctx.req().getContentLengthLong();
        if (announced > Limits.MAX_REQUEST_BYTES) {
            // Answered from the headers alone: a body this large is not read at all.
            throw new ApiException(413, "upload.tooLarge", "The upload is " + announced / (1024 * 1024) + " MiB; a transcript or codebook may be at most "
                    + Limits.MAX_UPLOAD_BYTES / (1024 * 1024) + " MiB.").with("mib", announced / (1024 * 1024)).with("max", Limits.MAX_UPLOAD_BYTES / (1024 * 1024));
        }
        String type = ctx.contentType() == null ? "" : ctx.contentType();
        if (type.startsWith("multipart/form-data")) return multipart(ctx);
        String name = ctx.queryParam("fileName");
        if (name == null || name.isBlank()) {
            throw ApiException.badRequest("upload.noFile", "Send the file as multipart form field 'file', or as the body with its name in the query parameter 'fileName'.");
        }
        byte[] body = ctx.bodyAsBytes();
        checkSize(name, body.length);
        return List.of(new FilePart(name, body));
    }

    /** A form field of a multipart request, or null. */
    public static String field(Context ctx, String name) {
        String type = ctx.contentType() == null ? "" : ctx.contentType();
        return type.startsWith("multipart/form-data") ? ctx.formParam(name) : ctx.queryParam(name);
    }

    private static List<FilePart> multipart(Context ctx) {
        List<UploadedFile> files;
        try {
            files = ctx.uploadedFiles("file");
        } catch (Exception e) { // Jetty throws ServletException (checked) through Kotlin for a broken body
            String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            throw ApiException.badRequest("upload.unreadable", "The multipart upload could not be read: " + why + ".").with("reason", String.valueOf(why));
        }
        if (files.isEmpty()) throw ApiException.badRequest("upload.fileMissing", "Field 'file': no file was sent.");
        List<FilePart> out = new ArrayList<>();
        for (UploadedFile f : files) {
            checkSize(f.filename(), f.size());
            try (InputStream in = f.content()) {
                out.add(new FilePart(f.filename(), in.readAllBytes()));
            } catch (IOException e) {
                throw ApiException.badRequest("upload.fileUnreadable", f.filename() + ": the upload could not be read.").with("file", f.filename());
            }
        }
        return out;
    }

    private static void checkSize(String name, long size) {
        if (size > Limits.MAX_UPLOAD_BYTES) {
            throw ApiException.badRequest("upload.fileTooLarge", name + ": the file is " + size / (1024 * 1024) + " MiB, over the limit of "
                    + Limits.MAX_UPLOAD_BYTES / (1024 * 1024) + " MiB.").with("file", name).with("mib", size / (1024 * 1024))
                    .with("max", Limits.MAX_UPLOAD_BYTES / (1024 * 1024));
        }
    }
}
