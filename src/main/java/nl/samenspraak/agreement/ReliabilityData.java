package nl.samenspraak.agreement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reliability-data matrix (Krippendorff 2011): units x coders, each cell one value or missing.
 * Values are stored as small category indexes per coder ({@code codes[coder][unit]}, {@link #MISSING}
 * for a missing value) into a category table in its order (the order matters for ordinal data and
 * weights). When every category is a number, {@code categoryValues[c]} holds it, else it is null.
 */
public record ReliabilityData(List<String> coders, List<String> categories, double[] categoryValues, int[][] codes) {

    public static final int MISSING = -1;

    public ReliabilityData {
        coders = List.copyOf(coders);
        categories = List.copyOf(categories);
        if (codes.length != coders.size()) {
            throw new IllegalArgumentException("There are " + coders.size() + " coders but " + codes.length + " code columns.");
        }
        if (categoryValues != null && categoryValues.length != categories.size()) {
            throw new IllegalArgumentException("There are " + categories.size() + " categories but " + categoryValues.length + " values.");
        }
        int units = codes.length == 0 ? 0 : codes[0].length;
        for (int[] column : codes) {
            if (column.length != units) throw new IllegalArgumentException("Every coder needs a code for every unit (or MISSING).");
            for (int code : column) {
                if (code < MISSING || code >= categories.size()) throw new IllegalArgumentException("Code " + code + " is not a category index.");
            }
        }
    }

    public int unitCount() {
        return codes.length == 0 ? 0 : codes[0].length;
    }

    public int coderCount() {
        return codes.length;
    }

    public int categoryCount() {
        return categories.size();
    }

    /** Whether every category is a number. */
    public boolean numeric() {
        return categoryValues != null;
    }

    /** Codes over a category table without numbers (e.g. built by a caller that already encoded labels). */
    public static ReliabilityData ofCodes(List<String> coders, List<String> categories, int[][] codes) {
        return new ReliabilityData(coders, categories, numbersOf(categories), codes);
    }

    /**
     * Encodes labels, one array per unit with one label per coder ({@code null} or blank = missing).
     * Categories come in the given order when {@code order} is non-empty (every label must be in it);
     * otherwise the observed labels sorted, numerically when all are numbers (then "1" and "1.0" are one
     * category, labelled by its plain number).
     *
     * @throws IllegalArgumentException naming the unit (1-based) whose label is not in the order
     */
    public static ReliabilityData fromLabels(List<String> coders, List<String[]> units, List<String> order) {
        boolean numbers = order.isEmpty() && allNumbers(units);
        Map<String, Integer> index = new HashMap<>();
        List<String> categories = order.isEmpty() ? observed(units, numbers) : List.copyOf(order);
        for (int c = 0; c < categories.size(); c++) {
            if (index.put(categories.get(c), c) != null) throw new IllegalArgumentException("The order names '" + categories.get(c) + "' twice.");
        }
        int[][] codes = new int[coders.size()][units.size()];
        for (int u = 0; u < units.size(); u++) {
            String[] row = units.get(u);
            for (int j = 0; j < coders.size(); j++) {
                String label = clean(row[j]);
                if (label == null) {
                    codes[j][u] = MISSING;
                    continue;
                }
                Integer c = index.get(numbers ? canonicalNumber(label) : label);
                if (c == null) throw new IllegalArgumentException("Unit " + (u + 1) + ": value '" + label + "' is not in the order " + order + ".");
                codes[j][u] = c;
            }
        }
        return new ReliabilityData(coders, categories, numbersOf(categories), codes);
    }

    private static List<String> observed(List<String[]> units, boolean numbers) {
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (String[] row : units) {
            for (String cell : row) {
                String label = clean(cell);
                if (label != null) seen.put(numbers ? canonicalNumber(label) : label, true);
            }
        }
        List<String> labels = new ArrayList<>(seen.keySet());
        labels.sort(numbers ? Comparator.comparingDouble(Double::parseDouble) : Comparator.naturalOrder());
        return labels;
    }

    private static boolean allNumbers(List<String[]> units) {
        return units.stream().flatMap(Arrays::stream).map(ReliabilityData::clean)
                .allMatch(label -> label == null || parseNumber(label) != null);
    }

    /** The numeric values of the categories, or null when one of them is not a number. */
    static double[] numbersOf(List<String> categories) {
        double[] values = new double[categories.size()];
        for (int c = 0; c < values.length; c++) {
            Double v = parseNumber(categories.get(c));
            if (v == null) return null;
            values[c] = v;
        }
        return values;
    }

    /** A finite number, or null. Accepts what {@link Double#parseDouble} accepts except NaN and infinities. */
    public static Double parseNumber(String text) {
        try {
            double v = Double.parseDouble(text.trim());
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String canonicalNumber(String label) {
        BigDecimal d = new BigDecimal(String.valueOf(Double.parseDouble(label.trim())));
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }

    private static String clean(String cell) {
        return cell == null || cell.isBlank() ? null : cell.trim();
    }
}
