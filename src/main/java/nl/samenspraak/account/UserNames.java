package nl.samenspraak.account;

import nl.samenspraak.http.ApiException;

import java.lang.Character.UnicodeScript;
import java.text.Normalizer;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * User names as people see them. A name is stored in NFKC with invisible characters removed, runs of
 * white space made one space and the ends trimmed; two names are the same when their keys (that form,
 * case-folded) are equal, so "Anna", "ａｎｎａ" and "an\u200Bna" cannot all exist. A name may not mix
 * scripts that have look-alike letters (Latin "a" and Cyrillic "а"): one script, or Latin with the
 * Chinese, Japanese or Korean scripts, as in the "highly restrictive" level of Unicode TR 39 §5.2.
 */
public final class UserNames {
    public static final int MAX_LENGTH = 100;
    /** Script combinations TR 39 allows at its highly restrictive level (besides a single script). */
    private static final List<Set<UnicodeScript>> ALLOWED_MIXES = List.of(
            EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.HIRAGANA, UnicodeScript.KATAKANA),
            EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.BOPOMOFO),
            EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.HANGUL));

    private UserNames() {}

    /** The name as it is stored and shown; a 400 naming the field when it is empty, too long or mixes scripts. */
    public static String clean(String raw) {
        String name = normalise(raw);
        if (name.isEmpty() || name.codePointCount(0, name.length()) > MAX_LENGTH) {
            throw ApiException.badRequest("account.nameLength", "Field 'name': give a user name of 1 to " + MAX_LENGTH + " characters.").with("max", MAX_LENGTH);
        }
        if (mixesScripts(name)) {
            throw ApiException.badRequest("account.nameMixesScripts", "Field 'name': '" + name + "' mixes letters of different scripts"
                    + " (for example Latin and Cyrillic), which can look the same as another name; use one script.").with("name", name);
        }
        return name;
    }

    /** The form two names are compared in: the normalised name, case-folded. */
    public static String key(String raw) {
        // Upper then lower case folds more than lower case alone (ß and SS, final sigma).
        return normalise(raw).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    static String normalise(String raw) {
        if (raw == null) return "";
        String nfkc = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        boolean space = false;
        for (int i = 0; i < nfkc.length(); ) {
            int c = nfkc.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
            } else if (!invisible(c)) {
                if (space) out.append(' ');
                space = false;
                out.appendCodePoint(c);
            }
        }
        return out.toString();
    }

    /**
     * Characters that draw nothing: controls, format characters (zero-width space and joiners, bidi
     * marks, soft hyphen), private use and unassigned code points, and the other default-ignorable
     * code points of Unicode (Hangul fillers, variation selectors, the combining grapheme joiner).
     */
    static boolean invisible(int c) {
        int type = Character.getType(c);
        if (type == Character.CONTROL || type == Character.FORMAT || type == Character.PRIVATE_USE
                || type == Character.UNASSIGNED || type == Character.SURROGATE) return true;
        return c == 0x034F || c == 0x115F || c == 0x1160 || c == 0x17B4 || c == 0x17B5 || c == 0x3164 || c == 0xFFA0
                || (c >= 0x180B && c <= 0x180F) || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF)
                || c == 0x2800;
    }

    static boolean mixesScripts(String name) {
        Set<UnicodeScript> scripts = EnumSet.noneOf(UnicodeScript.class);
        name.codePoints().mapToObj(UnicodeScript::of)
                .filter(s -> s != UnicodeScript.COMMON && s != UnicodeScript.INHERITED && s != UnicodeScript.UNKNOWN)
                .forEach(scripts::add);
        return scripts.size() > 1 && ALLOWED_MIXES.stream().noneMatch(m -> m.containsAll(scripts));
    }
}
