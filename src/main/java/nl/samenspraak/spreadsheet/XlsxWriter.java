package nl.samenspraak.spreadsheet;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A streaming xlsx (SpreadsheetML, ECMA-376) writer: each sheet's XML is compressed as its rows arrive
 * (see {@link CompressedPart}), so memory does not grow with the rows, and several sheets can be filled in
 * one pass over the data. Written by hand rather than with POI's SXSSF, which spends most of a
 * million-row export on cell objects and compresses on the writing thread.
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
 * The workbook lists sheets by rank, so the README can be written last (when the splits are known) and
 * still come first. The zip is assembled by {@link #finish()}.
 */
public final class XlsxWriter implements AutoCloseable {
    public static final int EXCEL_MAX_ROWS = 1_048_576;
    public static final int MAX_CELL_CHARS = 32_767;
    static final int MAX_SHARED = 100_000;
    static final int MAX_SHARED_LENGTH = 120;

    private final OutputStream out;
    final XmlSink xml;
    final int maxRowsPerSheet;
    private final List<Part> sheets = new ArrayList<>();
    private final List<CompressedPart> parts = new ArrayList<>();
    private final Map<String, Integer> shared = new HashMap<>();
    private final List<String> sharedList = new ArrayList<>();
    private long sharedRefs;
    private CompressedPart entry;
    final AtomicLong rowsWritten;
    private final Executor deflaters;

    /** One sheet as listed in the workbook: name, rank, file number, and the autofilter range if any. */
    record Part(String name, int rank, int file, String filter) {}

    /** {@code deflaters} runs each part's compressing task at once (one task per part being written). */
    public XlsxWriter(OutputStream out, AtomicLong rowsWritten, Executor deflaters) {
        this(out, rowsWritten, EXCEL_MAX_ROWS, deflaters);
    }

    XlsxWriter(OutputStream out, AtomicLong rowsWritten, int maxRowsPerSheet, Executor deflaters) {
        this.out = out;
        this.deflaters = deflaters;
        this.xml = new XmlSink(OutputStream.nullOutputStream());
        this.maxRowsPerSheet = maxRowsPerSheet;
        this.rowsWritten = rowsWritten;
    }

    /**
     * Starts a sheet. {@code table}: a header row of column names, frozen, with an autofilter; otherwise
     * the columns only set widths.
     */
    public Sheet sheet(String name, int rank, List<Column> columns, boolean table) {
        return new Sheet(this, name, rank, columns, table);
    }

    /** A new part of the package, compressed by its own task while it is written. */
    CompressedPart part(String path) {
        CompressedPart p = new CompressedPart(path, deflaters);
        parts.add(p);
        return p;
    }

    /** Starts a small fixed part written through {@link #xml}. */
    void entry(String path) {
        entry = part(path);
        xml.target(entry);
    }

    void closeEntry() {
        xml.flush();
        entry.close();
        xml.target(OutputStream.nullOutputStream());
    }

    int addPart(String name, int rank) {
        sheets.add(new Part(name, rank, sheets.size() + 1, null));
        return sheets.size();
    }

    void filter(int file, String range) {
        Part p = sheets.get(file - 1);
        sheets.set(file - 1, new Part(p.name(), p.rank(), p.file(), range));
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

    /** Writes the workbook parts, lists the sheets in rank order, and assembles the zip. Every sheet must be ended. */
    public void finish() {
        List<Part> ordered = new ArrayList<>(sheets);
        ordered.sort(Comparator.comparingInt(Part::rank));
        List<CompressedPart> sheetParts = new ArrayList<>(parts);
        parts.clear();
        try {
            WorkbookParts.write(this, ordered, sharedList, sharedRefs);
            ZipPackage zip = new ZipPackage(out);
            for (CompressedPart p : parts) add(zip, p);
            for (CompressedPart p : sheetParts) add(zip, p);
            zip.finish();
        } finally {
            sheetParts.forEach(CompressedPart::discard);
            parts.forEach(CompressedPart::discard);
            parts.clear();
        }
    }

    private static void add(ZipPackage zip, CompressedPart p) {
        p.close();
        zip.add(p);
        p.discard();
    }

    /** Deletes what is left of an unfinished workbook. */
    @Override
    public void close() {
        parts.forEach(CompressedPart::discard);
        parts.clear();
    }
}
