package nl.samenspraak.calibration;

import nl.samenspraak.agreement.AgreementOptions;
import nl.samenspraak.agreement.AgreementResult;
import nl.samenspraak.agreement.Coefficient;
import nl.samenspraak.agreement.Estimate;
import nl.samenspraak.agreement.Level;
import nl.samenspraak.agreement.Reliability;
import nl.samenspraak.agreement.ReliabilityData;

import java.util.ArrayList;
import java.util.List;

/**
 * A trainee against a reference ("gold") coding of one dimension: percent agreement, Cohen's kappa
 * and Krippendorff's alpha from the agreement engine on the two-coder matrix, what the trainee misses
 * and over-uses per category, and the confusion matrix. Pure: labels in, a result out.
 *
 * <p>The units are those the reference coded; a unit the trainee left uncoded is missing in the
 * matrix (the engine's coefficients use the pairable units) and counts as a miss of the reference's
 * category. The trainee passes a dimension when kappa is defined and at least the threshold; an
 * undefined kappa (say, only one category was used) fails, with the engine's reason.
 */
public final class Calibration {
    public static final String NONE = "(none)";

    private Calibration() {}

    /** Per category: how often the reference said it, the trainee said it, both did, and the differences. */
    public record CategoryResult(String code, int reference, int trainee, int agreed, int missed, int overused) {}

    /** Rows: the reference's categories; columns: the trainee's, then {@link #NONE} for uncoded. */
    public record Confusion(List<String> rows, List<String> columns, int[][] counts) {}

    public record DimensionResult(String dimension, int units, int uncoded, Double percent, Double kappa, Double alpha,
                                  String reason, boolean passed, List<CategoryResult> categories, Confusion confusion) {}

    /**
     * @param pairs one {reference, trainee} per unit the reference coded; the trainee's may be null
     * @param categories the dimension's codes in codebook order
     */
    public static DimensionResult dimension(String dimension, List<String> categories, List<String[]> pairs, double threshold) {
        int k = categories.size();
        int[][] counts = new int[k][k + 1];
        int uncoded = 0;
        for (String[] p : pairs) {
            int row = categories.indexOf(p[0]);
            int col = p[1] == null ? k : categories.indexOf(p[1]);
            if (p[1] == null) uncoded++;
            if (row >= 0 && col >= 0) counts[row][col]++;
        }
        List<CategoryResult> perCategory = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            int ref = 0, trainee = 0;
            for (int j = 0; j <= k; j++) ref += counts[c][j];
            for (int i = 0; i < k; i++) trainee += counts[i][c];
            int agreed = counts[c][c];
            perCategory.add(new CategoryResult(categories.get(c), ref, trainee, agreed, ref - agreed, trainee - agreed));
        }
        List<String> columns = new ArrayList<>(categories);
        columns.add(NONE);
        Confusion confusion = new Confusion(categories, columns, counts);
        if (pairs.isEmpty()) {
            return new DimensionResult(dimension, 0, 0, null, null, null, "The reference coded no unit in this dimension.", false, perCategory, confusion);
        }
        AgreementResult r = Reliability.compute(ReliabilityData.fromLabels(List.of("reference", "trainee"), pairs, categories), AgreementOptions.of(Level.NOMINAL));
        Estimate kappa = r.estimate(Coefficient.COHEN_KAPPA);
        boolean passed = kappa.defined() && kappa.value() >= threshold;
        return new DimensionResult(dimension, pairs.size(), uncoded, value(r.estimate(Coefficient.PERCENT_AGREEMENT)), value(kappa),
                value(r.estimate(Coefficient.KRIPPENDORFF_ALPHA)), kappa.defined() ? null : kappa.reason(), passed, perCategory, confusion);
    }

    private static Double value(Estimate e) {
        return e != null && e.defined() ? e.value() : null;
    }
}
