package nl.samenspraak.transcript.format;

/** Receives turns one by one as a file is read, so that a large file is never held whole. */
@FunctionalInterface
public interface TurnSink {
    void accept(ParsedTurn turn);

    /**
     * What the file says about a speaker's role ("Investigator" in a CHAT header), told before
     * that speaker's first turn so a role can be guessed from it.
     */
    default void roleHint(String speaker, String hint) {}
}
