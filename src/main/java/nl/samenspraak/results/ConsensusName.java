package nl.samenspraak.results;

import java.util.List;

/**
 * The consensus coding's name for people. Adjudication stores the consensus as a pseudo-user named
 * {@code consensus:<project id>} (a prefix no real user may take); that internal name is never shown:
 * pages use their own string ({@code consensus.name} in web/i18n), exports this one in the export's language.
 */
public final class ConsensusName {
    public static final String PREFIX = "consensus:";

    private ConsensusName() {}

    public static boolean isInternal(String name) {
        return name != null && name.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /** "Consensus (adjudicated)", or its Dutch for {@code nl}. */
    public static String in(String language) {
        return "nl".equals(language) ? "Consensus (na beoordeling)" : "Consensus (adjudicated)";
    }

    /** The name to show for a coder: the consensus by its human name, anyone else as named. */
    public static String shown(String name, String language) {
        return isInternal(name) ? in(language) : name;
    }

    /** The people with the consensus renamed for showing. */
    public static List<Person> shown(List<Person> people, String language) {
        return people.stream().map(p -> isInternal(p.name()) ? new Person(p.id(), in(language)) : p).toList();
    }
}
