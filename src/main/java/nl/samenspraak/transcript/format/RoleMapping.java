package nl.samenspraak.transcript.format;

import nl.samenspraak.codebook.SpeakerRole;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The speaker-label → role mapping given at import, matched case-insensitively. Parsed from
 * {@code "KM=professional,Klant=client"} (CLI and form field) or a JSON object.
 */
public record RoleMapping(Map<String, SpeakerRole> roles) {
    public static final RoleMapping NONE = new RoleMapping(Map.of());

    public RoleMapping {
        Map<String, SpeakerRole> folded = new LinkedHashMap<>();
        roles.forEach((k, v) -> folded.put(fold(k), v));
        roles = Map.copyOf(folded);
    }

    public Optional<SpeakerRole> roleOf(String label) {
        return Optional.ofNullable(roles.get(fold(label)));
    }

    /** Parses "LABEL=ROLE,..."; an entry without '=' or with an unknown role is refused by name. */
    public static RoleMapping parse(String spec) {
        if (spec == null || spec.isBlank()) return NONE;
        Map<String, SpeakerRole> roles = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            if (entry.isBlank()) continue;
            int eq = entry.lastIndexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("Roles: '" + entry.strip() + "' is not of the form LABEL=ROLE.");
            SpeakerRole role = SpeakerRole.fromKey(entry.substring(eq + 1));
            if (role == null) {
                throw new IllegalArgumentException("Roles: '" + entry.strip() + "' has an unknown role; use professional, client or other.");
            }
            roles.put(entry.substring(0, eq).strip(), role);
        }
        return new RoleMapping(roles);
    }

    private static String fold(String label) {
        return label.strip().toLowerCase(Locale.ROOT);
    }
}
