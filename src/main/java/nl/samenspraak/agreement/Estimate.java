package nl.samenspraak.agreement;

import java.util.OptionalDouble;

/**
 * The value of one coefficient, or the reason it is undefined for the data. Exactly one of the two is
 * present: a defined estimate has a finite value and no reason; an undefined one has a reason and
 * {@link Double#NaN} as value (never read it without {@link #defined()}).
 */
public record Estimate(double value, String reason) {

    public Estimate {
        if (reason == null && !Double.isFinite(value)) {
            throw new IllegalArgumentException("A defined estimate needs a finite value, got " + value);
        }
        if (reason != null) value = Double.NaN;
    }

    /** A defined value; a non-finite value becomes undefined with a generic reason rather than a bare NaN. */
    public static Estimate of(double value) {
        return Double.isFinite(value) ? new Estimate(value, null)
                : undefined("the computation gave no finite number (" + value + ")");
    }

    public static Estimate undefined(String reason) {
        return new Estimate(Double.NaN, reason);
    }

    public boolean defined() {
        return reason == null;
    }

    public OptionalDouble asOptional() {
        return defined() ? OptionalDouble.of(value) : OptionalDouble.empty();
    }
}
