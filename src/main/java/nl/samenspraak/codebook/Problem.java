package nl.samenspraak.codebook;

/**
 * One thing wrong with a codebook file: where it is, as a JSON path such as
 * {@code $.dimensions[0].codes[3].hotkey} (or {@code line 4, column 7} for a file that does not
 * parse), and what is wrong, as a sentence.
 */
public record Problem(String path, String message) {
    @Override
    public String toString() {
        return path + ": " + message;
    }
}
