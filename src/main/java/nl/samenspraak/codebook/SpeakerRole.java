package nl.samenspraak.codebook;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** The role a speaker plays in a conversation; codes and rating scales say which roles they apply to. */
public enum SpeakerRole {
    PROFESSIONAL, CLIENT, OTHER;

    @JsonValue
    public String key() { return name().toLowerCase(Locale.ROOT); }

    /** Parses "professional", "client" or "other" (any case); null when it is none of them. */
    @JsonCreator
    public static SpeakerRole fromKey(String key) {
        if (key == null) return null;
        for (SpeakerRole r : values()) if (r.key().equalsIgnoreCase(key.trim())) return r;
        return null;
    }
}
