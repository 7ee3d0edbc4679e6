package nl.samenspraak.agreement;

import java.util.List;
import java.util.Map;

/**
 * Everything the engine computes for one reliability-data matrix.
 *
 * @param level          the level of measurement used
 * @param units          units (rows) in the data
 * @param coders         coders (columns)
 * @param pairableValues n.., values in units with at least two values
 * @param categories     the category table, in order
 * @param coefficients   every {@link Coefficient}, defined or with the reason it is not
 * @param icc            the six ICC forms with their 95% intervals
 * @param bootstrap      alpha's bootstrap interval, or null (not requested, or undefined: see {@code notes})
 * @param perCategory    per category, in category order (empty when there are too many categories; see notes)
 * @param coincidence    Krippendorff's coincidence matrix, or null when there are too many categories
 * @param confusion      the confusion matrix of each pair of coders (a before b in coder order)
 * @param notes          why a part that is not a coefficient is missing: keys "alpha_ci95", "per_category"
 */
public record AgreementResult(
        Level level, int units, int coders, long pairableValues, List<String> categories,
        Map<Coefficient, Estimate> coefficients, List<IccResult> icc, AlphaBootstrap bootstrap,
        List<PerCategoryResult> perCategory, CoincidenceMatrix coincidence, List<ConfusionMatrix> confusion,
        Map<String, String> notes) {

    public AgreementResult {
        categories = List.copyOf(categories);
        coefficients = java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(coefficients));
        icc = List.copyOf(icc);
        perCategory = List.copyOf(perCategory);
        confusion = List.copyOf(confusion);
        notes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(notes));
    }

    public Estimate estimate(Coefficient coefficient) {
        return coefficients.get(coefficient);
    }
}
