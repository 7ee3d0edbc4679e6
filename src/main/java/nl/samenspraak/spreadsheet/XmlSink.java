package nl.samenspraak.spreadsheet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * A fast UTF-8 XML byte buffer over an output stream: markup is written as ASCII, text is escaped
 * (&amp;, &lt;, &gt;, &quot;) and cleaned of what XML 1.0 cannot hold (control characters other than tab,
 * newline and return; lone surrogates and U+FFFE/U+FFFF become U+FFFD). One pass, no per-cell objects:
 * the Units sheet of a large export writes a few hundred megabytes of XML through here.
 */
final class XmlSink {
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private OutputStream out;

    XmlSink(OutputStream out) {
        this.out = out;
    }

    void target(OutputStream out) {
        flush();
        this.out = out;
    }

    /** Markup: ASCII only, written as is. */
    XmlSink raw(String ascii) {
        int n = ascii.length();
        if (pos + n > buf.length) flush();
        if (n > buf.length) {
            for (int i = 0; i < n; i++) byte1(ascii.charAt(i));
            return this;
        }
        for (int i = 0; i < n; i++) buf[pos++] = (byte) ascii.charAt(i);
        return this;
    }

    private final byte[] digits = new byte[20];

    /** A whole number, written digit by digit (no String per cell). */
    XmlSink number(long v) {
        if (v < 0) {
            if (v == Long.MIN_VALUE) return raw(Long.toString(v));
            if (pos + 1 > buf.length) flush();
            buf[pos++] = '-';
            v = -v;
        }
        int n = 0;
        do {
            digits[n++] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v != 0);
        if (pos + n > buf.length) flush();
        while (n > 0) buf[pos++] = digits[--n];
        return this;
    }

    /** Milliseconds as exact decimal seconds (8003500 -> 8003.5, 1050 -> 1.05), without going through a double. */
    XmlSink seconds(long ms) {
        if (ms < 0) return raw(Double.toString(ms / 1000.0));
        number(ms / 1000);
        int frac = (int) (ms % 1000);
        if (frac == 0) return this;
        int d1 = frac / 100, d2 = frac / 10 % 10, d3 = frac % 10;
        if (pos + 4 > buf.length) flush();
        buf[pos++] = '.';
        buf[pos++] = (byte) ('0' + d1);
        if (d2 != 0 || d3 != 0) buf[pos++] = (byte) ('0' + d2);
        if (d3 != 0) buf[pos++] = (byte) ('0' + d3);
        return this;
    }

    /** A finite double as xsd:double; whole numbers without a fraction. */
    XmlSink number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return raw(Long.toString((long) v));
        return raw(Double.toString(v));
    }

    /** Escaped text, at most {@code max} characters (Excel holds 32,767 in a cell). */
    XmlSink text(String s, int max) {
        int n = Math.min(s.length(), max);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (pos + 6 > buf.length) flush();
                switch (c) {
                    case '&' -> raw("&amp;");
                    case '<' -> raw("&lt;");
                    case '>' -> raw("&gt;");
                    case '"' -> raw("&quot;");
                    default -> {
                        if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') buf[pos++] = (byte) c;
                    }
                }
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                codePoint(Character.toCodePoint(c, s.charAt(++i)));
            } else if (Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
                codePoint(0xFFFD);
            } else {
                codePoint(c);
            }
        }
        return this;
    }

    /**
     * A cell's text (an inline or shared string, ST_Xstring in ECMA-376 Part 1, 22.9.2.19), at most
     * {@code max} characters: as {@link #text}, but nothing is lost. A reader turns {@code _xHHHH_} into
     * the UTF-16 code unit HHHH, so a "_" that starts such a sequence in the text is written
     * {@code _x005F_}; a character XML 1.0 cannot hold (a control character, a lone surrogate,
     * U+FFFE, U+FFFF) or would change (a carriage return becomes a newline when XML is read) is
     * written as its own {@code _xHHHH_}. POI, Excel and LibreOffice read them back.
     */
    XmlSink cellText(String s, int max) {
        int n = Math.min(s.length(), max);
        if (n < s.length() && n > 0 && Character.isHighSurrogate(s.charAt(n - 1))) n--; // never cut a pair in two
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '_' && looksEscaped(s, i)) {
                raw("_x005F_");
            } else if (c == '\r' || c < 0x20 && c != '\t' && c != '\n' || c == 0xFFFE || c == 0xFFFF) {
                escaped(c);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                codePoint(Character.toCodePoint(c, s.charAt(++i)));
            } else if (Character.isSurrogate(c)) {
                escaped(c);
            } else if (c < 0x80) {
                ascii(c);
            } else {
                codePoint(c);
            }
        }
        return this;
    }

    /** A legal ASCII character of text, escaped where XML needs it. */
    private void ascii(char c) {
        if (pos + 6 > buf.length) flush();
        switch (c) {
            case '&' -> raw("&amp;");
            case '<' -> raw("&lt;");
            case '>' -> raw("&gt;");
            case '"' -> raw("&quot;");
            default -> buf[pos++] = (byte) c;
        }
    }

    /** "_x" or "_X", four hexadecimal digits, "_": what a reader would take for an escape. */
    private static boolean looksEscaped(String s, int at) {
        if (at + 6 >= s.length() || (s.charAt(at + 1) != 'x' && s.charAt(at + 1) != 'X') || s.charAt(at + 6) != '_') return false;
        for (int k = at + 2; k < at + 6; k++) if (Character.digit(s.charAt(k), 16) < 0) return false;
        return true;
    }

    private void escaped(char c) {
        raw("_x").raw(String.format("%04X", (int) c)).raw("_");
    }

    private void codePoint(int cp) {
        if (pos + 4 > buf.length) flush();
        if (cp < 0x800) {
            buf[pos++] = (byte) (0xC0 | cp >> 6);
            buf[pos++] = (byte) (0x80 | cp & 0x3F);
        } else if (cp < 0x10000) {
            buf[pos++] = (byte) (0xE0 | cp >> 12);
            buf[pos++] = (byte) (0x80 | cp >> 6 & 0x3F);
            buf[pos++] = (byte) (0x80 | cp & 0x3F);
        } else {
            buf[pos++] = (byte) (0xF0 | cp >> 18);
            buf[pos++] = (byte) (0x80 | cp >> 12 & 0x3F);
            buf[pos++] = (byte) (0x80 | cp >> 6 & 0x3F);
            buf[pos++] = (byte) (0x80 | cp & 0x3F);
        }
    }

    private void byte1(char c) {
        if (pos == buf.length) flush();
        buf[pos++] = (byte) c;
    }

    void flush() {
        try {
            out.write(buf, 0, pos);
            pos = 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
