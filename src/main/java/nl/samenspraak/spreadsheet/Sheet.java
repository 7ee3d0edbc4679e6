package nl.samenspraak.spreadsheet;

import java.util.ArrayList;
import java.util.List;

/**
 * A sheet being written, row by row: {@link #row()} starts a row, the cell methods fill it left to
 * right, {@link #end()} closes the sheet. Continues on "Name (2)" etc. past the row limit.
 */
public final class Sheet {
    private final XlsxWriter w;
    final String name;
    private final int rank;
    private final List<Column> columns;
    private final boolean table;
    private final List<String> partNames = new ArrayList<>();
    private XmlSink x;
    private CompressedPart partOut;
    private int file;
    private int rowInPart;
    private boolean inRow;
    private long dataRows;

    Sheet(XlsxWriter w, String name, int rank, List<Column> columns, boolean table) {
        this.w = w;
        this.name = name;
        this.rank = rank;
        this.columns = List.copyOf(columns);
        this.table = table;
        openPart();
    }

    private void openPart() {
        String partName = partNames.isEmpty() ? name : name + " (" + (partNames.size() + 1) + ")";
        partNames.add(partName);
        file = w.addPart(partName, rank);
        partOut = w.part("xl/worksheets/sheet" + file + ".xml");
        x = new XmlSink(partOut);
        x.raw("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">");
        x.raw("<sheetViews><sheetView workbookViewId=\"0\">");
        if (table) x.raw("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/><selection pane=\"bottomLeft\"/>");
        x.raw("</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>");
        if (!columns.isEmpty()) {
            x.raw("<cols>");
            for (int c = 0; c < columns.size(); c++) {
                x.raw("<col min=\"").number(c + 1).raw("\" max=\"").number(c + 1).raw("\" width=\"").number(columns.get(c).width())
                        .raw("\" customWidth=\"1\"/>");
            }
            x.raw("</cols>");
        }
        x.raw("<sheetData>");
        rowInPart = 0;
        if (table) {
            startRow();
            for (Column c : columns) {
                int s = w.shared(c.name());
                if (s < 0) x.raw("<c s=\"1\" t=\"inlineStr\"><is><t>").cellText(c.name(), XlsxWriter.MAX_CELL_CHARS).raw("</t></is></c>");
                else x.raw("<c s=\"1\" t=\"s\"><v>").number(s).raw("</v></c>");
            }
        }
    }

    private void startRow() {
        if (inRow) x.raw("</row>");
        rowInPart++;
        x.raw("<row r=\"").number(rowInPart).raw("\">");
        inRow = true;
    }

    /** Starts the next row (a data row; on a table sheet the header is row 1). */
    public Sheet row() {
        if (rowInPart >= w.maxRowsPerSheet) {
            closePart();
            openPart();
        }
        startRow();
        dataRows++;
        if ((dataRows & 1023) == 0) w.rowsWritten.addAndGet(1024);
        return this;
    }

    /** A short value that repeats (a name, role, code key): shared when the table has room. */
    public Sheet shared(String s) {
        if (s == null) return blank();
        int i = w.shared(s);
        if (i < 0) return text(s);
        x.raw("<c t=\"s\"><v>").number(i).raw("</v></c>");
        return this;
    }

    /** Any text, as an inline string; never read as a formula. */
    public Sheet text(String s) {
        if (s == null || s.isEmpty()) return blank();
        boolean keepSpace = Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(s.length() - 1));
        x.raw(keepSpace ? "<c t=\"inlineStr\"><is><t xml:space=\"preserve\">" : "<c t=\"inlineStr\"><is><t>");
        x.cellText(s, XlsxWriter.MAX_CELL_CHARS).raw("</t></is></c>");
        return this;
    }

    /** Wrapped text (README). */
    public Sheet wrapped(String s) {
        if (s == null || s.isEmpty()) return blank();
        x.raw("<c s=\"2\" t=\"inlineStr\"><is><t xml:space=\"preserve\">").cellText(s, XlsxWriter.MAX_CELL_CHARS).raw("</t></is></c>");
        return this;
    }

    /** A bold title cell (README, confusion matrix headings). */
    public Sheet title(String s) {
        x.raw("<c s=\"4\" t=\"inlineStr\"><is><t>").cellText(s, XlsxWriter.MAX_CELL_CHARS).raw("</t></is></c>");
        return this;
    }

    public Sheet number(long v) {
        x.raw("<c><v>").number(v).raw("</v></c>");
        return this;
    }

    /** A number in the column's style; null, NaN and infinities are blank. */
    public Sheet number(Double v, Column.Style style) {
        if (v == null || !Double.isFinite(v)) return blank();
        x.raw(style.xf == 0 ? "<c><v>" : "<c s=\"" + style.xf + "\"><v>").number(v.doubleValue()).raw("</v></c>");
        return this;
    }

    public Sheet number(Double v) {
        return number(v, Column.Style.GENERAL);
    }

    /** Milliseconds as seconds, numeric; null is blank. */
    public Sheet seconds(Long ms) {
        if (ms == null) return blank();
        x.raw("<c><v>").seconds(ms).raw("</v></c>");
        return this;
    }

    public Sheet blank() {
        x.raw("<c/>");
        return this;
    }

    private void closePart() {
        if (inRow) x.raw("</row>");
        inRow = false;
        x.raw("</sheetData>");
        if (table && !columns.isEmpty()) {
            String range = "A1:" + columnLetters(columns.size()) + Math.max(1, rowInPart);
            x.raw("<autoFilter ref=\"").raw(range).raw("\"/>");
            w.filter(file, range);
        }
        x.raw("<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></worksheet>");
        x.flush();
        partOut.close();
    }

    /** Ends the sheet; returns the names of its parts ("Units", "Units (2)", ...). */
    public List<String> end() {
        closePart();
        w.rowsWritten.addAndGet(dataRows & 1023);
        return List.copyOf(partNames);
    }

    public long dataRows() {
        return dataRows;
    }

    static String columnLetters(int n) {
        StringBuilder s = new StringBuilder();
        for (; n > 0; n = (n - 1) / 26) s.insert(0, (char) ('A' + (n - 1) % 26));
        return s.toString();
    }
}
