package nl.samenspraak.transcript.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Transcript tables in a Word document.
 *
 * <ul>
 *   <li>With a header row, columns are found by name as in a sheet ({@link TranscriptColumns}:
 *       spreker/speaker/naam, tekst/text/uiting, tijd/time/start, eind/end).</li>
 *   <li>Without one, a table of 2 or 3 columns qualifies when a speaker occurs at least twice:
 *       a column whose cells are mostly clock times is the time, a column of row numbers is
 *       ignored, and of the other two the one with the shorter cells is the speaker. Other
 *       tables (layout, session details) are ignored.</li>
 *   <li>A row with an empty speaker cell continues the previous turn; a trailing colon on a
 *       speaker ("KM:") is dropped; times as in {@link TimeParsing} ("00:01:23", "[01:23]").</li>
 * </ul>
 */
final class DocxTables {
    private DocxTables() {}

    record Table(int number, List<List<String>> rows) {}

    /** Whether any table is a transcript table. */
    static boolean anyTranscript(List<Table> tables) {
        return tables.stream().anyMatch(t -> columns(t.rows()).isPresent());
    }

    static long read(ReadNotes notes, List<Table> tables, TurnSink sink) {
        TurnList turns = new TurnList(notes, sink);
        for (Table table : tables) {
            List<List<String>> rows = normalised(table.rows());
            Optional<TranscriptColumns> header = rows.isEmpty() ? Optional.empty() : TranscriptColumns.fromHeader(rows.get(0));
            Optional<TranscriptColumns> columns = header.or(() -> guessColumns(rows));
            if (columns.isEmpty()) continue;
            for (int r = header.isPresent() ? 1 : 0; r < rows.size(); r++)
                readRow(notes, rows.get(r), columns.get(), Place.tableRow(table.number(), r + 1), turns);
        }
        return turns.finish();
    }

    private static Optional<TranscriptColumns> columns(List<List<String>> raw) {
        List<List<String>> rows = normalised(raw);
        Optional<TranscriptColumns> header = rows.isEmpty() ? Optional.empty() : TranscriptColumns.fromHeader(rows.get(0));
        return header.or(() -> guessColumns(rows));
    }

    private static void readRow(ReadNotes notes, List<String> row, TranscriptColumns columns, Place location, TurnList turns) {
        String speaker = cell(row, columns.speaker()).replaceFirst("\\s*:\\s*$", "");
        String text = cell(row, columns.text());
        Long start = time(notes.file, location, cell(row, columns.start()));
        Long end = time(notes.file, location, cell(row, columns.end()));
        if (text.isBlank() && speaker.isBlank()) return;
        if (!speaker.isBlank()) turns.add(speaker, text, start, end, location);
        else if (!turns.isEmpty() && turns.hasLast()) turns.continueLast(text, end, location);
        else {
            notes.warn("no-speaker", location, Said.of("warning.emptySpeakerCell",
                    "the speaker cell is empty in the first row of the transcript; taken as 'unknown'."));
            turns.add(SheetTurns.UNKNOWN, text, start, end, location);
        }
    }

    private static Long time(String file, Place location, String value) {
        if (value.isBlank()) return null;
        return TimeParsing.parseClock(value).orElseThrow(() -> new TranscriptFormatException(file, location,
                Said.of("transcript.tableNotATime", "'" + value + "' is not a time; expected 00:01:23, 01:23 or 1:23.5.", "value", value)));
    }

    private static Optional<TranscriptColumns> guessColumns(List<List<String>> rows) {
        int width = rows.stream().mapToInt(List::size).max().orElse(0);
        if (width < 2 || width > 3) return Optional.empty();
        List<Integer> rest = new ArrayList<>(List.of(0, 1, 2).subList(0, width));
        int time = -1;
        if (width == 3) {
            time = findColumn(rows, 3, v -> TimeParsing.parseClock(v).isPresent());
            int numbers = findColumn(rows, 3, v -> v.matches("\\d{1,5}"));
            int drop = time >= 0 ? time : numbers;
            if (drop < 0) return Optional.empty();
            rest.remove(Integer.valueOf(drop));
        } else if (findColumn(rows, 2, v -> TimeParsing.parseClock(v).isPresent()) >= 0) {
            return Optional.empty();
        }
        int a = rest.get(0), b = rest.get(1);
        boolean aShorter = averageLength(rows, a) <= averageLength(rows, b);
        TranscriptColumns guess = new TranscriptColumns(aShorter ? a : b, aShorter ? b : a, time, -1);
        return speakersRepeat(rows, guess.speaker()) ? Optional.of(guess) : Optional.empty();
    }

    /** The first column whose non-empty cells are at least 80% of the kind {@code test} accepts. */
    private static int findColumn(List<List<String>> rows, int width, java.util.function.Predicate<String> test) {
        for (int c = 0; c < width; c++) {
            final int col = c;
            List<String> values = rows.stream().map(r -> cell(r, col)).filter(v -> !v.isBlank()).toList();
            long hits = values.stream().filter(test).count();
            if (!values.isEmpty() && hits * 5 >= values.size() * 4) return c;
        }
        return -1;
    }

    private static double averageLength(List<List<String>> rows, int col) {
        return rows.stream().mapToInt(r -> cell(r, col).length()).average().orElse(0);
    }

    private static boolean speakersRepeat(List<List<String>> rows, int col) {
        List<String> speakers = rows.stream().map(r -> cell(r, col)).filter(v -> !v.isBlank()).toList();
        boolean preamble = speakers.stream().filter(SpeakerLabels::isPreambleKey).count() * 2 > speakers.size();
        return !preamble && speakers.stream().distinct().count() < speakers.size();
    }

    private static String cell(List<String> row, int col) {
        return col >= 0 && col < row.size() ? row.get(col) : "";
    }

    private static List<List<String>> normalised(List<List<String>> rows) {
        return rows.stream().map(r -> r.stream().map(TurnList::normalise).toList()).toList();
    }
}
