package nl.samenspraak.agreement;

import java.util.stream.IntStream;

/**
 * One pass over the units that counts, per number of values m in a unit ("m_u" in Krippendorff 2011),
 * the ordered pairs of values within units ({@code pairs[m][c*q+k]}), the values ({@code values[m][c]})
 * and the units ({@code units[m]}); and, per pair of coders, the confusion counts over the units both
 * coded. Every category-based coefficient is a function of these counts, so they are computed once
 * (in parallel over blocks of units) and the data is not walked again, not even by the bootstrap.
 */
final class PairCounts {
    final int q;
    final int coders;
    /** [m][c*q+k], m = 0..coders; null rows for m < 2 or m absent. */
    final long[][] pairs;
    /** [m][c]; null rows for absent m. */
    final long[][] values;
    /** [m] number of units with m values. */
    final long[] units;
    /** [pair index][c*q+k] counts of (coder a = c, coder b = k) over units both coded; pairs (a,b), a < b, in order. */
    final long[][] confusion;

    private PairCounts(int q, int coders, boolean withConfusion) {
        this.q = q;
        this.coders = coders;
        this.pairs = new long[coders + 1][];
        this.values = new long[coders + 1][];
        this.units = new long[coders + 1];
        this.confusion = withConfusion ? new long[coders * (coders - 1) / 2][q * q] : null;
    }

    static PairCounts of(ReliabilityData data) {
        return of(data, true);
    }

    /** The counts; without the per-pair confusion counts when only alpha-like figures are needed. */
    static PairCounts of(ReliabilityData data, boolean withConfusion) {
        int n = data.unitCount();
        int blocks = Math.max(1, Math.min(4 * Runtime.getRuntime().availableProcessors(), n / 8192));
        return IntStream.range(0, blocks).parallel()
                .mapToObj(b -> count(data, (int) ((long) n * b / blocks), (int) ((long) n * (b + 1) / blocks), withConfusion))
                .reduce(PairCounts::merge)
                .orElseGet(() -> new PairCounts(data.categoryCount(), data.coderCount(), withConfusion));
    }

    private static PairCounts count(ReliabilityData data, int from, int to, boolean withConfusion) {
        int q = data.categoryCount();
        int coders = data.coderCount();
        int[][] codes = data.codes();
        PairCounts t = new PairCounts(q, coders, withConfusion);
        int[] unit = new int[coders];
        for (int u = from; u < to; u++) {
            int size = 0;
            for (int j = 0; j < coders; j++) {
                int c = codes[j][u];
                unit[j] = c;
                if (c >= 0) size++;
            }
            t.add(unit, size);
        }
        t.symmetrise();
        return t;
    }

    /** Counts each unordered pair once, as (value of the earlier coder, value of the later one); see {@link #symmetrise}. */
    private void add(int[] unit, int size) {
        units[size]++;
        if (size == 0) return;
        long[] v = values[size] == null ? (values[size] = new long[q]) : values[size];
        long[] p = size < 2 ? null : pairs[size] == null ? (pairs[size] = new long[q * q]) : pairs[size];
        long[][] confusion = this.confusion;
        int pair = 0;
        for (int a = 0; a < coders; a++) {
            int c = unit[a];
            if (c < 0) {
                pair += coders - a - 1;
                continue;
            }
            v[c]++;
            for (int b = a + 1; b < coders; b++, pair++) {
                int k = unit[b];
                if (k < 0) continue;
                int cell = c * q + k;
                p[cell]++;
                if (confusion != null) confusion[pair][cell]++;
            }
        }
    }

    /** Turns the once-counted unordered pairs into ordered pair counts: p[c][k] + p[k][c] in both cells. */
    private void symmetrise() {
        for (long[] p : pairs) {
            if (p == null) continue;
            for (int c = 0; c < q; c++) {
                for (int k = c; k < q; k++) {
                    long both = p[c * q + k] + p[k * q + c];
                    p[c * q + k] = both;
                    p[k * q + c] = both;
                }
            }
        }
    }

    private static PairCounts merge(PairCounts x, PairCounts y) {
        for (int s = 0; s <= x.coders; s++) {
            x.units[s] += y.units[s];
            x.values[s] = sum(x.values[s], y.values[s]);
            x.pairs[s] = sum(x.pairs[s], y.pairs[s]);
        }
        if (x.confusion != null) {
            for (int p = 0; p < x.confusion.length; p++) x.confusion[p] = sum(x.confusion[p], y.confusion[p]);
        }
        return x;
    }

    private static long[] sum(long[] a, long[] b) {
        if (a == null) return b;
        if (b == null) return a;
        for (int i = 0; i < a.length; i++) a[i] += b[i];
        return a;
    }

    /** Units with at least two values (Krippendorff's pairable units). */
    long pairableUnits() {
        long total = 0;
        for (int m = 2; m <= coders; m++) total += units[m];
        return total;
    }

    /** n.. in Krippendorff 2011: the number of pairable values. */
    long pairableValues() {
        long total = 0;
        for (int m = 2; m <= coders; m++) total += m * units[m];
        return total;
    }

    /** n_c: pairable values per category (marginals of the coincidence matrix). */
    long[] marginals() {
        long[] n = new long[q];
        for (int m = 2; m <= coders; m++) {
            if (values[m] != null) for (int c = 0; c < q; c++) n[c] += values[m][c];
        }
        return n;
    }

    /** o_ck = sum over units of (number of c-k pairs) / (m_u - 1) (Krippendorff 2011, coincidence matrix). */
    double[][] coincidences() {
        double[][] o = new double[q][q];
        for (int m = 2; m <= coders; m++) {
            if (pairs[m] == null) continue;
            for (int c = 0; c < q; c++) {
                for (int k = 0; k < q; k++) o[c][k] += pairs[m][c * q + k] / (double) (m - 1);
            }
        }
        return o;
    }

    /** Index of the coder pair (a, b), a < b, in {@link #confusion}. */
    static int pairIndex(int a, int b, int coders) {
        return a * (2 * coders - a - 1) / 2 + (b - a - 1);
    }
}
