package nl.samenspraak.agreement;

/**
 * Reliability of one category against all others: specific agreement, Fleiss' kappa_j and the nominal
 * alpha of the data binarised into this category versus the rest. See {@link PerCategory}.
 */
public record PerCategoryResult(String category, Estimate agreement, Estimate kappa, Estimate alpha) {
}
