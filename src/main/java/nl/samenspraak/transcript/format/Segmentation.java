package nl.samenspraak.transcript.format;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** How a transcript is cut into coding units: one per turn, or one per sentence. */
public enum Segmentation {
    TURN, SENTENCE;

    @JsonValue
    public String key() { return name().toLowerCase(Locale.ROOT); }

    /** Parses "turn" or "sentence" (any case); null when it is neither. */
    @JsonCreator
    public static Segmentation fromKey(String key) {
        if (key == null) return null;
        for (Segmentation s : values()) if (s.key().equalsIgnoreCase(key.trim())) return s;
        return null;
    }
}
