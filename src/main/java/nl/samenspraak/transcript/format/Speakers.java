package nl.samenspraak.transcript.format;

import nl.samenspraak.codebook.SpeakerRole;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The speakers of a transcript as they appear: each label's role (given in the mapping, else
 * guessed from what the file says of it, else from the label, else unknown, stored as other until
 * someone says), its stored label (a pseudonym such as KM1 when names are replaced, numbered per
 * role in order of appearance) and its unit count.
 */
final class Speakers {
    private final RoleMapping mapping;
    private final Pseudonyms pseudonyms;
    private final Map<String, String> hints = new LinkedHashMap<>();
    private final Map<String, Entry> byLabel = new LinkedHashMap<>();
    private final Map<SpeakerRole, Integer> numbers = new EnumMap<>(SpeakerRole.class);

    private static final class Entry {
        final String label, stored, source, hint;
        final SpeakerRole role;
        long units;

        Entry(String label, String stored, SpeakerRole role, String source, String hint) {
            this.label = label; this.stored = stored; this.role = role; this.source = source; this.hint = hint;
        }
    }

    Speakers(RoleMapping mapping, Pseudonyms pseudonyms) {
        this.mapping = mapping;
        this.pseudonyms = pseudonyms;
    }

    void hint(String label, String hint) { hints.putIfAbsent(TurnList.normalise(label), hint); }

    /** The stored label and role of {@code label}, counting one unit. */
    Entry unit(String label) {
        Entry e = byLabel.computeIfAbsent(label, this::resolve);
        e.units++;
        return e;
    }

    String stored(Entry e) { return e.stored; }
    SpeakerRole role(Entry e) { return e.role; }

    private Entry resolve(String label) {
        String hint = hints.get(label);
        Optional<SpeakerRole> given = mapping.roleOf(label);
        SpeakerRole role;
        String source;
        if (given.isPresent()) { role = given.get(); source = "given"; }
        else {
            Optional<SpeakerRole> guess = hint == null ? Optional.empty() : RoleGuesser.guess(hint);
            if (guess.isEmpty()) guess = RoleGuesser.guess(label);
            role = guess.orElse(SpeakerRole.OTHER);
            source = guess.isPresent() ? "guessed" : "unknown";
        }
        String stored = label;
        if (pseudonyms != Pseudonyms.NONE) stored = pseudonyms.prefix(role) + numbers.merge(role, 1, Integer::sum);
        return new Entry(label, stored, role, source, hint);
    }

    List<SpeakerSummary> summaries() {
        List<SpeakerSummary> out = new ArrayList<>();
        for (Entry e : byLabel.values()) out.add(new SpeakerSummary(e.label, e.stored, e.role, e.source, e.hint, e.units));
        return out;
    }
}
