package nl.samenspraak.http;

import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.util.Locale;
import java.util.Map;

/**
 * A write that failed because the disk is full: SQLite's SQLITE_FULL ("database or disk is full"),
 * PostgreSQL's disk_full (SQLSTATE 53100), or a file write that got ENOSPC ("No space left on device"). Nothing was saved (SQLite rolled the
 * transaction back; a recording's temporary file is removed), so the answer is a 507 that says so,
 * not a 500: the coding page keeps the change and sends it again later.
 */
public final class DiskFull {
    public static final int STATUS = 507;
    public static final String MESSAGE = "The server's disk is full: nothing was saved. Your changes are kept in this page and "
            + "sent again once the administrator has made room on the server.";

    private DiskFull() {}

    /** Whether the failure, or anything it wraps, is a full disk. */
    public static boolean is(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLiteException s && (s.getResultCode() == SQLiteErrorCode.SQLITE_FULL
                    || s.getResultCode().code == SQLiteErrorCode.SQLITE_FULL.code)) return true;
            if (c instanceof java.sql.SQLException s && "53100".equals(s.getSQLState())) return true;
            String m = c.getMessage() == null ? "" : c.getMessage().toLowerCase(Locale.ROOT);
            if (m.contains("no space left on device") || m.contains("database or disk is full") || m.contains("[sqlite_full]")) return true;
        }
        return false;
    }

    public static ApiException error() {
        return new ApiException(STATUS, "server.diskFull", MESSAGE, Map.of("reason", "disk-full"));
    }

    /** Rethrows a full disk as its 507; anything else is left to the caller. */
    public static void rethrow(Throwable t) {
        if (is(t)) throw error();
    }
}
