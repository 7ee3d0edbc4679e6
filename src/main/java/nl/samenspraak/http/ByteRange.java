package nl.samenspraak.http;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a {@code Range} header asks of a representation of a known length, after RFC 9110 section 14:
 * the whole representation (no header, a unit other than bytes, an invalid or multi-range
 * specifier: all of which a server may ignore, section 14.2), one part of it, or nothing it holds
 * (unsatisfiable: answered 416). Only single ranges are served; a list of ranges gets the whole.
 */
public sealed interface ByteRange permits ByteRange.Whole, ByteRange.Part, ByteRange.Unsatisfiable {
    /** {@code first-pos "-" [ last-pos ]} or {@code "-" suffix-length} (RFC 9110, 14.1.1). */
    Pattern SPEC = Pattern.compile("(\\d+)-(\\d*)|-(\\d+)");

    record Whole() implements ByteRange {}

    /** Bytes {@code first} to {@code last}, both included, as sent in {@code Content-Range}. */
    record Part(long first, long last) implements ByteRange {
        public long length() { return last - first + 1; }
    }

    record Unsatisfiable() implements ByteRange {}

    static ByteRange of(String header, long length) {
        if (header == null) return new Whole();
        int eq = header.indexOf('=');
        if (eq < 0 || !header.substring(0, eq).trim().toLowerCase(Locale.ROOT).equals("bytes")) return new Whole();
        String specifier = header.substring(eq + 1).trim();
        if (specifier.contains(",")) return new Whole();
        Matcher m = SPEC.matcher(specifier);
        if (!m.matches()) return new Whole();
        if (m.group(3) != null) {
            long suffix = number(m.group(3));
            if (suffix == 0 || length == 0) return new Unsatisfiable();
            return new Part(Math.max(0, length - suffix), length - 1);
        }
        long first = number(m.group(1));
        long last = m.group(2).isEmpty() ? Long.MAX_VALUE : number(m.group(2));
        if (first > last) return new Whole(); // invalid, not unsatisfiable (14.1.1)
        if (first >= length) return new Unsatisfiable();
        return new Part(first, Math.min(last, length - 1));
    }

    /** A decimal position; one too large for a long is past the end of any file, so it saturates. */
    private static long number(String digits) {
        String d = digits.replaceFirst("^0+(?=\\d)", "");
        return d.length() > 18 ? Long.MAX_VALUE : Long.parseLong(d);
    }
}
