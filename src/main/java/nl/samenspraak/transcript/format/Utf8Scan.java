package nl.samenspraak.transcript.format;

/**
 * One pass over the bytes of a text file: whether it is valid UTF-8 (RFC 3629: no overlong
 * forms, no surrogates, nothing above U+10FFFF), where the first bad byte is and on which line,
 * the first non-ASCII byte, and the first byte Windows-1252 leaves undefined (0x81, 0x8D, 0x8F,
 * 0x90, 0x9D). No text is built, so it costs nothing on a 20 MiB file.
 */
record Utf8Scan(int badOffset, int badLine, int firstNonAsciiOffset, int firstNonAsciiLine,
                int undefinedOffset, int undefinedLine) {

    boolean valid() { return badOffset < 0; }
    boolean nonAscii() { return firstNonAsciiOffset >= 0; }
    boolean undefinedIn1252() { return undefinedOffset >= 0; }

    static Utf8Scan of(byte[] b) {
        int bad = -1, nonAscii = -1, undefined = -1;
        int i = 0;
        while (i < b.length) {
            if (b[i] >= 0) { i++; continue; } // ASCII: the common case, no more than a comparison
            int c = b[i] & 0xFF;
            if (nonAscii < 0) nonAscii = i;
            if (undefined < 0 && (c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D)) undefined = i;
            int len = bad >= 0 ? 0 : sequenceLength(b, i);
            if (len == 0) {
                if (bad < 0) bad = i;
                i++;
            } else {
                i += len;
            }
        }
        return new Utf8Scan(bad, line(b, bad), nonAscii, line(b, nonAscii), undefined, line(b, undefined));
    }

    /** The 1-based line of byte {@code offset} (0 when there is none), counted only for the bytes a message names. */
    private static int line(byte[] b, int offset) {
        if (offset < 0) return 0;
        int line = 1;
        for (int i = 0; i < offset; i++) if (b[i] == '\n') line++;
        return line;
    }

    /** The length of the valid UTF-8 sequence starting at {@code i}, or 0 when it is not one. */
    private static int sequenceLength(byte[] b, int i) {
        int c = b[i] & 0xFF;
        int len;
        int lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) len = 2;
        else if (c >= 0xE0 && c <= 0xEF) { len = 3; if (c == 0xE0) lo = 0xA0; if (c == 0xED) hi = 0x9F; }
        else if (c >= 0xF0 && c <= 0xF4) { len = 4; if (c == 0xF0) lo = 0x90; if (c == 0xF4) hi = 0x8F; }
        else return 0;
        if (i + len > b.length) return 0;
        int second = b[i + 1] & 0xFF;
        if (second < lo || second > hi) return 0;
        for (int k = 2; k < len; k++) if ((b[i + k] & 0xC0) != 0x80) return 0;
        return len;
    }
}
