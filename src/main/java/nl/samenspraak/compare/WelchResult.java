package nl.samenspraak.compare;

/**
 * Two groups compared on one measure, see {@link WelchTest}. {@code difference} = mean(A) - mean(B).
 * The interval is the 95% confidence interval matching the alternative, as R's {@code t.test} gives it:
 * two-sided for {@code two-sided}; for a one-sided alternative the open side is null (unbounded).
 * Every value that cannot be computed is null, and {@code reason} says why (the first reason that
 * applies; {@code effectReason} for Cohen's d and Hedges' g separately).
 */
public record WelchResult(GroupSummary a, GroupSummary b, Alternative alternative,
                          Double difference, Double ciLower, Double ciUpper,
                          Double t, Double df, Double p, String reason,
                          Double cohenD, Double hedgesG, String effectReason) {}
