package nl.samenspraak.spreadsheet;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Column names that SPSS, R and Stata accept as variable names: letters, digits and underscores, starting
 * with a letter, at most 64 characters, unique case-insensitively (SPSS ignores case). Code keys such as
 * {@code q-open.work} become {@code q_open_work}; a clash gets {@code _2}, {@code _3}.
 */
final class ColumnNames {
    static final int MAX = 64;
    private final Set<String> used = new HashSet<>();

    /** Reserves names that are fixed (the leading columns). */
    ColumnNames(String... fixed) {
        for (String f : fixed) used.add(f.toLowerCase(Locale.ROOT));
    }

    String unique(String raw) {
        String base = safe(raw);
        String name = base;
        for (int n = 2; !used.add(name.toLowerCase(Locale.ROOT)); n++) {
            String suffix = "_" + n;
            name = base.substring(0, Math.min(base.length(), MAX - suffix.length())) + suffix;
        }
        return name;
    }

    static String safe(String raw) {
        StringBuilder s = new StringBuilder();
        for (char c : raw.toCharArray()) {
            boolean ok = c < 128 && (Character.isLetterOrDigit(c) || c == '_');
            if (ok) s.append(c);
            else if (s.length() > 0 && s.charAt(s.length() - 1) != '_') s.append('_');
        }
        while (s.length() > 0 && s.charAt(s.length() - 1) == '_') s.setLength(s.length() - 1);
        if (s.length() == 0 || !Character.isLetter(s.charAt(0))) s.insert(0, "v_");
        return s.length() > MAX ? s.substring(0, MAX) : s.toString();
    }
}
