package nl.samenspraak.reliability;

import java.util.Arrays;

/**
 * Numbers by byte strings: the code cache numbers a PostgreSQL COPY row's dimension and code by their UTF-8 bytes
 * without making strings of them (CodeCache's read of a range). Open addressing; nothing is removed. Not thread-safe.
 */
final class ByteKeys {
    private byte[][] keys = new byte[16][];
    private int[] values = new int[16];
    private int size;

    /** The number of {@code bytes[at, at + length)}, or -1 when it has none. */
    int get(byte[] bytes, int at, int length) {
        for (int i = hash(bytes, at, length) & (keys.length - 1); keys[i] != null; i = (i + 1) & (keys.length - 1)) {
            if (Arrays.equals(keys[i], 0, keys[i].length, bytes, at, at + length)) return values[i];
        }
        return -1;
    }

    void put(byte[] bytes, int at, int length, int value) {
        if (2 * (size + 1) > keys.length) {
            byte[][] oldKeys = keys;
            int[] oldValues = values;
            keys = new byte[oldKeys.length * 2][];
            values = new int[oldKeys.length * 2];
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) if (oldKeys[i] != null) put(oldKeys[i], 0, oldKeys[i].length, oldValues[i]);
        }
        int i = hash(bytes, at, length) & (keys.length - 1);
        while (keys[i] != null) i = (i + 1) & (keys.length - 1);
        keys[i] = Arrays.copyOfRange(bytes, at, at + length);
        values[i] = value;
        size++;
    }

    private static int hash(byte[] bytes, int at, int length) {
        int h = 1;
        for (int i = at; i < at + length; i++) h = 31 * h + bytes[i];
        return h ^ (h >>> 16);
    }
}
