package nl.samenspraak.agreement;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** Builds reliability data for tests from text: one string per unit, values split by spaces, "." missing. */
final class Matrices {
    private Matrices() {}

    static ReliabilityData units(String... rows) {
        return units(List.of(), rows);
    }

    static ReliabilityData units(List<String> order, String... rows) {
        List<String[]> units = new ArrayList<>();
        for (String row : rows) {
            String[] cells = row.trim().split("\\s+");
            for (int i = 0; i < cells.length; i++) if (cells[i].equals(".")) cells[i] = null;
            units.add(cells);
        }
        int coders = units.get(0).length;
        List<String> names = IntStream.rangeClosed(1, coders).mapToObj(i -> "coder" + i).toList();
        return ReliabilityData.fromLabels(names, units, order);
    }

    /** Rows are coders (as Krippendorff prints his reliability data), columns units. */
    static ReliabilityData coders(String... coderRows) {
        String[][] cells = new String[coderRows.length][];
        for (int j = 0; j < coderRows.length; j++) cells[j] = coderRows[j].trim().split("\\s+");
        String[] units = new String[cells[0].length];
        for (int u = 0; u < units.length; u++) {
            StringBuilder row = new StringBuilder();
            for (String[] coder : cells) row.append(coder[u]).append(' ');
            units[u] = row.toString();
        }
        return units(units);
    }

    /** Expands a contingency table of two coders (rows coder 1, columns coder 2, categories 1..q) into units. */
    static ReliabilityData fromTable(int[][] table) {
        List<String> rows = new ArrayList<>();
        for (int c = 0; c < table.length; c++) {
            for (int k = 0; k < table.length; k++) {
                for (int i = 0; i < table[c][k]; i++) rows.add((c + 1) + " " + (k + 1));
            }
        }
        return units(rows.toArray(String[]::new));
    }

    static AgreementResult compute(ReliabilityData data, Level level) {
        return Reliability.compute(data, AgreementOptions.of(level));
    }
}
