package nl.samenspraak.agreement;

import java.util.Locale;

/**
 * Level of measurement of the values (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability").
 * The level picks alpha's difference function and decides which coefficients apply:
 * <ul>
 *   <li>{@link #NOMINAL}: unordered categories; weighted coefficients (weighted kappa, AC2) and ICC
 *       are undefined because the categories have no order and no distances;</li>
 *   <li>{@link #ORDINAL}: ordered categories; weights use the rank of each category in the given
 *       order; ICC is computed when every value is a number (rating scales);</li>
 *   <li>{@link #INTERVAL} and {@link #RATIO}: numbers; weights use the numeric values.</li>
 * </ul>
 * The unweighted, nominal coefficients (percent agreement, kappas, pi, AC1) are computed at every level,
 * treating each distinct value as a category, as irr and irrCAC do.
 */
public enum Level {
    NOMINAL, ORDINAL, INTERVAL, RATIO;

    /** Whether categories are ordered, so weighted coefficients apply. */
    public boolean ordered() {
        return this != NOMINAL;
    }

    /** Whether the values must be numbers. */
    public boolean numeric() {
        return this == INTERVAL || this == RATIO;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code nominal|ordinal|interval|ratio}; throws {@link IllegalArgumentException} with a sentence otherwise. */
    public static Level parse(String text) {
        for (Level level : values()) {
            if (level.key().equals(text.trim().toLowerCase(Locale.ROOT))) return level;
        }
        throw new IllegalArgumentException("Unknown level '" + text + "': use nominal, ordinal, interval or ratio.");
    }
}
