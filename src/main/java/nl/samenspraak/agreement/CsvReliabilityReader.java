package nl.samenspraak.agreement;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads reliability data from CSV: a header {@code unit,<coder>,<coder>,...}, then one row per unit;
 * an empty cell is a missing value. Rows are numbered as in a spreadsheet, the header being row 1.
 * <p>It reads the bytes of the file itself, at the speed of the disk (issue 13): each code is interned
 * to a small int as it is read (a String is made once per distinct code, not per cell) and unit names
 * are checked for repeats on their bytes. The CSV it accepts, and what each cell means, are those of
 * Commons CSV's default format with surrounding spaces ignored, as before: comma, double quotes (a
 * doubled quote inside is one quote; a quote inside an unquoted cell is a plain character), a line ends
 * in LF, CRLF or CR, empty lines are skipped, a row is numbered by its place among the rows that are not
 * empty lines (a line of spaces counts and is skipped); a cell's surrounding whitespace is dropped and a
 * blank cell is missing. The file must be UTF-8 (a byte order mark is part of the header's first cell).
 */
final class CsvReliabilityReader {
    private CsvReliabilityReader() {}

    /** Bad input, with a message that names the row. */
    static final class BadInput extends Exception {
        BadInput(String message) {
            super(message);
        }
    }

    /** Reads UTF-8 text (tests and callers holding a String). */
    static ReliabilityData read(String text, Level level, List<String> order) throws BadInput, IOException {
        return read(text.getBytes(StandardCharsets.UTF_8), level, order);
    }

    /**
     * Reads the bytes of a CSV file.
     *
     * @throws CharacterCodingException when the bytes are not UTF-8 (as a reader decoding the file would)
     * @throws BadInput naming the row, as the refusals of the reliability CSV always have
     */
    static ReliabilityData read(byte[] bytes, Level level, List<String> order) throws BadInput, IOException {
        if (!ascii(bytes, 0, bytes.length)) decode(bytes);
        return new Parse(null, null, bytes, bytes.length, level, order).run();
    }

    /**
     * Reads a CSV file a megabyte at a time (a record that straddles two reads is read again whole), so
     * that the file is never copied whole into memory. Bytes that are not UTF-8 are refused before any
     * bad row (as when a reader decoded the whole file first): a read with a byte above 127 decodes the
     * whole file then, and a bad row decodes the rest of the file before it is reported.
     */
    static ReliabilityData read(Path file, Level level, List<String> order) throws BadInput, IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 20];
            Parse parse = new Parse(file, in, buffer, 0, level, order);
            parse.expected = Files.size(file);
            return parse.run();
        }
    }

    private static void decode(byte[] bytes) throws CharacterCodingException {
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
    }

    private static boolean ascii(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] < 0) return false;
        }
        return true;
    }

    /** One pass over the bytes. */
    private static final class Parse {
        private final Path file; // null when reading bytes
        private final InputStream in;
        private byte[] b;
        private int limit; // b[0, limit) holds bytes of the file
        private boolean eof;
        private boolean validated; // the whole file is known to be UTF-8
        long expected;
        private final Level level;
        private final List<String> order;
        private final Set<String> allowed;
        private int p;
        private int records; // records read so far (the row number of the last one)

        // the cells of the current record: content [start, end), quoted cells with "" inside are copied
        private int cells;
        private int[] start = new int[8];
        private int[] end = new int[8];
        private boolean[] escaped = new boolean[8];

        // distinct codes as read: their bytes, their label, and per cell of the data their index
        private byte[][] codeBytes = new byte[16][];
        private String[] codeLabels = new String[16];
        private long[] codePacked = new long[16];
        private int[] codeTable = new int[64]; // open addressing: index + 1, 0 = empty
        private int codeCount;

        // unit names: their bytes in one pool, a table of row indexes (+1), and the row each came from
        private byte[] unitPool = new byte[1 << 16];
        private int unitPoolSize;
        private int[] unitStart = new int[1024];
        private int[] unitRow = new int[1024];
        private long[] unitTable; // null while the names come in increasing order
        private int units;

        private int[][] codes;

        Parse(Path file, InputStream in, byte[] bytes, int limit, Level level, List<String> order) {
            this.file = file;
            this.in = in;
            this.b = bytes;
            this.limit = limit;
            this.eof = in == null;
            this.validated = in == null;
            this.expected = limit;
            this.level = level;
            this.order = order;
            this.allowed = new LinkedHashSet<>(order);
        }

        ReliabilityData run() throws BadInput, IOException {
            if (!next()) throw fail("The file is empty: it needs a header row unit,<coder>,<coder>,...");
            List<String> coders = coders();
            int n = coders.size();
            codes = new int[n][(int) Math.min(Integer.MAX_VALUE - 8, Math.max(16, expected / 16))];
            while (next()) {
                int row = records;
                if (cells == 1 && blank(0)) continue;
                if (cells != n + 1) {
                    throw fail("Row " + row + " has " + cells + " cells, but the header has " + (n + 1) + ".");
                }
                unit(row);
                if (units > codes[0].length) {
                    for (int j = 0; j < n; j++) codes[j] = Arrays.copyOf(codes[j], codes[j].length + codes[j].length / 2 + 16);
                }
                for (int j = 0; j < n; j++) codes[j][units - 1] = code(j + 1, row, coders);
            }
            return data(coders);
        }

        // ---- the CSV: one record into start/end/escaped ----

        /** Reads the next record; false at the end of the file. Skips empty lines. */
        private boolean next() throws BadInput, IOException {
            int before = records;
            while (true) {
                int mark = p;
                int read = record();
                if (read >= 0) return read == 1;
                records = before;
                refill(mark);
            }
        }

        /** Keeps b[mark, limit), moved to the front, and reads more after it (a larger buffer if it was full). */
        private void refill(int mark) throws IOException {
            System.arraycopy(b, mark, b, 0, limit - mark);
            limit -= mark;
            p = 0;
            if (limit == b.length) b = Arrays.copyOf(b, b.length * 2);
            int n = in.read(b, limit, b.length - limit);
            if (n < 0) {
                eof = true;
                validated = true; // every read was ASCII, or the whole file was decoded
                return;
            }
            if (!validated && !ascii(b, limit, limit + n)) {
                validate();
            }
            limit += n;
        }

        /** Decodes the whole file as UTF-8, as the reader before did first, throwing what it threw. */
        private void validate() throws IOException {
            if (validated) return;
            try (java.io.Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                char[] chars = new char[1 << 14];
                while (reader.read(chars) >= 0) {
                    // only decoding
                }
            }
            validated = true;
        }

        /** A refusal, once the whole file is known to be UTF-8 (else that is the refusal). */
        private BadInput fail(String message) throws IOException {
            validate();
            return new BadInput(message);
        }

        /** 1: a record is in start/end/escaped; 0: the end of the file; -1: the buffer ended first (read more). */
        private int record() throws BadInput, IOException {
            while (p < limit && (b[p] == '\n' || b[p] == '\r')) p++;
            if (p >= limit) return eof ? 0 : -1;
            records++;
            cells = 0;
            while (true) {
                int c = cells++;
                if (c == start.length) {
                    start = Arrays.copyOf(start, c * 2);
                    end = Arrays.copyOf(end, c * 2);
                    escaped = Arrays.copyOf(escaped, c * 2);
                }
                escaped[c] = false;
                while (p < limit && b[p] != ',' && b[p] != '\n' && b[p] != '\r') {
                    int w = whitespace(p);
                    if (w == 0) break;
                    p += w;
                }
                if (p < limit && b[p] == '"') {
                    if (!quoted(c)) return -1;
                } else {
                    int s = p;
                    while (p < limit && b[p] != ',' && b[p] != '\n' && b[p] != '\r') p++;
                    if (p >= limit && !eof) return -1;
                    int e = p;
                    while (e > s) {
                        int w = whitespaceBefore(e, s);
                        if (w == 0) break;
                        e -= w;
                    }
                    start[c] = s;
                    end[c] = e;
                }
                if (p >= limit) return eof ? 1 : -1;
                byte x = b[p++];
                if (x == ',') continue;
                if (x == '\r') {
                    if (p >= limit && !eof) return -1;
                    if (p < limit && b[p] == '\n') p++;
                }
                return 1;
            }
        }

        /** A quoted cell from the quote at p; leaves p at the comma, line end or end of the file after it. False: read more. */
        private boolean quoted(int c) throws BadInput, IOException {
            int s = ++p;
            while (true) {
                if (p >= limit) {
                    if (!eof) return false;
                    throw fail("Row " + records + ": a quoted cell is not closed before the end of the file.");
                }
                if (b[p] == '"') {
                    if (p + 1 >= limit && !eof) return false;
                    if (p + 1 < limit && b[p + 1] == '"') {
                        escaped[c] = true;
                        p += 2;
                        continue;
                    }
                    break;
                }
                p++;
            }
            start[c] = s;
            end[c] = p++;
            while (p < limit && b[p] != ',' && b[p] != '\n' && b[p] != '\r') {
                int w = whitespace(p);
                if (w == 0) {
                    if (p + 3 > limit && !eof) return false; // perhaps a character cut by the read
                    throw fail("Row " + records + ", cell " + (c + 1) + ": after the closing quote comes '"
                            + (char) (b[p] & 0xff) + "' instead of a comma or the end of the line.");
                }
                p += w;
            }
            return p < limit || eof;
        }

        /** Length of the whitespace character (Character.isWhitespace) at i, 0 if none; never a comma or line end. */
        private int whitespace(int i) {
            int x = b[i] & 0xff;
            if (x < 0x80) return x == ' ' || x == '\t' || x == 0x0B || x == '\f' || (x >= 0x1C && x <= 0x1F) ? 1 : 0;
            if (x >= 0xE1 && x <= 0xE3 && i + 2 < limit) {
                int cp = ((x & 0x0F) << 12) | ((b[i + 1] & 0x3F) << 6) | (b[i + 2] & 0x3F);
                return Character.isWhitespace(cp) ? 3 : 0;
            }
            return 0;
        }

        /** Length of the whitespace character that ends at e (not before s), 0 if none. */
        private int whitespaceBefore(int e, int s) {
            int x = b[e - 1] & 0xff;
            if (x < 0x80) return x == ' ' || x == '\t' || x == 0x0B || x == '\f' || (x >= 0x1C && x <= 0x1F) ? 1 : 0;
            if (e - 3 >= s && (b[e - 3] & 0xff) >= 0xE1 && (b[e - 3] & 0xff) <= 0xE3) return whitespace(e - 3);
            return 0;
        }

        /** The bytes of a cell (quotes undoubled). */
        private byte[] bytes(int c) {
            byte[] raw = Arrays.copyOfRange(b, start[c], end[c]);
            if (!escaped[c]) return raw;
            int k = 0;
            for (int i = 0; i < raw.length; i++, k++) {
                raw[k] = raw[i];
                if (raw[i] == '"') i++;
            }
            return Arrays.copyOf(raw, k);
        }

        private String text(int c) {
            return new String(bytes(c), StandardCharsets.UTF_8);
        }

        private boolean blank(int c) {
            for (int i = start[c]; i < end[c]; ) {
                int w = whitespace(i);
                if (w == 0 && b[i] != '\n' && b[i] != '\r') return false;
                i += Math.max(w, 1);
            }
            return true;
        }

        // ---- the reliability data ----

        private List<String> coders() throws BadInput, IOException {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < this.cells; c++) cells.add(text(c));
            cells.set(0, cells.get(0).replace("\uFEFF", ""));
            if (cells.size() < 3) {
                throw fail("Row 1 (the header) has " + (cells.size() - 1)
                        + " coder column(s): it needs unit and at least two coders, as unit,<coder>,<coder>,...");
            }
            List<String> coders = cells.subList(1, cells.size());
            if (new HashSet<>(coders).size() != coders.size()) throw fail("Row 1 (the header) names a coder twice: " + coders + ".");
            return List.copyOf(coders);
        }

        /**
         * Records the unit of cell 0, refusing a unit named in an earlier row. While every unit name comes
         * after the one before (shorter first, then byte by byte: u9 before u10, as most files list them), no
         * name can repeat and no table is needed; from the first one out of that order on, the names go in
         * a hash table (hash and row index per slot, so a probe rarely reads the names themselves).
         */
        private void unit(int row) throws BadInput, IOException {
            byte[] key = escaped[0] ? bytes(0) : null;
            int s = key == null ? start[0] : 0;
            int len = key == null ? end[0] - start[0] : key.length;
            byte[] src = key == null ? b : key;
            if (unitTable == null) {
                if (units == 0 || after(src, s, len, units - 1)) {
                    add(src, s, len, row);
                    return;
                }
                unitTable = new long[Integer.highestOneBit(Math.max(1024, units * 4))];
                for (int u = 0; u < units; u++) place(unitTable, hash(unitPool, unitStart[u], unitLength(u)), u);
            }
            int h = hash(src, s, len);
            int mask = unitTable.length - 1;
            for (int i = h & mask; ; i = (i + 1) & mask) {
                long slot = unitTable[i];
                if (slot == 0) {
                    add(src, s, len, row);
                    unitTable[i] = ((long) h << 32) | units;
                    if (units * 2 > unitTable.length) growUnits();
                    return;
                }
                int u = (int) slot - 1;
                if ((int) (slot >>> 32) == h && same(unitPool, unitStart[u], unitLength(u), src, s, len)) {
                    throw fail("Row " + row + ": unit '" + new String(src, s, len, StandardCharsets.UTF_8)
                            + "' already appears in row " + unitRow[u] + ".");
                }
            }
        }

        /** Whether the name comes after unit u's: longer, or as long and greater byte by byte. */
        private boolean after(byte[] src, int s, int len, int u) {
            int us = unitStart[u];
            int ulen = unitLength(u);
            if (len != ulen) return len > ulen;
            for (int i = 0; i < len; i++) {
                int x = src[s + i] & 0xff;
                int y = unitPool[us + i] & 0xff;
                if (x != y) return x > y;
            }
            return false;
        }

        private int unitLength(int u) {
            return (u + 1 < units ? unitStart[u + 1] : unitPoolSize) - unitStart[u];
        }

        private void add(byte[] src, int s, int len, int row) {
            if (units + 1 >= unitStart.length) {
                unitStart = Arrays.copyOf(unitStart, unitStart.length * 2);
                unitRow = Arrays.copyOf(unitRow, unitRow.length * 2);
            }
            if (unitPoolSize + len > unitPool.length) unitPool = Arrays.copyOf(unitPool, Math.max(unitPool.length * 2, unitPoolSize + len));
            System.arraycopy(src, s, unitPool, unitPoolSize, len);
            unitStart[units] = unitPoolSize;
            unitRow[units] = row;
            unitPoolSize += len;
            units++;
        }

        private static void place(long[] table, int h, int u) {
            int mask = table.length - 1;
            int i = h & mask;
            while (table[i] != 0) i = (i + 1) & mask;
            table[i] = ((long) h << 32) | (u + 1);
        }

        private void growUnits() {
            long[] table = new long[unitTable.length * 2];
            for (long slot : unitTable) {
                if (slot != 0) place(table, (int) (slot >>> 32), (int) slot - 1);
            }
            unitTable = table;
        }

        /** The code of cell c: MISSING when blank, else the index of its trimmed text among the codes read so far. */
        private int code(int c, int row, List<String> coders) throws BadInput, IOException {
            int s = start[c];
            int e = end[c];
            if (s == e) return ReliabilityData.MISSING;
            if (escaped[c] || (b[s] & 0xff) <= ' ' || (b[e - 1] & 0xff) <= ' ' || b[s] < 0 || b[e - 1] < 0) {
                return slowCode(c, row, coders);
            }
            return intern(b, s, e - s, row, coders, c);
        }

        /** A cell that may be blank, quoted with doubled quotes, or need trimming: as String.isBlank and String.trim. */
        private int slowCode(int c, int row, List<String> coders) throws BadInput, IOException {
            String cell = text(c);
            if (cell.isBlank()) return ReliabilityData.MISSING;
            String trimmed = cell.trim();
            if (trimmed.isEmpty()) { // control characters only: checked as a value, then missing (as fromLabels did)
                check(trimmed, row, coders, c);
                return ReliabilityData.MISSING;
            }
            byte[] value = trimmed.getBytes(StandardCharsets.UTF_8);
            return intern(value, 0, value.length, row, coders, c);
        }

        /** The index of the code with these bytes, adding it when new. Codes of up to 7 bytes compare as one long. */
        private int intern(byte[] src, int s, int len, int row, List<String> coders, int c) throws BadInput, IOException {
            long packed = packed(src, s, len);
            int mask = codeTable.length - 1;
            for (int i = keyHash(src, s, len, packed) & mask; ; i = (i + 1) & mask) {
                int k = codeTable[i] - 1;
                if (k < 0) {
                    int added = newCode(Arrays.copyOfRange(src, s, s + len), row, coders, c);
                    codeTable[i] = added + 1;
                    if (codeCount * 2 > codeTable.length) growCodes();
                    return added;
                }
                if (packed >= 0 ? codePacked[k] == packed : same(codeBytes[k], 0, codeBytes[k].length, src, s, len)) return k;
            }
        }

        /** Up to 7 bytes and their count in one long (distinct for distinct byte strings), else -1. */
        private static long packed(byte[] src, int s, int len) {
            if (len > 7) return -1;
            long p = len;
            for (int i = s; i < s + len; i++) p = (p << 8) | (src[i] & 0xff);
            return p;
        }

        private static int keyHash(byte[] src, int s, int len, long packed) {
            if (packed < 0) return hash(src, s, len);
            long h = packed * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }

        /** A code seen for the first time: checked as each cell always was (a number for a numeric level, in --order). */
        private int newCode(byte[] value, int row, List<String> coders, int c) throws BadInput, IOException {
            String label = new String(value, StandardCharsets.UTF_8);
            check(label, row, coders, c);
            if (codeCount == codeBytes.length) {
                codeBytes = Arrays.copyOf(codeBytes, codeCount * 2);
                codeLabels = Arrays.copyOf(codeLabels, codeCount * 2);
                codePacked = Arrays.copyOf(codePacked, codeCount * 2);
            }
            codeBytes[codeCount] = value;
            codePacked[codeCount] = packed(value, 0, value.length);
            codeLabels[codeCount] = label;
            return codeCount++;
        }

        private void check(String label, int row, List<String> coders, int c) throws BadInput, IOException {
            if (level.numeric() && ReliabilityData.parseNumber(label) == null) {
                throw fail("Row " + row + " (unit '" + text(0) + "'), coder '" + coders.get(c - 1) + "': '" + label
                        + "' is not a number, and the " + level.key() + " level needs numbers.");
            }
            if (!allowed.isEmpty() && !allowed.contains(label)) {
                throw fail("Row " + row + " (unit '" + text(0) + "'), coder '" + coders.get(c - 1) + "': '" + label
                        + "' is not in --order " + String.join(",", allowed) + ".");
            }
        }

        private void growCodes() {
            int[] table = new int[codeTable.length * 2];
            int mask = table.length - 1;
            for (int k = 0; k < codeCount; k++) {
                int i = keyHash(codeBytes[k], 0, codeBytes[k].length, codePacked[k]) & mask;
                while (table[i] != 0) i = (i + 1) & mask;
                table[i] = k + 1;
            }
            codeTable = table;
        }

        /** Whether two byte ranges hold the same bytes (a plain loop: these are short, and Arrays.equals costs more to set up). */
        private static boolean same(byte[] x, int xs, int xlen, byte[] y, int ys, int ylen) {
            if (xlen != ylen) return false;
            for (int i = 0; i < xlen; i++) {
                if (x[xs + i] != y[ys + i]) return false;
            }
            return true;
        }

        private static int hash(byte[] src, int s, int len) {
            int h = 0x9E3779B9;
            for (int i = s; i < s + len; i++) h = (h ^ src[i]) * 0x01000193;
            h ^= h >>> 16; // MurmurHash3's finaliser: every bit of the key reaches the low bits the table uses
            h *= 0x85EBCA6B;
            h ^= h >>> 13;
            h *= 0xC2B2AE35;
            return h ^ (h >>> 16);
        }

        /**
         * The categories as {@link ReliabilityData#fromLabels} makes them: the order when given, else the codes
         * sorted, numerically when all are numbers ("1" and "1.0" then being one category); codes remapped to them.
         */
        private ReliabilityData data(List<String> coders) {
            List<String> labels = Arrays.asList(codeLabels).subList(0, codeCount);
            boolean numbers = order.isEmpty() && labels.stream().allMatch(l -> ReliabilityData.parseNumber(l) != null);
            List<String> categories;
            if (!order.isEmpty()) {
                categories = List.copyOf(order);
            } else {
                Set<String> distinct = new LinkedHashSet<>();
                for (String l : labels) distinct.add(numbers ? ReliabilityData.canonicalNumber(l) : l);
                categories = new ArrayList<>(distinct);
                categories.sort(numbers ? Comparator.comparingDouble(Double::parseDouble) : Comparator.naturalOrder());
            }
            Map<String, Integer> index = new HashMap<>();
            for (int c = 0; c < categories.size(); c++) {
                if (index.put(categories.get(c), c) != null) throw new IllegalArgumentException("The order names '" + categories.get(c) + "' twice.");
            }
            int[] map = new int[codeCount];
            for (int k = 0; k < codeCount; k++) map[k] = index.get(numbers ? ReliabilityData.canonicalNumber(labels.get(k)) : labels.get(k));
            int[][] result = new int[coders.size()][];
            for (int j = 0; j < result.length; j++) {
                int[] column = Arrays.copyOf(codes[j], units);
                for (int u = 0; u < column.length; u++) {
                    if (column[u] >= 0) column[u] = map[column[u]];
                }
                result[j] = column;
            }
            return new ReliabilityData(coders, categories, ReliabilityData.numbersOf(categories), result);
        }
    }
}
