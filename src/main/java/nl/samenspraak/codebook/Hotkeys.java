package nl.samenspraak.codebook;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Hotkeys of codes: one printable character each, case-sensitive ("a" and "A" are two keys), unique
 * within a dimension. A few keys are reserved because the coding screen navigates with them.
 */
public final class Hotkeys {
    private Hotkeys() {}

    /** j/k move to the next/previous utterance (J/K by ten), ? opens help, / searches, space plays audio. */
    public static final Set<String> RESERVED = Set.of("j", "k", "J", "K", "?", "/", " ");

    private static final String FALLBACK =
            "1234567890abcdefghilmnopqrstuvwxyzABCDEFGHILMNOPQRSTUVWXYZ";

    /** Why {@code hotkey} cannot be used (at path {@code $}; say where with {@link Problem#atPath}), or empty when it can. */
    public static Optional<Problem> problem(String hotkey) {
        int count = hotkey.codePointCount(0, hotkey.length());
        if (count != 1) {
            return Optional.of(Problem.at("$", "codebook.hotkeyNotOneCharacter", "A hotkey must be exactly one character; '" + hotkey + "' has " + count + ".")
                    .with("hotkey", hotkey).with("count", count));
        }
        if (RESERVED.contains(hotkey)) {
            return Optional.of(Problem.at("$", "codebook.hotkeyReserved", "The hotkey '" + hotkey + "' is reserved for navigating the coding screen "
                    + "(reserved: j k J K ? / and space).").with("hotkey", hotkey));
        }
        if (!isPrintable(hotkey.codePointAt(0))) {
            String character = "U+" + String.format(Locale.ROOT, "%04X", hotkey.codePointAt(0));
            return Optional.of(Problem.at("$", "codebook.hotkeyNotPrintable", "A hotkey must be a printable character; "
                    + character + " is not.").with("character", character));
        }
        return Optional.empty();
    }

    /**
     * A free hotkey for a code called {@code label}: its first letter if free, then its other
     * letters, then digits and the rest of the alphabet; empty when all are taken.
     */
    public static Optional<String> suggest(String label, Set<String> taken) {
        Set<String> candidates = new LinkedHashSet<>();
        label.toLowerCase(Locale.ROOT).codePoints()
                .filter(cp -> cp < 128 && Character.isLetterOrDigit(cp))
                .forEach(cp -> candidates.add(Character.toString(cp)));
        FALLBACK.codePoints().forEach(cp -> candidates.add(Character.toString(cp)));
        return candidates.stream()
                .filter(k -> !taken.contains(k) && problem(k).isEmpty())
                .findFirst();
    }

    private static boolean isPrintable(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.UNASSIGNED, Character.SURROGATE,
                 Character.PRIVATE_USE, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
                 Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }
}
