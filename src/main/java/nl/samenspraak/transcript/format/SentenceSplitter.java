package nl.samenspraak.transcript.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits Dutch or English text into sentences.
 *
 * <p>A sentence ends at ".", "?", "!", "…" or "..." (runs like "?!" count as one), plus any
 * closing quotes or brackets, when whitespace follows and the next word starts a sentence: a
 * capital, a digit, an opening quote or bracket, or Dutch "’s", "’t", "’n" before a capital
 * ("’s Ochtends"). So "Echt?” vroeg ze." stays one sentence. A full stop does not end a sentence
 * after an abbreviation that stands before a name or number ("dhr.", "dr.", "ca.", "nr.",
 * "bijv."), after a dotted abbreviation ("d.w.z.", "o.a.", "e.g.", "z.g.a.n."), or after an
 * initial ("J.P. de Vries"): the price is that "plan B. Dan" is not split. Abbreviations that may
 * close a sentence ("enz.", "etc.", "a.u.b.", "z.s.m.") end one before a capital. Dots inside a
 * word or number ("3.5", "1.000", "12.30 uur") never do.
 */
final class SentenceSplitter {
    private SentenceSplitter() {}

    private static final String TERMINATORS = ".?!…";
    private static final String CLOSERS = "\"'”’»)]";
    private static final String OPENERS = "\"'“‘„«([";
    private static final Pattern DOTTED = Pattern.compile("(\\p{L}{1,3}\\.)+\\p{L}{1,3}");
    private static final Pattern ELIDED = Pattern.compile("^['’](s|t|n)\\s+\\p{Lu}.*", Pattern.DOTALL);

    private static final Set<String> NEVER_FINAL = Set.of(
            "bijv", "bv", "dhr", "mevr", "mw", "mr", "mrs", "ms", "dr", "drs", "ir", "ing", "prof", "st",
            "nr", "no", "ca", "vs", "vgl", "zgn", "evt", "ong", "incl", "excl", "cf", "resp", "approx",
            "fig", "blz", "p", "pp", "jr", "sr", "mln", "mld", "afd", "art", "tel", "zo'n", "t/m");
    private static final Set<String> MAY_END = Set.of(
            "enz", "etc", "e.d", "e.a", "jl", "min", "max", "a.u.b", "s.v.p", "z.s.m", "m.i", "n.v.t");

    static List<String> split(String text) {
        List<String> sentences = new ArrayList<>();
        int start = 0, n = text.length();
        for (int i = 0; i < n; i++) {
            if (TERMINATORS.indexOf(text.charAt(i)) < 0) continue;
            int j = i;
            while (j + 1 < n && TERMINATORS.indexOf(text.charAt(j + 1)) >= 0) j++;
            int k = j;
            while (k + 1 < n && CLOSERS.indexOf(text.charAt(k + 1)) >= 0) k++;
            int next = k + 1;
            while (next < n && Character.isWhitespace(text.charAt(next))) next++;
            if (next > k + 1 && next < n && endsSentence(text, start, i, j, next)) {
                sentences.add(text.substring(start, k + 1).strip());
                start = next;
            }
            i = k;
        }
        String rest = text.substring(start).strip();
        if (!rest.isEmpty()) sentences.add(rest);
        return sentences;
    }

    private static boolean endsSentence(String text, int start, int first, int last, int next) {
        if (!startsSentence(text.substring(next))) return false;
        if (first != last || text.charAt(first) != '.') return true;
        String word = wordBefore(text, start, first);
        String lower = word.toLowerCase(Locale.ROOT);
        if (word.isEmpty() || MAY_END.contains(lower)) return true;
        if (NEVER_FINAL.contains(lower)) return false;
        if (DOTTED.matcher(word).matches()) return false;
        return !(word.length() == 1 && Character.isUpperCase(word.charAt(0)));
    }

    private static boolean startsSentence(String rest) {
        char c = rest.charAt(0);
        if (Character.isUpperCase(c) || Character.isDigit(c)) return true;
        if (ELIDED.matcher(rest).matches()) return true;
        return OPENERS.indexOf(c) >= 0 && (c != '\'' || rest.length() < 2 || !Character.isLowerCase(rest.charAt(1)));
    }

    /** The word before a full stop at {@code dot}, without opening quotes or brackets. */
    private static String wordBefore(String text, int start, int dot) {
        int from = dot;
        while (from > start && !Character.isWhitespace(text.charAt(from - 1))) from--;
        String word = text.substring(from, dot);
        while (!word.isEmpty() && OPENERS.indexOf(word.charAt(0)) >= 0) word = word.substring(1);
        return word;
    }
}
