package nl.samenspraak.transcript.format;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;

/**
 * Spreadsheet exports: a header row, then one turn per row.
 *
 * <ul>
 *   <li>Columns are found by header name, in Dutch or English, any case, ignoring spaces,
 *       punctuation and a "(ms)" unit: see {@link TranscriptColumns}. Speaker and text are
 *       required; start and end are optional.</li>
 *   <li>The delimiter is sniffed from the header line: a semicolon when it has more semicolons
 *       than commas (Excel in a Dutch locale), a tab likewise, else a comma. Quoted fields may
 *       hold delimiters, quotes ("") and line breaks.</li>
 *   <li>Times are whole milliseconds ({@code 83500}) or clock times ({@code 00:01:23.500}).</li>
 *   <li>Rows are numbered as a spreadsheet shows them: the header is row 1, the first turn row 2;
 *       a quoted field with line breaks still counts as one row. Blank rows are skipped; a row
 *       with text but no speaker is an error (a spreadsheet has no "continuation" convention).</li>
 * </ul>
 */
final class CsvFormat {
    private CsvFormat() {}

    static List<ParsedTurn> parse(String file, String text) {
        char delimiter = sniffDelimiter(text);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreSurroundingSpaces(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Iterator<CSVRecord> rows = parser.iterator();
            TranscriptColumns columns = header(file, rows, delimiter);
            TurnList turns = new TurnList(file);
            while (rows.hasNext()) readRow(file, rows.next(), columns, turns);
            return turns.result();
        } catch (IOException | UncheckedIOException e) {
            throw new TranscriptFormatException(file, null, "the CSV cannot be read: " + e.getMessage());
        }
    }

    static String location(long row) { return "row " + row + " (header = row 1)"; }

    private static TranscriptColumns header(String file, Iterator<CSVRecord> rows, char delimiter) {
        if (!rows.hasNext()) throw new TranscriptFormatException(file, null, "the file is empty.");
        List<String> names = rows.next().toList();
        return TranscriptColumns.fromHeader(names).orElseThrow(() -> new TranscriptFormatException(file, location(1),
                "the header must name a speaker column and a text column (such as 'spreker;tekst' or "
                        + "'speaker,text'); found " + names + " with delimiter '" + (delimiter == '\t' ? "tab" : delimiter) + "'."));
    }

    private static void readRow(String file, CSVRecord row, TranscriptColumns columns, TurnList turns) {
        String location = location(row.getRecordNumber());
        String speaker = cell(row, columns.speaker());
        String text = cell(row, columns.text());
        if (speaker.isBlank() && text.isBlank()) return;
        if (speaker.isBlank())
            throw new TranscriptFormatException(file, location, "the speaker is empty; every row with text needs a speaker.");
        Long start = time(file, location, cell(row, columns.start()), "start");
        Long end = time(file, location, cell(row, columns.end()), "end");
        turns.add(speaker, text, start, end, "row " + row.getRecordNumber(), location);
    }

    private static String cell(CSVRecord row, int column) {
        return column >= 0 && column < row.size() ? row.get(column) : "";
    }

    private static Long time(String file, String location, String value, String which) {
        if (value.isBlank()) return null;
        return TimeParsing.parseMillisOrClock(value).orElseThrow(() -> new TranscriptFormatException(file, location,
                "the " + which + " time '" + value.strip() + "' is neither milliseconds (83500) nor a clock time (00:01:23.500)."));
    }

    /** Counts delimiters on the first line outside quotes. */
    static char sniffDelimiter(String text) {
        int commas = 0, semicolons = 0, tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length() && text.charAt(i) != '\n'; i++) {
            char c = text.charAt(i);
            if (c == '"') quoted = !quoted;
            else if (!quoted && c == ',') commas++;
            else if (!quoted && c == ';') semicolons++;
            else if (!quoted && c == '\t') tabs++;
        }
        if (semicolons > commas && semicolons >= tabs) return ';';
        if (tabs > commas) return '\t';
        return ',';
    }
}
