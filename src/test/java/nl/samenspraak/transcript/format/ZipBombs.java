package nl.samenspraak.transcript.format;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A .docx-shaped zip bomb: about 1 MiB holding a 1 GiB word/document.xml of spaces. Deflating a
 * gigabyte takes half a minute on a busy machine, so the stream is built from one flushed block
 * that encodes 1 MiB of spaces by back-references only, repeated: a block that refers back to
 * spaces decodes to spaces after any run of spaces (RFC 1951, 3.2.5), and a sync flush ends it on
 * a byte boundary. The zip around it is written by hand (PKWARE APPNOTE 4.3.7, 4.3.12, 4.3.16).
 */
public final class ZipBombs {
    private ZipBombs() {}

    private static final int MIB = 1 << 20;
    private static byte[] docx;

    public static synchronized byte[] docx() {
        if (docx == null) docx = zip("word/document.xml", 1024);
        return docx;
    }

    static byte[] zip(String name, int mebibytes) {
        byte[] spaces = new byte[MIB];
        Arrays.fill(spaces, (byte) ' ');
        Deflater d = new Deflater(9, true);
        byte[] first = flushed(d, spaces), repeated = flushed(d, spaces);
        d.finish();
        byte[] last = drain(d, Deflater.NO_FLUSH);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(first);
        for (int i = 1; i < mebibytes; i++) data.writeBytes(repeated);
        data.writeBytes(last);
        CRC32 crc = new CRC32();
        for (int i = 0; i < mebibytes; i++) crc.update(spaces);
        return archive(name.getBytes(StandardCharsets.UTF_8), data.toByteArray(), crc.getValue(), (long) mebibytes * MIB);
    }

    private static byte[] flushed(Deflater d, byte[] input) {
        d.setInput(input);
        return drain(d, Deflater.SYNC_FLUSH);
    }

    private static byte[] drain(Deflater d, int flush) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        int n;
        do {
            n = d.deflate(buf, 0, buf.length, flush);
            out.write(buf, 0, n);
        } while (n == buf.length || (!d.needsInput() && !d.finished()));
        return out.toByteArray();
    }

    private static byte[] archive(byte[] name, byte[] data, long crc, long size) {
        ByteBuffer b = ByteBuffer.allocate(data.length + 2 * name.length + 200).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x04034b50).putShort((short) 20).putShort((short) 0).putShort((short) 8).putInt(0)
                .putInt((int) crc).putInt(data.length).putInt((int) size).putShort((short) name.length).putShort((short) 0)
                .put(name).put(data);
        int directory = b.position();
        b.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0).putShort((short) 8).putInt(0)
                .putInt((int) crc).putInt(data.length).putInt((int) size).putShort((short) name.length)
                .putShort((short) 0).putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0).putInt(0).put(name);
        int directorySize = b.position() - directory;
        b.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) 1).putShort((short) 1)
                .putInt(directorySize).putInt(directory).putShort((short) 0);
        return Arrays.copyOf(b.array(), b.position());
    }
}
