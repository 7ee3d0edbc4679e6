package nl.samenspraak.agreement;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads unitizing data for {@code irr --unitizing}: a header {@code coder,begin,length,category}, then
 * one row per unit a coder marked, positions being whole numbers. Rows are numbered as in a
 * spreadsheet, the header being row 1; every refusal names the row. Coders come in the order they first
 * appear; categories sorted, numerically when all are numbers.
 */
final class CsvUnitizingReader {
    private CsvUnitizingReader() {}

    static final List<String> HEADER = List.of("coder", "begin", "length", "category");

    private record Row(int row, String coder, String category, long begin, long length) {
        long end() {
            return begin + length;
        }

        String span() {
            return begin + "+" + length;
        }
    }

    static UnitizingData read(Reader reader, long begin, long length) throws IOException, CsvReliabilityReader.BadInput {
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get().parse(reader)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.isEmpty()) throw bad("The file is empty: it needs a header row " + String.join(",", HEADER) + ".");
            header(records.get(0));
            List<Row> rows = new ArrayList<>();
            for (int r = 1; r < records.size(); r++) {
                CSVRecord record = records.get(r);
                if (record.size() == 1 && record.get(0).isBlank()) continue;
                rows.add(row(record, r + 1, begin, length));
            }
            noOverlap(rows);
            return data(rows, begin, length);
        }
    }

    private static void header(CSVRecord header) throws CsvReliabilityReader.BadInput {
        List<String> cells = new ArrayList<>();
        header.forEach(cell -> cells.add(cell.replace("\uFEFF", "").trim().toLowerCase(java.util.Locale.ROOT)));
        if (!cells.equals(HEADER)) {
            throw bad("Row 1 (the header) must be " + String.join(",", HEADER) + ", not " + String.join(",", cells) + ".");
        }
    }

    private static Row row(CSVRecord record, int row, long continuumBegin, long continuumLength) throws CsvReliabilityReader.BadInput {
        if (record.size() != HEADER.size()) {
            throw bad("Row " + row + " has " + record.size() + " cells, but the header has " + HEADER.size() + ".");
        }
        String coder = record.get(0).trim();
        if (coder.isEmpty()) throw bad("Row " + row + ": the coder is empty.");
        String where = "Row " + row + " (coder '" + coder + "')";
        long begin = whole(record.get(1), where + ", begin", 0);
        long length = whole(record.get(2), where + ", length", 1);
        String category = record.get(3).trim();
        if (category.isEmpty()) throw bad(where + ": the category is empty.");
        long end = continuumBegin + continuumLength;
        if (begin < continuumBegin || length > end - begin) {
            throw bad(where + ": the unit " + begin + "+" + length + " (" + begin + " to " + (begin + length)
                    + ") is not inside the continuum " + continuumBegin + " to " + end + " (--continuum " + continuumBegin + "," + continuumLength + ").");
        }
        return new Row(row, coder, category, begin, length);
    }

    /** A whole number of at least {@code min} (written as 12, or 12.0 by a spreadsheet). */
    private static long whole(String cell, String where, long min) throws CsvReliabilityReader.BadInput {
        String text = cell.trim();
        long value;
        try {
            value = new BigDecimal(text).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw bad(where + ": '" + text + "' is not a whole number; give positions in the smallest step the coders"
                    + " could tell apart (milliseconds, characters), as whole numbers.");
        }
        if (value < min || value > Long.MAX_VALUE / 4) {
            throw bad(where + ": " + value + " is out of range; it needs a whole number of at least " + min + ".");
        }
        return value;
    }

    /** A coder's units of one category may not overlap: names two rows that do (the later one first). */
    private static void noOverlap(List<Row> rows) throws CsvReliabilityReader.BadInput {
        Map<List<String>, List<Row>> groups = new HashMap<>();
        for (Row r : rows) groups.computeIfAbsent(List.of(r.coder(), r.category()), k -> new ArrayList<>()).add(r);
        Row[] first = null;
        for (List<Row> group : groups.values()) {
            group.sort(Comparator.comparingLong(Row::begin));
            Row reaching = null; // the unit that reaches furthest so far
            for (Row r : group) {
                if (reaching != null && r.begin() < reaching.end()) {
                    Row[] pair = r.row() < reaching.row() ? new Row[] {reaching, r} : new Row[] {r, reaching};
                    if (first == null || pair[0].row() < first[0].row()) first = pair;
                }
                if (reaching == null || r.end() > reaching.end()) reaching = r;
            }
        }
        if (first != null) {
            Row later = first[0];
            Row earlier = first[1];
            throw bad("Row " + later.row() + " (coder '" + later.coder() + "', category '" + later.category() + "'): the unit "
                    + later.span() + " overlaps the unit " + earlier.span() + " in row " + earlier.row()
                    + "; a coder's units of one category may not overlap.");
        }
    }

    private static UnitizingData data(List<Row> rows, long begin, long length) {
        Map<String, Integer> coders = new LinkedHashMap<>();
        for (Row r : rows) coders.putIfAbsent(r.coder(), coders.size());
        List<String> categories = new ArrayList<>(rows.stream().map(Row::category).distinct().toList());
        boolean numbers = categories.stream().allMatch(c -> ReliabilityData.parseNumber(c) != null);
        categories.sort(numbers ? Comparator.comparingDouble(Double::parseDouble) : Comparator.naturalOrder());
        Map<String, Integer> index = new HashMap<>();
        for (String c : categories) index.put(c, index.size());
        List<UnitizingData.Unit> units = new ArrayList<>(rows.size());
        for (Row r : rows) units.add(new UnitizingData.Unit(coders.get(r.coder()), index.get(r.category()), r.begin(), r.length()));
        return new UnitizingData(begin, length, List.copyOf(coders.keySet()), categories, units);
    }

    private static CsvReliabilityReader.BadInput bad(String message) {
        return new CsvReliabilityReader.BadInput(message);
    }
}
