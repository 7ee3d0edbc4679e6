package nl.samenspraak.transcript.format;

/**
 * Checks that a file's bytes fit the format its extension claims, so that a Word file renamed
 * to .txt, or a PDF, gets a message that says what it is instead of a puzzling parse error.
 */
final class ContentSniffer {
    private ContentSniffer() {}

    static void check(String file, String format, byte[] content) {
        boolean zip = TextDecoding.startsWith(content, 0x50, 0x4B, 0x03, 0x04);
        boolean ole2 = TextDecoding.startsWith(content, 0xD0, 0xCF, 0x11, 0xE0);
        boolean pdf = TextDecoding.startsWith(content, '%', 'P', 'D', 'F');
        if (format.equals("docx")) {
            if (ole2) throw refuse(file, "this is an old Word .doc file (or another Office 97 file), not .docx; "
                    + "open it in Word and save it as .docx.");
            if (!zip) throw refuse(file, "this is not a Word .docx file: a .docx is a zip archive, and this file is not"
                    + (pdf ? " (it is a PDF)." : "; it may be corrupt or renamed."));
            return;
        }
        if (zip) throw refuse(file, "this is a zip archive (perhaps a Word .docx or Excel .xlsx file), not ."
                + format + " text; rename a Word file to .docx, or save a sheet as CSV UTF-8.");
        if (ole2) throw refuse(file, "this is an old Word or Excel file (.doc, .xls), not ." + format
                + " text; save it as .docx, or as CSV UTF-8.");
        if (pdf) throw refuse(file, "this is a PDF, not ." + format + " text; export the transcript from the "
                + "program that made it as .docx or UTF-8 text.");
    }

    /** What a transcript of a format should hold, for the "no turns" message. */
    static String expectation(String format) {
        return switch (format) {
            case "docx" -> "expected paragraphs such as 'KM: Goedemorgen.' or a table with a speaker and a text column.";
            case "txt" -> "expected lines such as 'KM: Goedemorgen.'.";
            case "vtt", "srt" -> "the subtitles hold no text.";
            case "csv" -> "the sheet has a header but no rows with text.";
            case "eaf" -> "no top-level tier has an aligned annotation with text.";
            default -> "";
        };
    }

    private static TranscriptFormatException refuse(String file, String problem) {
        return new TranscriptFormatException(file, null, problem);
    }
}
