package nl.samenspraak.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A streaming xlsx (SpreadsheetML, ECMA-376) writer: each sheet's XML goes straight into the zip as its
 * rows arrive, so memory does not grow with the rows. Written by hand rather than with POI's SXSSF,
 * which spends most of a million-row export on cell objects and a temp file per sheet.
 * <ul>
 *   <li>Text is never a formula: cells are plain values ({@code t="s"} or {@code t="inlineStr"}), and a
 *       formula would need an {@code <f>} element, which this writer never writes.</li>
 *   <li>Short values that repeat (names, roles, code keys) go into the shared strings table, capped at
 *       {@link #MAX_SHARED} entries of at most {@link #MAX_SHARED_LENGTH} characters; everything else
 *       (utterance text) is an inline string, so the table held in memory stays small.</li>
 *   <li>Cells carry no {@code r} reference (it is optional; positions follow the order, and empty cells
 *       are written as {@code <c/>}), which keeps the Units sheet about a third smaller.</li>
 *   <li>A sheet longer than {@code maxRowsPerSheet} rows (Excel's limit, 1,048,576, by default) goes on
 *       in "Name (2)", "Name (3)" with the header repeated.</li>
 * </ul>
 * Sheets are written one at a time; the workbook lists them by rank, so the README can be written last
 * (when the splits are known) and still come first.
 */
public final class XlsxWriter implements AutoCloseable {
    public static final int EXCEL_MAX_ROWS = 1_048_576;
    public static final int MAX_CELL_CHARS = 32_767;
    static final int MAX_SHARED = 100_000;
    static final int MAX_SHARED_LENGTH = 120;

    private final ZipOutputStream zip;
    final XmlSink xml;
    final int maxRowsPerSheet;
    private final List<Part> parts = new ArrayList<>();
    private final Map<String, Integer> shared = new HashMap<>();
    private final List<String> sharedList = new ArrayList<>();
    private long sharedRefs;
    private Sheet open;
    final AtomicLong rowsWritten;

    /** One sheet as listed in the workbook: name, rank, file number, and the autofilter range if any. */
    record Part(String name, int rank, int file, String filter) {}

    public XlsxWriter(OutputStream out, AtomicLong rowsWritten) {
        this(out, rowsWritten, EXCEL_MAX_ROWS);
    }

    XlsxWriter(OutputStream out, AtomicLong rowsWritten, int maxRowsPerSheet) {
        this.zip = new ZipOutputStream(out);
        zip.setLevel(Deflater.BEST_SPEED);
        this.xml = new XmlSink(zip);
        this.maxRowsPerSheet = maxRowsPerSheet;
        this.rowsWritten = rowsWritten;
    }

    /**
     * Starts a sheet; the previous one must be ended. {@code table}: a header row of column names,
     * frozen, with an autofilter; otherwise the columns only set widths.
     */
    public Sheet sheet(String name, int rank, List<Column> columns, boolean table) {
        if (open != null) throw new IllegalStateException("End sheet " + open.name + " before starting " + name);
        open = new Sheet(this, name, rank, columns, table);
        return open;
    }

    void entry(String path) {
        try {
            xml.flush();
            zip.putNextEntry(new ZipEntry(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void closeEntry() {
        try {
            xml.flush();
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int addPart(String name, int rank) {
        parts.add(new Part(name, rank, parts.size() + 1, null));
        return parts.size();
    }

    void filter(int file, String range) {
        Part p = parts.get(file - 1);
        parts.set(file - 1, new Part(p.name(), p.rank(), p.file(), range));
    }

    void ended(Sheet sheet) {
        if (open == sheet) open = null;
    }

    /** The shared-string index of a short repeated value, or -1 when it should be inline. */
    int shared(String s) {
        Integer i = shared.get(s);
        if (i == null) {
            if (s.length() > MAX_SHARED_LENGTH || sharedList.size() >= MAX_SHARED) return -1;
            i = sharedList.size();
            shared.put(s, i);
            sharedList.add(s);
        }
        sharedRefs++;
        return i;
    }

    /** Writes the workbook parts, in rank order, and closes the zip. */
    public void finish() {
        if (open != null) open.end();
        List<Part> ordered = new ArrayList<>(parts);
        ordered.sort(Comparator.comparingInt(Part::rank));
        WorkbookParts.write(this, ordered, sharedList, sharedRefs);
        try {
            zip.finish();
            zip.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
