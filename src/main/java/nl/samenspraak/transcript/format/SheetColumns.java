package nl.samenspraak.transcript.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides, from the first rows of a sheet (CSV, TSV or XLSX), whether row 1 is a header and
 * which column holds the speaker, the text and the times: as the user chose ({@link ReadOptions}),
 * else from the header's names, else from the content (columns that are mostly times are start
 * and end, of the others the one with few distinct short values is the speaker and the one with
 * the longest cells the text: a headerless "time, time, speaker, text" file is read as such).
 */
final class SheetColumns {
    private SheetColumns() {}

    record Chosen(boolean header, TranscriptColumns columns, TimeValues.Unit startUnit, TimeValues.Unit endUnit) {}

    static Chosen choose(ReadNotes notes, List<List<String>> sample) {
        ReadOptions o = notes.options;
        if (sample.isEmpty()) throw new TranscriptFormatException(notes.file, null, Said.of("transcript.emptyFile", "the file is empty."));
        List<String> first = sample.get(0);
        boolean byName = o.columns() != null && List.of(o.columns().speaker(), o.columns().text()).stream().anyMatch(r -> r.name() != null);
        boolean header = o.header() != null ? o.header() : byName || TranscriptColumns.looksLikeHeader(first) || headerByContent(sample);
        if (byName && !header)
            throw new TranscriptFormatException(notes.file, null, Said.of("transcript.columnNamesWithoutHeader",
                    "columns chosen by name need a header row; without one, choose them by number (speaker=1,text=2)."));
        List<String> names = header ? first : numbers(width(sample));
        List<List<String>> data = header ? sample.subList(1, sample.size()) : sample;
        TranscriptColumns columns;
        boolean guessed = false;
        if (o.columns() != null) columns = chosen(notes, o.columns(), header ? first : null, width(sample));
        else {
            Optional<TranscriptColumns> named = header ? TranscriptColumns.fromHeader(first) : Optional.empty();
            guessed = named.isEmpty();
            columns = named.or(() -> byContent(data)).orElse(null);
        }
        TimeValues.Unit startUnit = columns == null ? null : TimeValues.unitOf(notes, names, data, columns.start(), TimeValues.START);
        TimeValues.Unit endUnit = columns == null ? null : TimeValues.unitOf(notes, names, data, columns.end(), TimeValues.END);
        notes.columns = new FileReading.Columns(header, List.copyOf(names), number(columns, TranscriptColumns::speaker),
                number(columns, TranscriptColumns::text), number(columns, TranscriptColumns::start), number(columns, TranscriptColumns::end),
                guessed, startUnit == null ? (endUnit == null ? null : endUnit.key()) : startUnit.key());
        if (columns == null)
            throw new TranscriptFormatException(notes.file, null, header
                    ? Said.of("transcript.columnsNotFoundInHeader", "which column holds the speaker and which the text cannot be "
                            + "told from the header " + first + "; choose them (in the preview, or "
                            + "--columns speaker=COLUMN,text=COLUMN by name or 1-based number).", "header", String.join(", ", first))
                    : Said.of("transcript.columnsNotFound", "which column holds the speaker and which the text cannot be "
                            + "told from the content; choose them (in the preview, or "
                            + "--columns speaker=COLUMN,text=COLUMN by name or 1-based number)."));
        return new Chosen(header, columns, startUnit, endUnit);
    }

    private static TranscriptColumns chosen(ReadNotes notes, ColumnMapping m, List<String> header, int width) {
        int speaker = resolve(notes, m.speaker(), header, width, Said.of("word.speaker", "speaker")),
                text = resolve(notes, m.text(), header, width, Said.of("word.text", "text"));
        if (speaker == text) throw new TranscriptFormatException(notes.file, null, Said.of("transcript.speakerIsText",
                "the speaker and the text cannot be the same column."));
        return new TranscriptColumns(speaker, text, resolve(notes, m.start(), header, width, TimeValues.START),
                resolve(notes, m.end(), header, width, TimeValues.END));
    }

    private static int resolve(ReadNotes notes, ColumnRef ref, List<String> header, int width, Said role) {
        if (ref == null) return -1;
        int i = ref.resolve(header);
        if (i < 0 || i >= width)
            throw new TranscriptFormatException(notes.file, Place.row(1), header == null
                    ? Said.of("transcript.noSuchColumn", "the " + role.text() + " " + ref.describe().text() + " does not exist; the file has "
                            + width + " columns.", "which", role, "column", ref.describe(), "width", width)
                    : Said.of("transcript.noSuchColumnInHeader", "the " + role.text() + " " + ref.describe().text() + " does not exist; "
                            + "the header holds " + header + ".", "which", role, "column", ref.describe(), "header", String.join(", ", header)));
        return i;
    }

    /** Row 1 has no time where most later rows have one in the same column: it names the columns. */
    private static boolean headerByContent(List<List<String>> sample) {
        if (sample.size() < 3) return false;
        List<List<String>> rest = sample.subList(1, sample.size());
        for (int c = 0; c < sample.get(0).size(); c++)
            if (mostly(rest, c, TimeValues::isTime) && !TimeValues.isTime(cell(sample.get(0), c))) return true;
        return false;
    }

    private static Optional<TranscriptColumns> byContent(List<List<String>> rows) {
        int width = width(rows);
        List<Integer> times = new ArrayList<>(), others = new ArrayList<>();
        for (int c = 0; c < width; c++) (mostly(rows, c, TimeValues::isTime) ? times : others).add(c);
        if (others.size() < 2) return Optional.empty();
        int text = others.stream().max((a, b) -> Double.compare(averageLength(rows, a), averageLength(rows, b))).orElseThrow();
        int speaker = others.stream().filter(c -> c != text).min((a, b) -> Long.compare(distinct(rows, a), distinct(rows, b))).orElseThrow();
        // A speaker column repeats its values and keeps them short; with fewer than 3 rows nothing can be told.
        long filled = rows.stream().filter(r -> !cell(r, speaker).isBlank()).count();
        if (rows.size() < 3 || averageLength(rows, speaker) > 40 || distinct(rows, speaker) >= filled) return Optional.empty();
        return Optional.of(new TranscriptColumns(speaker, text, times.isEmpty() ? -1 : times.get(0), times.size() < 2 ? -1 : times.get(1)));
    }

    private static boolean mostly(List<List<String>> rows, int c, java.util.function.Predicate<String> test) {
        List<String> values = rows.stream().map(r -> cell(r, c)).filter(v -> !v.isBlank()).toList();
        return !values.isEmpty() && values.stream().filter(test).count() * 5 >= values.size() * 4L;
    }

    private static double averageLength(List<List<String>> rows, int c) {
        return rows.stream().mapToInt(r -> cell(r, c).length()).average().orElse(0);
    }

    private static long distinct(List<List<String>> rows, int c) {
        return rows.stream().map(r -> cell(r, c).strip()).filter(v -> !v.isEmpty()).distinct().count();
    }

    static int width(List<List<String>> rows) { return rows.stream().mapToInt(List::size).max().orElse(0); }

    static String cell(List<String> row, int c) { return c >= 0 && c < row.size() && row.get(c) != null ? row.get(c) : ""; }

    private static List<String> numbers(int width) {
        List<String> n = new ArrayList<>();
        for (int i = 1; i <= width; i++) n.add(String.valueOf(i));
        return n;
    }

    private static Integer number(TranscriptColumns c, java.util.function.ToIntFunction<TranscriptColumns> f) {
        if (c == null) return null;
        int i = f.applyAsInt(c);
        return i < 0 ? null : i + 1;
    }
}
