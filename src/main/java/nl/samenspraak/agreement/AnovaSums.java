package nl.samenspraak.agreement;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Sums of squares of the two-way ANOVA without replication behind the ICCs (Shrout &amp; Fleiss 1979),
 * over the n units coded by all k coders: total, between units (rows), between coders (columns) and
 * residual (error); total = rows + columns + error.
 * <p>They are computed in doubles, centred on the grand mean, the residual from its own squares. A sum
 * that is exactly 0 for the values as written (all values equal; every unit with the same mean; coders
 * that differ by a constant) then comes out near 1e-33 when the values have no binary form (0.1, 0.7),
 * and an ICC's 0/0 would print as a number. So when any sum is below {@link #NEAR_ZERO} times the raw
 * sum of squares, all four are computed again in exact decimal arithmetic on the values as read (each
 * value the shortest decimal that gives its double), where 0 is exactly 0.
 */
record AnovaSums(double total, double rows, double columns, double error) {

    /**
     * Relative to sum x^2. The rounding of the double sums is at most about (N eps)^2 of it (below 1e-18
     * for N = 3 million values), so a sum below this share may be rounding noise and is decided exactly;
     * a sum above it is many orders above the noise. Exact sums cost BigDecimal arithmetic per value, paid
     * only in that case.
     */
    static final double NEAR_ZERO = 1e-9;

    /** The sums over the given units (each coded by every coder). */
    static AnovaSums of(ReliabilityData data, int[] units) {
        int n = units.length;
        int k = data.coderCount();
        int[][] codes = data.codes();
        double[] x = data.categoryValues();
        double[] rowMean = new double[n];
        double[] columnMean = new double[k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                double v = x[codes[j][units[i]]];
                rowMean[i] += v;
                columnMean[j] += v;
            }
        }
        double grand = Arrays.stream(columnMean).sum() / ((double) n * k);
        for (int i = 0; i < n; i++) rowMean[i] /= k;
        for (int j = 0; j < k; j++) columnMean[j] /= n;
        double raw = 0;
        double total = 0;
        double error = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                double v = x[codes[j][units[i]]];
                double residual = v - rowMean[i] - columnMean[j] + grand;
                raw += v * v;
                total += (v - grand) * (v - grand);
                error += residual * residual;
            }
        }
        double rows = k * Arrays.stream(rowMean).map(r -> (r - grand) * (r - grand)).sum();
        double columns = n * Arrays.stream(columnMean).map(c -> (c - grand) * (c - grand)).sum();
        boolean nearZero = Math.min(Math.min(total, rows), Math.min(columns, error)) <= NEAR_ZERO * raw;
        return nearZero ? exact(data, units) : new AnovaSums(total, rows, columns, error);
    }

    /**
     * Exact sums from the totals G, row totals R_u and column totals C_j, each multiplied by nk so that
     * nothing is divided: nk SS_total = nk sum x^2 - G^2, nk SS_rows = n sum R_u^2 - G^2,
     * nk SS_columns = k sum C_j^2 - G^2, and SS_error the rest.
     */
    static AnovaSums exact(ReliabilityData data, int[] units) {
        int k = data.coderCount();
        int[][] codes = data.codes();
        BigDecimal[] value = new BigDecimal[data.categoryCount()];
        BigDecimal[] column = new BigDecimal[k];
        Arrays.fill(column, BigDecimal.ZERO);
        BigDecimal raw = BigDecimal.ZERO;
        BigDecimal rowSquares = BigDecimal.ZERO;
        for (int u : units) {
            BigDecimal row = BigDecimal.ZERO;
            for (int j = 0; j < k; j++) {
                int c = codes[j][u];
                BigDecimal v = value[c] != null ? value[c] : (value[c] = BigDecimal.valueOf(data.categoryValues()[c]));
                row = row.add(v);
                column[j] = column[j].add(v);
                raw = raw.add(v.multiply(v));
            }
            rowSquares = rowSquares.add(row.multiply(row));
        }
        BigDecimal grand = Arrays.stream(column).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal columnSquares = Arrays.stream(column).map(c -> c.multiply(c)).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal n = BigDecimal.valueOf(units.length);
        BigDecimal nk = n.multiply(BigDecimal.valueOf(k));
        BigDecimal g2 = grand.multiply(grand);
        BigDecimal total = nk.multiply(raw).subtract(g2);
        BigDecimal rows = n.multiply(rowSquares).subtract(g2);
        BigDecimal columns = BigDecimal.valueOf(k).multiply(columnSquares).subtract(g2);
        BigDecimal error = total.subtract(rows).subtract(columns);
        double scale = nk.doubleValue();
        return new AnovaSums(total.doubleValue() / scale, rows.doubleValue() / scale,
                columns.doubleValue() / scale, error.doubleValue() / scale);
    }
}
