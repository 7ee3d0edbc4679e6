package nl.samenspraak.spreadsheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/**
 * A minimal ZIP writer (PKWARE APPNOTE 6.3, without ZIP64) for parts compressed beforehand: a local
 * header with CRC and sizes, the raw deflate data, and at the end the central directory. Every part of an
 * xlsx fits in 4 GiB (a sheet holds at most 1,048,576 rows); a larger one is refused with a message.
 */
final class ZipPackage {
    private static final long LIMIT = 0xFFFF_FFFFL;
    /** 1980-01-01 00:00, the DOS epoch: the export time is in the README, not in the zip. */
    private static final int DOS_TIME = 0, DOS_DATE = (1 << 5) | 1;

    private final OutputStream out;
    private final ByteArrayOutputStream central = new ByteArrayOutputStream();
    private long offset;
    private int entries;

    ZipPackage(OutputStream out) {
        this.out = out;
    }

    void add(CompressedPart part) {
        if (part.size > LIMIT || part.compressedSize > LIMIT || offset > LIMIT) {
            throw new IllegalStateException("The part " + part.name + " is larger than 4 GiB, more than this writer supports.");
        }
        byte[] name = part.name.getBytes(StandardCharsets.UTF_8);
        try {
            ByteArrayOutputStream h = new ByteArrayOutputStream();
            int32(h, 0x04034b50);
            int16(h, 20);
            int16(h, 0x0800);
            int16(h, 8);
            int16(h, DOS_TIME);
            int16(h, DOS_DATE);
            int32(h, part.crc);
            int32(h, part.compressedSize);
            int32(h, part.size);
            int16(h, name.length);
            int16(h, 0);
            h.write(name);
            h.writeTo(out);
            Files.copy(part.file, out);

            int32(central, 0x02014b50);
            int16(central, 20);
            int16(central, 20);
            int16(central, 0x0800);
            int16(central, 8);
            int16(central, DOS_TIME);
            int16(central, DOS_DATE);
            int32(central, part.crc);
            int32(central, part.compressedSize);
            int32(central, part.size);
            int16(central, name.length);
            int16(central, 0);
            int16(central, 0);
            int16(central, 0);
            int16(central, 0);
            int32(central, 0);
            int32(central, offset);
            central.write(name);
            offset += h.size() + part.compressedSize;
            entries++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void finish() {
        if (offset > LIMIT) throw new IllegalStateException("The workbook is larger than 4 GiB, more than this writer supports.");
        try {
            long start = offset;
            central.writeTo(out);
            ByteArrayOutputStream end = new ByteArrayOutputStream();
            int32(end, 0x06054b50);
            int16(end, 0);
            int16(end, 0);
            int16(end, entries);
            int16(end, entries);
            int32(end, central.size());
            int32(end, start);
            int16(end, 0);
            end.writeTo(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void int16(ByteArrayOutputStream b, int v) {
        b.write(v & 0xFF);
        b.write(v >>> 8 & 0xFF);
    }

    private static void int32(ByteArrayOutputStream b, long v) {
        for (int i = 0; i < 4; i++) b.write((int) (v >>> (8 * i) & 0xFF));
    }
}
