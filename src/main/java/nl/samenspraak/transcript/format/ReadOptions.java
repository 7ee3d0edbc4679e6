package nl.samenspraak.transcript.format;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Set;

/**
 * How one file is read, where guessing is not enough: the columns of a sheet and whether it has a
 * header row, the speech tiers of an ELAN or TextGrid file, the text encoding. Null means "find
 * out from the file". {@code preview} allows a guessed legacy encoding (shown, not stored): an
 * import needs it named.
 */
public record ReadOptions(ColumnMapping columns, Boolean header, List<TierChoice> tiers, Charset encoding, boolean preview) {
    public static final ReadOptions DEFAULT = new ReadOptions(null, null, null, null, false);

    /** The encodings offered besides UTF-8 (and UTF-16 with a byte-order mark, always recognised). */
    public static final Set<String> LEGACY = Set.of("windows-1252", "ISO-8859-1", "ISO-8859-15");

    public ReadOptions withPreview(boolean p) { return new ReadOptions(columns, header, tiers, encoding, p); }

    /** "windows-1252", "cp1252", "latin-1", "utf-8" ... to a charset; others are refused by name. */
    public static Charset encoding(String name) {
        if (name == null || name.isBlank()) return null;
        String n = name.strip().toLowerCase(java.util.Locale.ROOT);
        if (n.equals("latin-1") || n.equals("latin1")) n = "iso-8859-1";
        if (n.equals("latin-9") || n.equals("latin9")) n = "iso-8859-15";
        if (n.equals("ansi") || n.equals("cp1252")) n = "windows-1252";
        try {
            Charset c = Charset.forName(n);
            if (c.equals(StandardCharsets.UTF_8) || LEGACY.contains(c.name()) || c.name().startsWith("UTF-16")) return c;
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            // refused below
        }
        throw new IllegalArgumentException("Encoding: '" + name.strip() + "' is not offered; use utf-8, windows-1252, "
                + "iso-8859-1 (Latin-1) or iso-8859-15.");
    }
}
