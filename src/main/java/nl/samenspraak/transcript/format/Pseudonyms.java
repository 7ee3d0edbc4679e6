package nl.samenspraak.transcript.format;

import nl.samenspraak.codebook.SpeakerRole;

import java.util.Locale;

/**
 * Replacing speaker names by role labels at import, numbered per role in order of first
 * appearance: in Dutch KM1, KM2 (klantmanager, the professional of the work-and-income studies
 * this workbench comes from), Klant1, Overig1; in English Professional1, Client1, Other1.
 */
public enum Pseudonyms {
    NONE, DUTCH, ENGLISH;

    String prefix(SpeakerRole role) {
        return switch (this) {
            case NONE -> null;
            case DUTCH -> switch (role) { case PROFESSIONAL -> "KM"; case CLIENT -> "Klant"; case OTHER -> "Overig"; };
            case ENGLISH -> switch (role) { case PROFESSIONAL -> "Professional"; case CLIENT -> "Client"; case OTHER -> "Other"; };
        };
    }

    public String key() { return this == NONE ? "none" : this == DUTCH ? "nl" : "en"; }

    /** "nl", "en", "none", "" (none), "true" (Dutch); anything else is refused by name. */
    public static Pseudonyms parse(String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("none") || value.equalsIgnoreCase("false")) return NONE;
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "nl", "dutch", "true", "on", "yes" -> DUTCH;
            case "en", "english" -> ENGLISH;
            default -> throw new IllegalArgumentException("Pseudonymise: '" + value.strip() + "' is not nl, en or none.");
        };
    }
}
