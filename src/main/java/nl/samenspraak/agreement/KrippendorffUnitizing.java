package nl.samenspraak.agreement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Krippendorff's alpha for unitizing a continuum, alpha_U, exists because coders who mark stretches of
 * a recording themselves can disagree on where units begin and end as well as on their category.
 * The definition is Krippendorff's (1995, "On the reliability of unitizing continuous data",
 * Sociological Methodology 25, 47–76; Content Analysis, 2nd ed., 2004, with a worked example on
 * p. 254). Per category c, with m coders, a continuum of length L, and each coder's sections of c (the
 * units of c the coder marked, and the gaps between them):
 *
 * <pre>
 *   uDo_c = Σ_{i≠j} Σ_g Σ_h δ²(ig, jh) / (m(m−1)L²)
 * </pre>
 *
 * where δ² of two units that overlap is (b_ig − b_jh)² + (e_ig − e_jh)² (b begin, e end); of a unit
 * and a gap that contains it, the unit's length squared; and 0 otherwise (units that do not overlap, a
 * unit only partly in a gap, two gaps);
 *
 * <pre>
 *   uDe_c = (2/L) Σ_u [ (N_c − 1)(2l_u³ − 3l_u² + l_u)/3 + l_u² Σ_{gaps g with l_g ≥ l_u} (l_g − l_u + 1) ]
 *           / [ mL(mL − 1) − Σ_u l_u(l_u − 1) ]
 * </pre>
 *
 * summed over the units u and gaps g of c of all coders, N_c being the number of units of c. Then
 * alpha_U(c) = 1 − uDo_c/uDe_c, and over all categories alpha_U = 1 − Σ_c uDo_c / Σ_c uDe_c. The
 * expected disagreement counts positions as whole steps (the +1 and −1 above), so the figures depend on
 * the step: give positions in the smallest step the coders could tell apart.
 *
 * <p>Krippendorff, Mathet, Bouvry and Widlöcher (2016, Quality &amp; Quantity 50, 2347–2364) later
 * redefined the coefficient (a coincidence-matrix form) because this one behaves unexpectedly with more
 * than two coders; this class computes the 1995/2004 form, which DKPro Statistics computes too.
 *
 * <p>Cost: per category, a merge of each pair of coders' sorted units (O(m² n)) and one sort of the gaps
 * with a binary search per unit for the expected disagreement (O(n log n)).
 */
public final class KrippendorffUnitizing {
    private KrippendorffUnitizing() {}

    static final String FEW_CODERS = "alpha_U needs units from at least two coders";
    static final String NO_UNITS = "no coder marked a unit of this category, so there is nothing to agree on";
    static final String NO_UNITS_AT_ALL = "no coder marked a unit, so there is nothing to agree on";
    static final String NO_EXPECTED = "the expected disagreement is 0 (no unit is longer than 1 and no coder left a gap), so alpha_U is undefined";

    /** @throws IllegalArgumentException when a coder's units of one category overlap */
    public static UnitizingResult compute(UnitizingData data) {
        int m = data.coders().size();
        int categories = data.categories().size();
        long[][][] begins = new long[categories][m][];
        long[][][] ends = new long[categories][m][];
        sections(data, begins, ends);
        List<UnitizingResult.Category> perCategory = new ArrayList<>(categories);
        if (m < 2) {
            Estimate none = Estimate.undefined(FEW_CODERS + "; there " + (m == 1 ? "is one" : "are none") + ".");
            for (String c : data.categories()) perCategory.add(new UnitizingResult.Category(c, none, none, none));
            return new UnitizingResult(none, perCategory);
        }
        double sumObserved = 0;
        double sumExpected = 0;
        boolean anyUnit = false;
        double length = data.length();
        for (int c = 0; c < categories; c++) {
            String name = data.categories().get(c);
            int units = 0;
            for (long[] b : begins[c]) units += b.length;
            if (units == 0) {
                Estimate zero = Estimate.of(0);
                perCategory.add(new UnitizingResult.Category(name, Estimate.undefined(NO_UNITS), zero, zero));
                continue;
            }
            anyUnit = true;
            double observed = observed(begins[c], ends[c]) / (m * (m - 1.0) * length * length);
            double expected = expected(data.begin(), data.length(), begins[c], ends[c], units);
            sumObserved += observed;
            sumExpected += expected;
            Estimate alpha = expected > 0 ? Estimate.of(1 - observed / expected) : Estimate.undefined(NO_EXPECTED);
            perCategory.add(new UnitizingResult.Category(name, alpha, Estimate.of(observed), Estimate.of(expected)));
        }
        Estimate alpha = !anyUnit ? Estimate.undefined(NO_UNITS_AT_ALL)
                : sumExpected > 0 ? Estimate.of(1 - sumObserved / sumExpected) : Estimate.undefined(NO_EXPECTED);
        return new UnitizingResult(alpha, perCategory);
    }

    /** Each coder's units of each category as begins and ends sorted by begin; checks they do not overlap. */
    private static void sections(UnitizingData data, long[][][] begins, long[][][] ends) {
        int m = data.coders().size();
        int[][] count = new int[begins.length][m];
        for (UnitizingData.Unit u : data.units()) count[u.category()][u.coder()]++;
        for (int c = 0; c < begins.length; c++) {
            for (int i = 0; i < m; i++) {
                begins[c][i] = new long[count[c][i]];
                ends[c][i] = new long[count[c][i]];
            }
        }
        int[][] filled = new int[begins.length][m];
        for (UnitizingData.Unit u : data.units()) {
            int k = filled[u.category()][u.coder()]++;
            begins[u.category()][u.coder()][k] = u.begin();
            ends[u.category()][u.coder()][k] = u.end();
        }
        // Sorting begins and ends apart pairs them right exactly when the units do not overlap, which the
        // check then confirms: each end must come before the next begin.
        for (int c = 0; c < begins.length; c++) {
            for (int i = 0; i < m; i++) {
                long[] b = begins[c][i];
                long[] e = ends[c][i];
                Arrays.sort(b);
                Arrays.sort(e);
                for (int k = 0; k + 1 < b.length; k++) {
                    if (e[k] > b[k + 1]) {
                        throw new IllegalArgumentException("Coder '" + data.coders().get(i) + "' marked overlapping units of category '"
                                + data.categories().get(c) + "' (around position " + b[k + 1] + ").");
                    }
                }
            }
        }
    }

    /** Σ over unordered pairs of coders of Σ δ², times two for the ordered pairs. */
    private static double observed(long[][] begins, long[][] ends) {
        int m = begins.length;
        boolean[][] hit = new boolean[m][];
        for (int i = 0; i < m; i++) hit[i] = new boolean[begins[i].length];
        double sum = 0;
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                sum += pair(begins[i], ends[i], hit[i], begins[j], ends[j], hit[j]);
            }
        }
        return 2 * sum;
    }

    /**
     * δ² summed over the sections of two coders: overlapping units by a merge of the two sorted lists,
     * then each unit that overlaps no unit of the other coder, which therefore lies in one of that
     * coder's gaps, by its length squared.
     */
    private static double pair(long[] bi, long[] ei, boolean[] hitI, long[] bj, long[] ej, boolean[] hitJ) {
        Arrays.fill(hitI, false);
        Arrays.fill(hitJ, false);
        double sum = 0;
        int p = 0;
        int q = 0;
        while (p < bi.length && q < bj.length) {
            if (Math.max(bi[p], bj[q]) < Math.min(ei[p], ej[q])) {
                double db = bi[p] - bj[q];
                double de = ei[p] - ej[q];
                sum += db * db + de * de;
                hitI[p] = true;
                hitJ[q] = true;
            }
            if (ei[p] < ej[q]) {
                p++;
            } else if (ej[q] < ei[p]) {
                q++;
            } else {
                p++;
                q++;
            }
        }
        return sum + unmatched(bi, ei, hitI) + unmatched(bj, ej, hitJ);
    }

    private static double unmatched(long[] b, long[] e, boolean[] hit) {
        double sum = 0;
        for (int k = 0; k < b.length; k++) {
            if (!hit[k]) {
                double l = e[k] - b[k];
                sum += l * l;
            }
        }
        return sum;
    }

    private static double expected(long begin, long length, long[][] begins, long[][] ends, int units) {
        int m = begins.length;
        long[] gaps = new long[units + m];
        int g = 0;
        for (int i = 0; i < m; i++) {
            long at = begin;
            for (int k = 0; k < begins[i].length; k++) {
                if (begins[i][k] > at) gaps[g++] = begins[i][k] - at;
                at = ends[i][k];
            }
            if (begin + length > at) gaps[g++] = begin + length - at;
        }
        gaps = Arrays.copyOf(gaps, g);
        Arrays.sort(gaps);
        long[] tail = new long[g + 1]; // tail[k] = sum of gaps[k..]
        for (int k = g - 1; k >= 0; k--) tail[k] = tail[k + 1] + gaps[k];
        double numerator = 0;
        double squares = 0;
        for (int i = 0; i < m; i++) {
            for (int k = 0; k < begins[i].length; k++) {
                long l = ends[i][k] - begins[i][k];
                int from = firstAtLeast(gaps, l);
                long placements = tail[from] - (l - 1) * (g - from); // Σ (l_g − l + 1) over gaps l_g ≥ l
                double dl = l;
                numerator += (units - 1) * dl * (dl - 1) * (2 * dl - 1) / 3 + dl * dl * placements;
                squares += dl * (dl - 1);
            }
        }
        double ml = (double) m * length;
        return 2 / (double) length * numerator / (ml * (ml - 1) - squares);
    }

    private static int firstAtLeast(long[] sorted, long value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
