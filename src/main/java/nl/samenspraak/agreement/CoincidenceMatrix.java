package nl.samenspraak.agreement;

import java.util.List;

/**
 * Krippendorff's coincidence matrix (Krippendorff 2011): {@code counts[c][k]} = o_ck, the number of
 * c-k pairs of values within units, each unit's pairs weighted by 1/(m_u - 1); its row sums are the
 * marginals n_c and its total the pairable values n..
 */
public record CoincidenceMatrix(List<String> categories, double[][] counts) {

    public CoincidenceMatrix {
        categories = List.copyOf(categories);
    }

    public double[] marginals() {
        double[] n = new double[counts.length];
        for (int c = 0; c < counts.length; c++) for (double v : counts[c]) n[c] += v;
        return n;
    }
}
