package nl.samenspraak.codebook;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keys of codebooks, dimensions, codes, groups, composites, scales and items: simple identifiers
 * that end up in the database, CSV headers and SPSS variable names, so nothing a spreadsheet or
 * a shell could trip over.
 */
public final class Keys {
    private Keys() {}

    public static final int MAX_LENGTH = 64;
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9_.-]{0," + (MAX_LENGTH - 1) + "}");

    public static boolean isValid(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    public static String rule() {
        return "use 1 to " + MAX_LENGTH + " lower-case letters (a-z), digits, '_', '.' or '-', "
                + "starting with a letter or digit";
    }

    /**
     * A valid key made from free text ("Barrières & kosten" → "barrieres_kosten", "miti-4.2.1" stays),
     * unique in {@code taken} by a suffix _2, _3, ...
     */
    public static String derive(String text, Set<String> taken) {
        String ascii = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9._-]+", "_")
                .replaceAll("^[._-]+|[._-]+$", "");
        String base = ascii.isEmpty() ? "code" : ascii.substring(0, Math.min(ascii.length(), 40));
        String key = base;
        for (int n = 2; taken.contains(key); n++) key = base + "_" + n;
        return key;
    }
}
