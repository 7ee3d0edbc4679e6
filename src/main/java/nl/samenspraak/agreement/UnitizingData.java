package nl.samenspraak.agreement;

import java.util.List;

/**
 * Reliability data for unitizing: a continuum from {@code begin} of {@code length} positions (whole
 * numbers in the smallest step the coders could tell apart: characters, frames, milliseconds), the
 * coders, the categories, and the units each coder marked. What a coder did not mark of a category is
 * that coder's gap. A coder's units of one category may not overlap (units of different categories
 * may); every unit lies inside the continuum and has a length of at least 1.
 */
public record UnitizingData(long begin, long length, List<String> coders, List<String> categories, List<Unit> units) {

    /** One marked stretch: coder and category as indexes into {@link #coders()} and {@link #categories()}. */
    public record Unit(int coder, int category, long begin, long length) {
        public long end() {
            return begin + length;
        }
    }

    /** @throws IllegalArgumentException for a continuum without length, a unit outside it, or a bad index */
    public UnitizingData {
        coders = List.copyOf(coders);
        categories = List.copyOf(categories);
        units = List.copyOf(units);
        if (length < 1) throw new IllegalArgumentException("The continuum needs a length of at least 1, not " + length + ".");
        if (begin < 0 || begin > Long.MAX_VALUE / 4 - length) throw new IllegalArgumentException("The continuum begins at " + begin + ": out of range.");
        for (Unit u : units) {
            if (u.coder() < 0 || u.coder() >= coders.size()) throw new IllegalArgumentException("Unit " + u + ": no coder " + u.coder() + ".");
            if (u.category() < 0 || u.category() >= categories.size()) throw new IllegalArgumentException("Unit " + u + ": no category " + u.category() + ".");
            if (u.length() < 1) throw new IllegalArgumentException("Unit " + u + " has no length.");
            if (u.begin() < begin || u.begin() > begin + length - u.length()) {
                throw new IllegalArgumentException("Unit " + u + " lies outside the continuum " + begin + "+" + length + ".");
            }
        }
    }
}
