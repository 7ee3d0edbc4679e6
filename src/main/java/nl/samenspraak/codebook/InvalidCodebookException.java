package nl.samenspraak.codebook;

import java.util.List;

/** Thrown when a codebook that must be valid is not; carries every problem for the error response. */
public class InvalidCodebookException extends RuntimeException {
    private final String source;
    private final List<Problem> problems;

    public InvalidCodebookException(String source, List<Problem> problems) {
        super(source + " is not a valid codebook: " + problems.size()
                + (problems.size() == 1 ? " problem, " : " problems, the first: ")
                + (problems.isEmpty() ? "" : problems.get(0)));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    public String source() { return source; }

    public List<Problem> problems() { return problems; }
}
