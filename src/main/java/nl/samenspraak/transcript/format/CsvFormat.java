package nl.samenspraak.transcript.format;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Delimited sheets (CSV and TSV) read as they stream: the delimiter is the one the first lines
 * share ({@link CsvShape}: tab, semicolon as Excel writes in a Dutch locale, or comma); quoted
 * fields may hold delimiters, quotes ("") and line breaks. Columns and rows: {@link SheetTurns}.
 */
final class CsvFormat {
    private CsvFormat() {}

    static void parse(ReadNotes notes, LineReader lines, char delimiter, TurnSink sink) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreSurroundingSpaces(true).get();
        SheetTurns sheet = new SheetTurns(notes, sink);
        try (CSVParser parser = CSVParser.parse(lines.reader(), format)) {
            for (CSVRecord row : parser) sheet.row(row.getRecordNumber(), row.toList());
            sheet.finish();
        } catch (IOException | UncheckedIOException e) {
            String message = e.getMessage() == null ? "" : e.getMessage().replaceAll("\\s+", " ");
            throw new TranscriptFormatException(notes.file, null, Said.of("transcript.sheetUnreadable", "the sheet cannot be read: " + message,
                    "reason", message));
        }
    }

    static String separator(char delimiter) {
        return delimiter == '\t' ? "tab" : String.valueOf(delimiter);
    }
}
