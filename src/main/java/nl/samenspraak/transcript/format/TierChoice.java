package nl.samenspraak.transcript.format;

import java.util.ArrayList;
import java.util.List;

/**
 * A tier of an ELAN or TextGrid file chosen as speech, and the speaker it belongs to (null: the
 * tier's participant, or its name). Parsed from {@code "KM-nl=KM,Klant-nl=Klant,Tolk"}.
 */
public record TierChoice(String tier, String speaker) {

    public static List<TierChoice> parseList(String spec) {
        if (spec == null || spec.isBlank()) return null;
        List<TierChoice> out = new ArrayList<>();
        for (String entry : spec.split(",")) {
            if (entry.isBlank()) continue;
            int eq = entry.lastIndexOf('=');
            String tier = (eq < 0 ? entry : entry.substring(0, eq)).strip();
            String speaker = eq < 0 ? null : entry.substring(eq + 1).strip();
            if (tier.isEmpty()) throw new IllegalArgumentException("Tiers: '" + entry.strip() + "' names no tier.");
            out.add(new TierChoice(tier, speaker == null || speaker.isEmpty() ? null : speaker));
        }
        return out.isEmpty() ? null : List.copyOf(out);
    }
}
