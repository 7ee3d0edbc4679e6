package nl.samenspraak.transcript.format;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Recognises a transcript's format by its content, and says why: a Word file named .txt is read
 * as Word, a WebVTT file named .txt as subtitles. The extension only decides between formats the
 * content does not tell apart (a CSV and a text transcript with commas, say), and a text file
 * with no other signs is a text transcript. Old Office files and PDFs are refused with a hint.
 */
final class FormatDetector {
    private FormatDetector() {}

    record Detected(String format, Said reason) {}

    private static final Pattern SRT_TIMING = Pattern.compile("(?m)^\\s*\\d{1,2}:\\d{2}:\\d{2}[,.]\\d{1,3}\\s+-->\\s+");
    private static final Pattern CHAT_MAIN = Pattern.compile("(?m)^\\*[A-Za-z0-9_]{1,12}:\\t");
    /** The long format ("Object class = ...") and the older short one ("ooTextFile short", then the bare class name). */
    private static final Pattern TEXTGRID = Pattern.compile("\\A\\s*File type = \"ooTextFile(?: short)?\"\\s*\\R\\s*(?:Object class = )?\"TextGrid\"");

    /** For zip and binary files, before any text is decoded. */
    static Detected binary(String file, String extension, byte[] content) {
        if (TextDecoding.startsWith(content, 0x50, 0x4B, 0x03, 0x04) || TextDecoding.startsWith(content, 0x50, 0x4B, 0x05, 0x06)) {
            ZipEntries zip = ZipEntries.of(file, content);
            if (zip.has("word/document.xml")) {
                Object unlike = unlike(extension, "docx");
                return new Detected("docx", Said.of("reason.docx", "a zip archive holding word/document.xml (a Word document)" + unlike, "unlike", unlike));
            }
            if (zip.has("xl/workbook.xml")) {
                Object unlike = unlike(extension, "xlsx");
                return new Detected("xlsx", Said.of("reason.xlsx", "a zip archive holding xl/workbook.xml (an Excel workbook)" + unlike, "unlike", unlike));
            }
            throw new TranscriptFormatException(file, null, Said.of("transcript.zipNotOffice", "this is a zip archive, but neither a Word document (no "
                    + "word/document.xml) nor an Excel workbook (no xl/workbook.xml); save the transcript as .docx, .xlsx or text."));
        }
        if (TextDecoding.startsWith(content, 0xD0, 0xCF, 0x11, 0xE0))
            throw new TranscriptFormatException(file, null, Said.of("transcript.oldOffice", "this is an old Word or Excel file (.doc, .xls); open it and save "
                    + "it as .docx or .xlsx."));
        if (TextDecoding.startsWith(content, '%', 'P', 'D', 'F'))
            throw new TranscriptFormatException(file, null, Said.of("transcript.pdf", "this is a PDF; export the transcript from the program that made "
                    + "it as .docx or UTF-8 text."));
        if (TextDecoding.startsWith(content, '{', '\\', 'r', 't', 'f'))
            throw new TranscriptFormatException(file, null, Said.of("transcript.rtf", "this is an RTF document; save it as .docx or as UTF-8 text."));
        return null;
    }

    /** For text, from its first part ({@code head}). */
    static Detected text(String file, String extension, String head) {
        String start = head.stripLeading();
        if (start.startsWith("WEBVTT")) {
            Object unlike = unlike(extension, "vtt");
            return new Detected("vtt", Said.of("reason.vtt", "it starts with 'WEBVTT' (WebVTT subtitles)" + unlike, "unlike", unlike));
        }
        if (TEXTGRID.matcher(head).find()) {
            Object unlike = unlike(extension, "textgrid");
            return new Detected("textgrid", Said.of("reason.textgrid", "it starts with 'File type = \"ooTextFile\"' and "
                    + "'Object class = \"TextGrid\"' (a Praat TextGrid)" + unlike, "unlike", unlike));
        }
        if (start.startsWith("@UTF8") || start.startsWith("@Begin") || (start.startsWith("@") && CHAT_MAIN.matcher(head).find())) {
            Object unlike = unlike(extension, "cha");
            return new Detected("cha", Said.of("reason.cha", "it has CHAT headers (@Begin, @Participants) and main tiers such as '*INV:' (CLAN)"
                    + unlike, "unlike", unlike));
        }
        if (start.startsWith("<")) {
            if (head.contains("<ANNOTATION_DOCUMENT")) {
                Object unlike = unlike(extension, "eaf");
                return new Detected("eaf", Said.of("reason.eaf", "XML whose root is <ANNOTATION_DOCUMENT> (ELAN)" + unlike, "unlike", unlike));
            }
            if (start.startsWith("<?xml") || extension.equals("eaf")) return new Detected("eaf", Said.of("reason.xml", "XML"));
        }
        if (start.startsWith("{") || start.startsWith("[{") || start.startsWith("[\n") || start.startsWith("[ "))
            if (head.contains("\"segments\"") || head.contains("\"start\"") || extension.equals("json"))
                return new Detected("json", head.contains("\"segments\"")
                        ? Said.of("reason.jsonSegments", "JSON with a 'segments' list (whisper, WhisperX)") : Said.of("reason.json", "JSON"));
        if (SRT_TIMING.matcher(head).find()) {
            Object unlike = unlike(extension, "srt");
            return new Detected("srt", Said.of("reason.srt", "numbered cues with timing lines such as "
                    + "'00:00:01,000 --> 00:00:04,000' (SubRip subtitles)" + unlike, "unlike", unlike));
        }
        String delimiter = CsvShape.delimiterOf(head, List.of("csv", "tsv", "xlsx").contains(extension));
        if (delimiter != null) {
            Object unlike = unlike(extension, "csv");
            Said by = switch (delimiter) {
                case "tabs" -> Said.of("word.tabs", "tabs");
                case "semicolons" -> Said.of("word.semicolons", "semicolons");
                default -> Said.of("word.commas", "commas");
            };
            return new Detected("csv", Said.of("reason.csv", "rows of the same number of columns separated by " + by.text() + unlike,
                    "delimiter", by, "unlike", unlike));
        }
        Object unlike = unlike(extension, "txt");
        return new Detected("txt", Said.of("reason.txt", "lines of text" + unlike, "unlike", unlike));
    }

    /** "" when the name's extension fits the format, else a reason (its text starts with a space) saying the content decided. */
    private static Object unlike(String extension, String format) {
        boolean same = extension.equals(format) || (format.equals("csv") && extension.equals("tsv"))
                || (format.equals("textgrid") && extension.equals("textgrid")) || (format.equals("txt") && extension.equals("md"));
        return same || extension.isEmpty() ? "" : Said.of("reason.unlike", " (the name ends in ." + extension + ", but the content decides)",
                "extension", extension);
    }
}
