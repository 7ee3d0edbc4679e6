package nl.samenspraak.db;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;

/**
 * The rows of a query on PostgreSQL by {@code COPY (query) TO STDOUT (FORMAT binary)}, read field by field from the
 * stream: no object per row or per field, where a JDBC result set makes an array and a byte array for each. For the
 * reads of millions of rows (the code cache's whole read: BENCHMARKS.md). The format is PostgreSQL's ("COPY", "Binary
 * Format"): a header, then per row a 16-bit field count and per field a 32-bit length (-1 for NULL) and its bytes, then
 * a count of -1. Not thread-safe; close it. A copy closed before its end is read to its end first: pgjdbc would cancel it
 * with a cancel request, which can reach the server after the copy has ended and cancel the connection's next statement.
 */
public final class BinaryCopy implements AutoCloseable {
    private static final byte[] SIGNATURE = "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);

    private final PGCopyInputStream in;
    private byte[] buf = new byte[1 << 16];
    private int pos, end;
    private int fieldsLeft;
    private boolean ended;

    private BinaryCopy(PGCopyInputStream in) {
        this.in = in;
    }

    /** Starts {@code COPY (query) TO STDOUT (FORMAT binary)} on {@code c}, a PostgreSQL connection, in its transaction. */
    public static BinaryCopy of(Connection c, String query) throws SQLException {
        BinaryCopy copy = new BinaryCopy(new PGCopyInputStream(c.unwrap(PGConnection.class), "COPY (" + query + ") TO STDOUT (FORMAT binary)"));
        try {
            copy.header();
        } catch (SQLException | RuntimeException e) {
            copy.close();
            throw e;
        }
        return copy;
    }

    private void header() throws SQLException {
        need(SIGNATURE.length + 8);
        if (!Arrays.equals(buf, pos, pos + SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) throw new SQLException("COPY did not send its binary signature");
        pos += SIGNATURE.length + 4;
        int extension = int32();
        need(extension);
        pos += extension;
    }

    /** Moves to the next row; false after the last. Every field of the row before must have been read or skipped. */
    public boolean next() throws SQLException {
        if (fieldsLeft != 0) throw new IllegalStateException(fieldsLeft + " field(s) of the row before not read");
        need(2);
        int count = (short) (((buf[pos] & 0xff) << 8) | (buf[pos + 1] & 0xff));
        pos += 2;
        if (count == -1) {
            drain();
            return false;
        }
        fieldsLeft = count;
        return true;
    }

    /** The next field as a number (an int2, int4 or int8 column); a NULL is an error. */
    public long integer() throws SQLException {
        int length = field();
        long v = 0;
        switch (length) {
            case 2 -> v = (short) (((buf[pos] & 0xff) << 8) | (buf[pos + 1] & 0xff));
            case 4 -> v = int32At(pos);
            case 8 -> v = ((long) int32At(pos) << 32) | (int32At(pos + 4) & 0xffffffffL);
            default -> throw new SQLException("A field of " + length + " byte(s) where a number was expected");
        }
        pos += length;
        return v;
    }

    /**
     * The next field's bytes, to be read from {@link #bytes()} at {@link #at()} until the next call: its length (-1 for a
     * NULL). A text field's bytes are its UTF-8.
     */
    public int field() throws SQLException {
        if (fieldsLeft-- <= 0) throw new IllegalStateException("no field left in the row");
        need(4);
        int length = int32();
        if (length > 0) need(length);
        return length;
    }

    /** The buffer a field's bytes are in ({@link #field()}). */
    public byte[] bytes() {
        return buf;
    }

    /** Where the field's bytes begin in {@link #bytes()}. */
    public int at() {
        return pos;
    }

    /** Passes over the field {@link #field()} gave the length of. */
    public void skip(int length) {
        if (length > 0) pos += length;
    }

    /** Reads the stream to its end, so that the copy ends as PostgreSQL ends it and need not be cancelled at close. */
    private void drain() throws SQLException {
        try {
            while (in.read(buf, 0, buf.length) >= 0) {
                // nothing follows the trailer but the end of the copy
            }
        } catch (IOException e) {
            throw new SQLException("Cannot end COPY: " + e.getMessage(), e);
        }
        pos = end = 0;
        ended = true;
    }

    private int int32() {
        int v = int32At(pos);
        pos += 4;
        return v;
    }

    private int int32At(int p) {
        return ((buf[p] & 0xff) << 24) | ((buf[p + 1] & 0xff) << 16) | ((buf[p + 2] & 0xff) << 8) | (buf[p + 3] & 0xff);
    }

    /** At least {@code n} bytes from {@code pos} in the buffer, reading more of the stream as needed. */
    private void need(int n) throws SQLException {
        if (end - pos >= n) return;
        if (n > buf.length) buf = Arrays.copyOf(buf, Math.max(n, buf.length * 2));
        System.arraycopy(buf, pos, buf, 0, end - pos);
        end -= pos;
        pos = 0;
        try {
            while (end < n) {
                int read = in.read(buf, end, buf.length - end);
                if (read < 0) throw new EOFException("COPY ended in the middle of a row");
                end += read;
            }
        } catch (IOException e) {
            throw new SQLException("Cannot read the rows of COPY: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            if (!ended) drain();
        } catch (SQLException | RuntimeException e) {
            // the stream broke: nothing is left but to cancel (below)
        }
        try {
            in.close();
        } catch (IOException e) {
            throw new SQLException("Cannot end COPY: " + e.getMessage(), e);
        }
    }
}
