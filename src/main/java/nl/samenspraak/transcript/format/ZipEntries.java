package nl.samenspraak.transcript.format;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * The entries of a zip archive (a .docx or .xlsx) read from its central directory (PKWARE
 * APPNOTE 4.3.12, 4.3.16), and one entry inflated as a stream that stops at a limit. Nothing is
 * inflated to list the entries, and no entry is inflated beyond {@link #MAX_INFLATED} bytes or
 * {@link #MAX_RATIO} times its compressed size, so a zip bomb (1 MiB holding a 1 GiB
 * document.xml) is refused after reading a little of it, naming the file.
 */
final class ZipEntries {
    /** Far above any real transcript (a 20 MiB .docx inflates to about 100 MiB of XML). */
    static final long MAX_INFLATED = 256L << 20;
    /** Text XML compresses about 10:1; 100:1 (POI's own default) is only ever a bomb. */
    static final long MAX_RATIO = 100;

    private record Entry(String name, int method, long compressed, long localOffset) {}

    private final String file;
    private final byte[] zip;
    private final Map<String, Entry> entries;

    private ZipEntries(String file, byte[] zip, Map<String, Entry> entries) {
        this.file = file;
        this.zip = zip;
        this.entries = entries;
    }

    /** The archive's entries; refused as corrupt when the central directory cannot be read. */
    static ZipEntries of(String file, byte[] zip) {
        try {
            ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
            int eocd = -1;
            for (int i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65_535); i--)
                if (b.getInt(i) == 0x06054b50) { eocd = i; break; }
            if (eocd < 0) throw corrupt(file, Said.of("word.zipNoEnd", "no end of central directory"));
            int count = Short.toUnsignedInt(b.getShort(eocd + 10));
            long at = Integer.toUnsignedLong(b.getInt(eocd + 16));
            Map<String, Entry> entries = new LinkedHashMap<>();
            for (int n = 0; n < count; n++) {
                int p = Math.toIntExact(at);
                if (b.getInt(p) != 0x02014b50) throw corrupt(file, Said.of("word.zipBrokenDirectory", "a broken central directory"));
                int nameLength = Short.toUnsignedInt(b.getShort(p + 28));
                int extra = Short.toUnsignedInt(b.getShort(p + 30)), comment = Short.toUnsignedInt(b.getShort(p + 32));
                String name = new String(zip, p + 46, nameLength, StandardCharsets.UTF_8);
                entries.put(name, new Entry(name, Short.toUnsignedInt(b.getShort(p + 10)),
                        Integer.toUnsignedLong(b.getInt(p + 20)), Integer.toUnsignedLong(b.getInt(p + 42))));
                at = p + 46L + nameLength + extra + comment;
            }
            return new ZipEntries(file, zip, entries);
        } catch (IndexOutOfBoundsException | ArithmeticException e) {
            throw corrupt(file, Said.of("word.zipEndsEarly", "it ends too early"));
        }
    }

    boolean has(String name) { return entries.containsKey(name); }

    /** The entry inflated as a stream that refuses to grow past the limits, or empty when absent. */
    Optional<InputStream> open(String name) {
        Entry e = entries.get(name);
        if (e == null) return Optional.empty();
        try {
            ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
            int p = Math.toIntExact(e.localOffset());
            if (b.getInt(p) != 0x04034b50) throw corrupt(file, Said.of("word.zipBrokenEntry", "a broken entry " + name, "entry", name));
            int data = p + 30 + Short.toUnsignedInt(b.getShort(p + 26)) + Short.toUnsignedInt(b.getShort(p + 28));
            int length = (int) Math.min(e.compressed(), zip.length - (long) data);
            InputStream raw = new ByteArrayInputStream(zip, data, length);
            InputStream body = switch (e.method()) {
                case 0 -> raw;
                case 8 -> new InflaterInputStream(raw, new Inflater(true), 1 << 16);
                default -> throw corrupt(file, Said.of("word.zipMethod", "entry " + name + " uses compression method " + e.method(),
                        "entry", name, "method", e.method()));
            };
            return Optional.of(new Limited(body, name, Math.min(MAX_INFLATED, Math.max(1L << 20, e.compressed() * MAX_RATIO))));
        } catch (IndexOutOfBoundsException | ArithmeticException ex) {
            throw corrupt(file, Said.of("word.zipEndsEarly", "it ends too early"));
        }
    }

    private static TranscriptFormatException corrupt(String file, Said why) {
        return new TranscriptFormatException(file, null, Said.of("transcript.zipDamaged", "the file is a damaged zip archive (" + why.text()
                + "); save it again from Word or Excel.", "why", why));
    }

    /** Stops with a refusal once more than {@code limit} bytes came out. */
    private final class Limited extends FilterInputStream {
        private final String name;
        private final long limit;
        private long read;

        Limited(InputStream in, String name, long limit) {
            super(in);
            this.name = name;
            this.limit = limit;
        }

        @Override public int read() throws IOException {
            int c = super.read();
            if (c >= 0) count(1);
            return c;
        }

        @Override public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) count(n);
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit)
                throw new TranscriptFormatException(file, null, Said.of("transcript.zipBomb", String.format("%s inflates to more than %d MiB from %.1f MiB "
                        + "in the archive; that is a zip bomb or a damaged file, not a transcript.", name, limit >> 20,
                        entries.get(name).compressed() / 1048576.0), "entry", name, "limit", limit >> 20,
                        "size", String.format("%.1f", entries.get(name).compressed() / 1048576.0)));
        }
    }
}
