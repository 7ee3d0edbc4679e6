package nl.samenspraak.codebook;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One thing wrong with a codebook file: where it is, as a JSON path such as
 * {@code $.dimensions[0].codes[3].hotkey} (or {@code line 4, column 7} for a file that does not
 * parse), and what is wrong, as an English sentence. {@code code} names the sentence
 * ({@code codebook.<problem>}, stable; docs/errors.md) and {@code params} hold the values it names, so
 * that a page can say it in its own language ({@code problem.<code>} in web/i18n).
 */
public record Problem(String path, String message, String code, Map<String, Object> params) {
    public Problem {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** A problem at {@code path} with its code and English sentence; add the values it names with {@link #with}. */
    public static Problem at(String path, String code, String message) {
        return new Problem(path, message, code, Map.of());
    }

    /** This problem with one more value its sentence names. */
    public Problem with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(params);
        more.put(name, value);
        return new Problem(path, message, code, more);
    }

    /** The same problem found at another place (a hotkey's problem, said of the code that has it). */
    public Problem atPath(String where) {
        return new Problem(where, message, code, params);
    }

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
