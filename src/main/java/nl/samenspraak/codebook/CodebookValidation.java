package nl.samenspraak.codebook;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of reading a codebook file: a valid codebook, or every problem found in it; never
 * both, because an invalid codebook is refused whole.
 *
 * @param source   the file name or other label the codebook was read from, for messages
 * @param codebook the codebook, present only when there are no problems
 * @param problems every problem found, empty when the codebook is valid
 */
public record CodebookValidation(String source, Optional<Codebook> codebook, List<Problem> problems) {

    public CodebookValidation {
        problems = List.copyOf(problems);
        if (codebook.isPresent() == !problems.isEmpty()) {
            throw new IllegalArgumentException("A check holds either a codebook or problems.");
        }
    }

    public static CodebookValidation valid(String source, Codebook codebook) {
        return new CodebookValidation(source, Optional.of(codebook), List.of());
    }

    public static CodebookValidation invalid(String source, List<Problem> problems) {
        return new CodebookValidation(source, Optional.empty(), problems);
    }

    public boolean isValid() {
        return codebook.isPresent();
    }

    /** The codebook, or an {@link InvalidCodebookException} listing every problem. */
    public Codebook orElseThrow() {
        return codebook.orElseThrow(() -> new InvalidCodebookException(source, problems));
    }
}
