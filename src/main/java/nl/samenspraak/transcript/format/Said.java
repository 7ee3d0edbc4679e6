package nl.samenspraak.transcript.format;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Something a transcript reader says (a refusal's problem, a warning, why a format was recognised or
 * a tier left out): a stable {@code code}, the values it names ({@code params}), and the English
 * {@code text} as it has always read. A page says it in its own language from {@code problem.<code>}
 * in web/i18n (docs/errors.md, "Reader texts"); the text stays for scripts, logs and the command line.
 * A parameter may itself be a {@code Said} (a reason inside a reason, a small word such as "start").
 * Codes: {@code transcript.<problem>} for refusals, {@code warning.<kind>} for warnings,
 * {@code reason.<x>} for why something was recognised or left out, {@code word.<x>} for small words.
 */
public record Said(String code, Map<String, Object> params, String text) {

    /** Made with its code first (a literal, read by ReaderTextsTest), the English text, then name, value pairs. */
    public static Said of(String code, String text, Object... namesAndValues) {
        return new Said(code, pairs(namesAndValues), text);
    }

    /** Several reasons said one after another ("...; ..."), as one. */
    static Said joined(List<Said> parts) {
        Said out = null;
        for (Said p : parts) out = out == null ? p : of("reason.both", out.text() + "; " + p.text(), "first", out, "then", p);
        return out;
    }

    static Map<String, Object> pairs(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) throw new IllegalArgumentException("names and values come in pairs");
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) m.put((String) namesAndValues[i], namesAndValues[i + 1]);
        return Collections.unmodifiableMap(m);
    }

    @Override
    public String toString() { return text; }
}
