package nl.samenspraak.http;

import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * Sends a file, or the one byte range of it that the request asks for ({@link ByteRange}), on the
 * request's own thread. It replaces Javalin's seekable writer, which skipped through the stream
 * with {@code InputStream.skip} (0 forever past the end: a thread spinning after the client left)
 * and parsed the header by hand (a 500 for {@code bytes=}). Reads go by position, every loop ends
 * at the range's end or the file's, and a client that hangs up ends the request at the next write.
 */
public final class RangedFile {
    private static final Logger log = LoggerFactory.getLogger(RangedFile.class);
    private static final int CHUNK = 64 * 1024;

    private RangedFile() {}

    public static void send(Context ctx, Path file, String contentType) throws IOException {
        long length = Files.size(file);
        // We send no validator (ETag, Last-Modified), so an If-Range condition can never hold: the whole file (RFC 9110, 13.1.5).
        ByteRange range = ctx.header("If-Range") != null ? new ByteRange.Whole() : ByteRange.of(ctx.header("Range"), length);
        ctx.header("Accept-Ranges", "bytes");
        if (range instanceof ByteRange.Unsatisfiable) {
            ctx.header("Content-Range", "bytes */" + length);
            ErrorMapper.respond(ctx, 416, "media.rangeNotSatisfiable", "The range '" + ctx.header("Range") + "' lies outside the file of " + length
                    + " bytes.", Map.of("range", String.valueOf(ctx.header("Range")), "length", length), Map.of("length", length));
            return;
        }
        long first = 0, count = length;
        if (range instanceof ByteRange.Part part) {
            first = part.first();
            count = part.length();
            ctx.status(206).header("Content-Range", "bytes " + part.first() + "-" + part.last() + "/" + length);
        } else {
            ctx.status(200);
        }
        ctx.contentType(contentType);
        ctx.res().setContentLengthLong(count);
        copy(ctx, file, first, count);
    }

    private static void copy(Context ctx, Path file, long position, long count) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            OutputStream out = ctx.res().getOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
            long end = position + count;
            while (position < end) {
                buffer.clear().limit((int) Math.min(CHUNK, end - position));
                int n = channel.read(buffer, position);
                if (n < 0) throw new IOException(file.getFileName() + " became shorter while it was being sent");
                position += n;
                try {
                    out.write(buffer.array(), 0, n);
                } catch (IOException gone) {
                    log.debug("The client left while {} was being sent: {}", file.getFileName(), gone.toString());
                    return;
                }
            }
        }
    }
}
