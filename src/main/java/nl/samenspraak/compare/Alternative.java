package nl.samenspraak.compare;

import java.util.Locale;

/**
 * The alternative hypothesis about the difference mean(A) - mean(B), named as in R's {@code t.test}:
 * {@code two-sided} (the means differ), {@code greater} (A is higher), {@code less} (A is lower).
 */
public enum Alternative {
    TWO_SIDED, GREATER, LESS;

    @com.fasterxml.jackson.annotation.JsonValue
    public String key() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }

    /** The alternative of that key (also {@code two.sided}, R's spelling); null when unknown. */
    public static Alternative fromKey(String key) {
        if (key == null) return null;
        String k = key.strip().toLowerCase(Locale.ROOT).replace('.', '-').replace('_', '-');
        for (Alternative a : values()) if (a.key().equals(k)) return a;
        return null;
    }
}
