package nl.samenspraak.adjudication;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * Where a consensus code came from, stored by key in {@code adjudications.source} beside (not in) the
 * adjudicator's comment: every chosen coder gave it and it was taken in one go, it was taken from one
 * coder, the adjudicator set it directly, or the consensus code was cleared.
 */
public enum Provenance {
    AGREED, CODER, DIRECT, CLEARED;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Provenance of(String code, Long fromCoder) {
        if (code == null) return CLEARED;
        return fromCoder == null ? DIRECT : CODER;
    }
}
