package nl.samenspraak.transcript.format;


import java.util.List;
import java.util.Locale;

/**
 * Reads a transcript file into turns. The format follows the file name's extension
 * ({@link #FORMATS}); the content must fit it, so a Word file renamed to .txt is refused with a
 * hint instead of read as garbage.
 *
 * <p>Rules shared by all formats: at most {@link #MAX_BYTES} bytes; text formats
 * as in {@link TextDecoding} (UTF-8 with or without BOM, UTF-16 with BOM, nothing guessed);
 * every turn's text whitespace-normalised ({@link TurnList#normalise}) and empty turns dropped;
 * times must not run backwards; a file with no turns is refused. Each format's own rules are on
 * its class: {@link DocxFormat}, {@link TextFormat}, {@link WebVttFormat}, {@link SrtFormat},
 * {@link CsvFormat}, {@link ElanFormat}.
 */
public final class TranscriptReader {
    private TranscriptReader() {}

    /** The largest transcript read: the upload limit of the server (http's Limits, kept equal by a test). */
    public static final long MAX_BYTES = 20L * 1024 * 1024;

    /** The accepted extensions, which are also the {@link ParsedTranscript#format()} values. */
    public static final List<String> FORMATS = List.of("docx", "txt", "vtt", "srt", "csv", "eaf");

    /**
     * @param fileName the name as uploaded; its extension chooses the format, and it names the
     *                 file in messages
     * @throws TranscriptFormatException naming the file, the place and the problem
     */
    public static ParsedTranscript read(String fileName, byte[] content) {
        String file = fileName == null || fileName.isBlank() ? "(unnamed file)" : fileName;
        String format = extension(file);
        if (!FORMATS.contains(format)) throw unknownFormat(file, format);
        if (content.length > MAX_BYTES)
            throw new TranscriptFormatException(file, null, String.format(Locale.ROOT,
                    "the file is %.1f MiB; the limit is %d MiB.", content.length / 1048576.0, MAX_BYTES >> 20));
        if (isBlank(content)) throw new TranscriptFormatException(file, null, "the file is empty.");
        ContentSniffer.check(file, format, content);
        List<ParsedTurn> turns = switch (format) {
            case "docx" -> DocxFormat.parse(file, content);
            case "eaf" -> ElanFormat.parse(file, content);
            default -> readText(file, format, TextDecoding.decode(file, content));
        };
        if (turns.isEmpty())
            throw new TranscriptFormatException(file, null, "no turns found: " + ContentSniffer.expectation(format));
        return new ParsedTranscript(format, turns);
    }

    private static List<ParsedTurn> readText(String file, String format, String text) {
        if (text.isBlank()) throw new TranscriptFormatException(file, null, "the file is empty.");
        return switch (format) {
            case "txt" -> TextFormat.parse(file, text);
            case "vtt" -> WebVttFormat.parse(file, text);
            case "srt" -> SrtFormat.parse(file, text);
            case "csv" -> CsvFormat.parse(file, text);
            default -> throw new IllegalStateException(format);
        };
    }

    private static String extension(String file) {
        String name = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static TranscriptFormatException unknownFormat(String file, String format) {
        String hint = switch (format) {
            case "doc" -> " Open it in Word and save it as .docx.";
            case "rtf", "odt", "pdf" -> " Save it as .docx or as UTF-8 text (.txt).";
            case "xlsx", "xls", "ods" -> " Save the sheet as CSV UTF-8 (.csv).";
            default -> "";
        };
        String found = format.isEmpty() ? "the file name has no extension" : "'." + format + "' is not a known format";
        return new TranscriptFormatException(file, null, "unknown format: " + found + "; accepted are .docx, .txt, "
                + ".vtt, .srt, .csv and .eaf." + hint);
    }

    /** Zero bytes, or only ASCII whitespace and byte-order marks. */
    private static boolean isBlank(byte[] content) {
        for (byte b : content) {
            int c = b & 0xFF;
            if (!(c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xEF || c == 0xBB || c == 0xBF
                    || c == 0xFF || c == 0xFE || c == 0)) return false;
        }
        return true;
    }
}
