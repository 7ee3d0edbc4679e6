package nl.samenspraak.agreement;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads reliability data from CSV: a header {@code unit,<coder>,<coder>,...}, then one row per unit;
 * an empty cell is a missing value. Rows are numbered as in a spreadsheet, the header being row 1.
 */
final class CsvReliabilityReader {
    private CsvReliabilityReader() {}

    /** Bad input, with a message that names the row. */
    static final class BadInput extends Exception {
        BadInput(String message) {
            super(message);
        }
    }

    static ReliabilityData read(Reader reader, Level level, List<String> order) throws IOException, BadInput {
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get().parse(reader)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.isEmpty()) throw new BadInput("The file is empty: it needs a header row unit,<coder>,<coder>,...");
            List<String> coders = coders(records.get(0));
            List<String[]> units = new ArrayList<>(records.size() - 1);
            Map<String, Integer> seen = new HashMap<>();
            Set<String> allowed = new java.util.LinkedHashSet<>(order);
            for (int r = 1; r < records.size(); r++) {
                CSVRecord record = records.get(r);
                if (record.size() == 1 && record.get(0).isBlank()) continue;
                units.add(row(record, r + 1, coders, level, allowed, seen));
            }
            return ReliabilityData.fromLabels(coders, units, order);
        }
    }

    private static List<String> coders(CSVRecord header) throws BadInput {
        List<String> cells = new ArrayList<>();
        header.forEach(cells::add);
        if (!cells.isEmpty()) cells.set(0, cells.get(0).replace("\uFEFF", ""));
        if (cells.size() < 3) {
            throw new BadInput("Row 1 (the header) has " + (cells.size() - 1)
                    + " coder column(s): it needs unit and at least two coders, as unit,<coder>,<coder>,...");
        }
        List<String> coders = cells.subList(1, cells.size());
        if (new HashSet<>(coders).size() != coders.size()) throw new BadInput("Row 1 (the header) names a coder twice: " + coders + ".");
        return List.copyOf(coders);
    }

    private static String[] row(CSVRecord record, int row, List<String> coders, Level level, Set<String> allowed,
                                Map<String, Integer> seen) throws BadInput {
        if (record.size() != coders.size() + 1) {
            throw new BadInput("Row " + row + " has " + record.size() + " cells, but the header has " + (coders.size() + 1) + ".");
        }
        String unit = record.get(0);
        Integer earlier = seen.putIfAbsent(unit, row);
        if (earlier != null) throw new BadInput("Row " + row + ": unit '" + unit + "' already appears in row " + earlier + ".");
        String[] values = new String[coders.size()];
        for (int j = 0; j < values.length; j++) {
            String cell = record.get(j + 1);
            values[j] = cell.isBlank() ? null : cell.trim();
            if (values[j] == null) continue;
            if (level.numeric() && ReliabilityData.parseNumber(values[j]) == null) {
                throw new BadInput("Row " + row + " (unit '" + unit + "'), coder '" + coders.get(j) + "': '" + values[j]
                        + "' is not a number, and the " + level.key() + " level needs numbers.");
            }
            if (!allowed.isEmpty() && !allowed.contains(values[j])) {
                throw new BadInput("Row " + row + " (unit '" + unit + "'), coder '" + coders.get(j) + "': '" + values[j]
                        + "' is not in --order " + String.join(",", allowed) + ".");
            }
        }
        return values;
    }
}
