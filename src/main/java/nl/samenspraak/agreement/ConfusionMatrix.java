package nl.samenspraak.agreement;

import java.util.List;

/**
 * Cross-table of two coders over the units both coded: {@code counts[c][k]} units that coder A put in
 * category c and coder B in category k (categories in the data's order).
 */
public record ConfusionMatrix(String coderA, String coderB, List<String> categories, long[][] counts) {

    public ConfusionMatrix {
        categories = List.copyOf(categories);
    }

    /** Units coded by both coders. */
    public long total() {
        long n = 0;
        for (long[] row : counts) for (long v : row) n += v;
        return n;
    }

    /** Units coder A put in each category. */
    public long[] rowTotals() {
        long[] r = new long[counts.length];
        for (int c = 0; c < counts.length; c++) for (long v : counts[c]) r[c] += v;
        return r;
    }

    /** Units coder B put in each category. */
    public long[] columnTotals() {
        long[] s = new long[counts.length];
        for (long[] row : counts) for (int k = 0; k < row.length; k++) s[k] += row[k];
        return s;
    }

    static ConfusionMatrix of(PairCounts t, ReliabilityData data, int a, int b) {
        long[] flat = t.confusion[PairCounts.pairIndex(a, b, t.coders)];
        long[][] counts = new long[t.q][t.q];
        for (int c = 0; c < t.q; c++) System.arraycopy(flat, c * t.q, counts[c], 0, t.q);
        return new ConfusionMatrix(data.coders().get(a), data.coders().get(b), data.categories(), counts);
    }
}
