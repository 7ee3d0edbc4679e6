package nl.samenspraak.results;

import nl.samenspraak.agreement.AgreementResult;
import nl.samenspraak.agreement.Coefficient;
import nl.samenspraak.agreement.Estimate;
import nl.samenspraak.agreement.PerCategoryResult;
import nl.samenspraak.codebook.Codebook.Text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An {@link AgreementResult} for the page: the chosen coefficients, per category (with the codebook's
 * labels), and the confusion matrix of each pair of coders by name (rows coder A, columns coder B).
 */
public record ResultView(String level, int units, List<String> coders, long pairableValues, List<CategoryView> categories,
                         List<CoefficientView> coefficients, List<ConfusionView> confusion, Map<String, String> notes) {

    /** One category: its labels and its figures against all other categories. */
    public record CategoryView(String category, Text label, Double agreement, Double kappa, Double alpha, Map<String, String> reasons) {}

    public record ConfusionView(String coderA, String coderB, List<String> categories, long[][] counts, long total) {}

    public static ResultView of(AgreementResult r, List<String> coders, List<Coefficient> shown, Function<String, Text> labels) {
        List<CoefficientView> coefficients = shown.stream().map(c -> CoefficientView.of(r, c, c.key())).toList();
        List<CategoryView> categories = new ArrayList<>();
        for (PerCategoryResult c : r.perCategory()) {
            Map<String, String> reasons = new LinkedHashMap<>();
            categories.add(new CategoryView(c.category(), labels.apply(c.category()), value(c.agreement(), "agreement", reasons),
                    value(c.kappa(), "kappa", reasons), value(c.alpha(), "alpha", reasons), reasons));
        }
        List<ConfusionView> confusion = r.confusion().stream()
                .map(m -> new ConfusionView(m.coderA(), m.coderB(), m.categories(), m.counts(), m.total())).toList();
        return new ResultView(r.level().key(), r.units(), coders, r.pairableValues(), categories, coefficients, confusion, r.notes());
    }

    static Double value(Estimate e, String key, Map<String, String> reasons) {
        if (e.defined()) return e.value();
        reasons.put(key, e.reason());
        return null;
    }

}
