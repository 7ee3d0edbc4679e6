package nl.samenspraak.agreement;

/**
 * One intraclass correlation (Shrout &amp; Fleiss 1979) with its F-based 95% interval (McGraw &amp; Wong
 * 1996; as R psych::ICC), the F statistic and its degrees of freedom. {@code form} is one of the ICC
 * coefficients. The bounds are undefined (with a reason) where the interval's F quantiles are.
 */
public record IccResult(Coefficient form, Estimate value, Estimate lower, Estimate upper, double f, double df1, double df2) {
}
