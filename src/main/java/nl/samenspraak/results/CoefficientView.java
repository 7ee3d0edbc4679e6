package nl.samenspraak.results;

import nl.samenspraak.agreement.AgreementResult;
import nl.samenspraak.agreement.AlphaBootstrap;
import nl.samenspraak.agreement.Coefficient;
import nl.samenspraak.agreement.Estimate;
import nl.samenspraak.agreement.IccResult;

import java.util.Map;
import java.util.TreeMap;

/**
 * One coefficient as the page draws it: value (null when undefined) or the reason, the 95% interval
 * when there is one ({@code ciMethod} "bootstrap" for alpha, "F" for ICCs), for alpha the bootstrap's
 * chance of falling below each minimum, and the plain-language interpretation.
 */
public record CoefficientView(String key, String name, Double value, String reason, Double ciLow, Double ciHigh,
                              String ciMethod, Map<String, Double> probabilityBelow, Interpretation interpretation) {

    public static CoefficientView of(AgreementResult result, Coefficient c, String key) {
        Estimate e = result.estimate(c);
        String name = key.endsWith("_ordinal") ? name(c) + " (ordinal)" : key.endsWith("_interval") ? name(c) + " (interval)" : name(c);
        if (!e.defined()) return new CoefficientView(key, name, null, e.reason(), null, null, null, null, Interpretation.undefined(name, e.reason()));
        Double low = null, high = null;
        String method = null;
        Map<String, Double> below = null;
        if (c == Coefficient.KRIPPENDORFF_ALPHA && result.bootstrap() != null) {
            AlphaBootstrap b = result.bootstrap();
            low = b.low();
            high = b.high();
            method = "bootstrap";
            below = new TreeMap<>();
            for (var entry : b.probabilityBelow().entrySet()) below.put(String.valueOf(entry.getKey()), entry.getValue());
        }
        for (IccResult icc : result.icc()) {
            if (icc.form() == c && icc.lower().defined() && icc.upper().defined()) {
                low = icc.lower().value();
                high = icc.upper().value();
                method = "F";
            }
        }
        return new CoefficientView(key, name, e.value(), null, low, high, method, below, Interpretation.of(c, name, e.value(), low, high));
    }

    static String name(Coefficient c) {
        return switch (c) {
            case PERCENT_AGREEMENT -> "agreement";
            case COHEN_KAPPA -> "Cohen's kappa";
            case SCOTT_PI -> "Scott's pi";
            case FLEISS_KAPPA -> "Fleiss' kappa";
            case LIGHT_KAPPA -> "Light's kappa";
            case KRIPPENDORFF_ALPHA -> "alpha";
            case GWET_AC1 -> "AC1";
            case GWET_AC2_LINEAR -> "AC2 (linear)";
            case GWET_AC2_QUADRATIC -> "AC2 (quadratic)";
            case WEIGHTED_KAPPA_LINEAR -> "weighted kappa (linear)";
            case WEIGHTED_KAPPA_QUADRATIC -> "weighted kappa (quadratic)";
            default -> c.key().toUpperCase(java.util.Locale.ROOT).replace("ICC_", "ICC(").replace('_', ',') + ")";
        };
    }
}
