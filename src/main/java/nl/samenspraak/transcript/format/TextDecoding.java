package nl.samenspraak.transcript.format;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bytes of a text transcript to characters, never stored as mojibake.
 *
 * <p>Recognised without asking: UTF-8 with or without a byte-order mark, and UTF-16 (LE or BE)
 * with a byte-order mark, as Notepad and Excel write them. Text that is not valid UTF-8
 * (typically Windows-1252 from an old Word "save as text") is read with a guessed legacy
 * encoding in a preview only, with a warning that shows a decoded line; an import needs the
 * encoding named ({@link ReadOptions#encoding}), and is refused otherwise with the line of the
 * first bad byte and the guess. Naming a legacy encoding for a file that is valid UTF-8 with
 * non-ASCII text is refused, since it would turn "cliënt" into "cliÃ«nt". Windows-1252 is
 * guessed unless a byte that Windows-1252 leaves undefined occurs (then ISO-8859-1).
 * Line endings (CRLF, CR, LF) all end a line.
 */
final class TextDecoding {
    private TextDecoding() {}

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Charset LATIN_1 = StandardCharsets.ISO_8859_1;

    /** The charset chosen for a file and where its text starts (after a byte-order mark). */
    record Decoded(Charset charset, int offset) {}

    static Decoded choose(ReadNotes notes, byte[] content) {
        String file = notes.file;
        Charset requested = notes.options.encoding();
        Decoded bom = byBom(content);
        if (bom != null) {
            if (requested != null && !requested.equals(bom.charset()))
                notes.warn("encoding-bom", null, Said.of("warning.encodingFromBom", "the file starts with a " + bom.charset().name()
                        + " byte-order mark, so it is read as " + bom.charset().name() + ", not as " + requested.name() + ".",
                        "encoding", bom.charset().name(), "requested", requested.name()));
            return note(notes, bom, false, true);
        }
        if (looksLikeUtf16WithoutBom(content))
            throw new TranscriptFormatException(file, null, Said.of("transcript.utf16WithoutBom", "undecodable text: the file looks like "
                    + "UTF-16 without a byte-order mark; save it as UTF-8 and import it again."));
        Utf8Scan scan = Utf8Scan.of(content);
        if (requested != null && !requested.equals(StandardCharsets.UTF_8) && !requested.name().startsWith("UTF-16"))
            return legacy(notes, content, scan, requested);
        if (scan.valid()) return note(notes, new Decoded(StandardCharsets.UTF_8, 0), false, false);
        Charset guess = scan.undefinedIn1252() ? LATIN_1 : WINDOWS_1252;
        String sample = sampleLine(content, scan.badOffset(), guess);
        if (requested == null && notes.options.preview()) {
            notes.warn("encoding-guessed", Place.line(scan.badLine()), Said.of("warning.encodingGuessed", "the file is not UTF-8; it was read as "
                    + guess.name() + ", which gives '" + sample + "'. Choose the encoding that shows the text correctly before importing.",
                    "encoding", guess.name(), "sample", sample));
            return note(notes, new Decoded(guess, 0), true, false);
        }
        throw new TranscriptFormatException(file, Place.line(scan.badLine()), Said.of("transcript.notUtf8", String.format(
                "undecodable text: byte 0x%02X at byte offset %d is not valid UTF-8. The file looks like %s, which reads "
                        + "'%s'; import it with that encoding (choose it in the preview, or --encoding %s), or save it as UTF-8.",
                content[scan.badOffset()] & 0xFF, scan.badOffset(), guess.name(), sample, guess.name()),
                "byte", String.format("0x%02X", content[scan.badOffset()] & 0xFF), "offset", scan.badOffset(), "encoding", guess.name(), "sample", sample));
    }

    private static Decoded legacy(ReadNotes notes, byte[] content, Utf8Scan scan, Charset requested) {
        if (scan.valid() && scan.nonAscii())
            throw new TranscriptFormatException(notes.file, Place.line(scan.firstNonAsciiLine()), Said.of("transcript.isUtf8", "the file is "
                    + "valid UTF-8 and holds non-ASCII text ('" + sampleLine(content, scan.firstNonAsciiOffset(), StandardCharsets.UTF_8)
                    + "'); read as " + requested.name() + " it would become '" + sampleLine(content, scan.firstNonAsciiOffset(), requested)
                    + "'. Import it as UTF-8.", "sample", sampleLine(content, scan.firstNonAsciiOffset(), StandardCharsets.UTF_8),
                    "encoding", requested.name(), "wrong", sampleLine(content, scan.firstNonAsciiOffset(), requested)));
        if (requested.equals(WINDOWS_1252) && scan.undefinedIn1252())
            throw new TranscriptFormatException(notes.file, Place.line(scan.undefinedLine()), Said.of("transcript.not1252", String.format("byte "
                    + "0x%02X is not a Windows-1252 character; the file may be ISO-8859-1 (Latin-1).", content[scan.undefinedOffset()] & 0xFF),
                    "byte", String.format("0x%02X", content[scan.undefinedOffset()] & 0xFF)));
        return note(notes, new Decoded(requested, 0), false, false);
    }

    private static Decoded note(ReadNotes notes, Decoded d, boolean guessed, boolean bom) {
        notes.encoding = new FileReading.Encoding(d.charset().name(), guessed, bom);
        return d;
    }

    private static Decoded byBom(byte[] content) {
        if (startsWith(content, 0xEF, 0xBB, 0xBF)) return new Decoded(StandardCharsets.UTF_8, 3);
        if (startsWith(content, 0xFF, 0xFE)) return new Decoded(StandardCharsets.UTF_16LE, 2);
        if (startsWith(content, 0xFE, 0xFF)) return new Decoded(StandardCharsets.UTF_16BE, 2);
        return null;
    }

    /** A streaming line reader over the decoded text (validated first, so decoding cannot fail). */
    static LineReader lines(byte[] content, Decoded d) {
        var decoder = d.charset().newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        var in = new ByteArrayInputStream(content, d.offset(), content.length - d.offset());
        return new LineReader(new BufferedReader(new InputStreamReader(in, decoder), 1 << 16));
    }

    /** The first {@code maxBytes} bytes decoded, for recognising the format. */
    static String head(byte[] content, Decoded d, int maxBytes) {
        int n = Math.min(content.length - d.offset(), maxBytes);
        return new String(content, d.offset(), n, d.charset()).replace("\r\n", "\n").replace('\r', '\n');
    }

    /** The line around byte {@code offset}, decoded with {@code charset} and shortened, for messages. */
    static String sampleLine(byte[] content, int offset, Charset charset) {
        int from = offset, to = offset;
        while (from > 0 && content[from - 1] != '\n' && offset - from < 60) from--;
        while (to < content.length && content[to] != '\n' && content[to] != '\r' && to - offset < 60) to++;
        return TextFormat.abbreviate(new String(content, from, to - from, charset));
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
