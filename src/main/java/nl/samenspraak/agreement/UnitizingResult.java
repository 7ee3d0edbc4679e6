package nl.samenspraak.agreement;

import java.util.List;

/**
 * Krippendorff's alpha for unitizing (alpha_U) of {@link UnitizingData}: pooled over the categories, and
 * per category with its observed and expected disagreement (each undefined with a reason where the
 * data give no figure). See {@link KrippendorffUnitizing}.
 */
public record UnitizingResult(Estimate alpha, List<Category> perCategory) {

    public UnitizingResult {
        perCategory = List.copyOf(perCategory);
    }

    /** One category's alpha_U = 1 − uDo/uDe. */
    public record Category(String category, Estimate alpha, Estimate observedDisagreement, Estimate expectedDisagreement) {}
}
