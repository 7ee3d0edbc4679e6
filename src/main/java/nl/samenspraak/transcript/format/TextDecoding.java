package nl.samenspraak.transcript.format;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bytes of a text transcript to a string, refusing rather than guessing.
 *
 * <p>Accepted: UTF-8 with or without a byte-order mark, and UTF-16 (LE or BE) with a byte-order
 * mark, as Notepad and Excel write them. Anything else that is not valid UTF-8 (typically
 * Windows-1252 from an old Word "save as text") is refused, naming the line of the first bad
 * byte and asking to save as UTF-8: guessing a legacy code page would silently turn "cliënt"
 * into "cliÃ«nt" or worse. Line endings become "\n".
 */
final class TextDecoding {
    private TextDecoding() {}

    static String decode(String file, byte[] content) {
        Charset charset = StandardCharsets.UTF_8;
        int offset = 0;
        if (startsWith(content, 0xEF, 0xBB, 0xBF)) offset = 3;
        else if (startsWith(content, 0xFF, 0xFE)) { charset = StandardCharsets.UTF_16LE; offset = 2; }
        else if (startsWith(content, 0xFE, 0xFF)) { charset = StandardCharsets.UTF_16BE; offset = 2; }
        else if (looksLikeUtf16WithoutBom(content))
            throw new TranscriptFormatException(file, null, "undecodable text: the file looks like UTF-16 without a "
                    + "byte-order mark; save it as UTF-8 and import it again.");
        String text = strictDecode(file, content, offset, charset);
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** The lines of {@code text}; line i of the list is line i+1 of the file. */
    static String[] lines(String text) {
        return text.split("\n", -1);
    }

    private static String strictDecode(String file, byte[] content, int offset, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content, offset, content.length - offset);
        CharBuffer out = CharBuffer.allocate(content.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) result = decoder.flush(out);
        if (result.isError()) {
            int bad = in.position();
            out.flip();
            long line = out.chars().filter(c -> c == '\n').count() + 1;
            throw new TranscriptFormatException(file, "line " + line, String.format(
                    "undecodable text: byte 0x%02X at byte offset %d is not valid %s. The file is probably in "
                            + "another encoding (such as Windows-1252); save it as UTF-8 and import it again.",
                    content[bad] & 0xFF, bad, charset.name()));
        }
        out.flip();
        return out.toString();
    }

    /** Many zero bytes at even or odd positions: UTF-16 text of a Latin script. */
    private static boolean looksLikeUtf16WithoutBom(byte[] content) {
        int n = Math.min(content.length, 400), zeros = 0;
        for (int i = 0; i < n; i++) if (content[i] == 0) zeros++;
        return n >= 4 && zeros * 4 >= n;
    }

    static boolean startsWith(byte[] content, int... prefix) {
        if (content.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if ((content[i] & 0xFF) != prefix[i]) return false;
        return true;
    }
}
