package nl.samenspraak.transcript.format;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of word/document.xml (ECMA-376 Part 1, 17.2-17.4) read as a stream of paragraphs and
 * tables, in document order, without building the document: a paragraph's text is its w:t runs
 * (deleted text, w:delText, and field codes, w:instrText, are not text), w:tab a tab and w:br /
 * w:cr a line break; its style is w:pStyle. A table is its rows of cell texts (a cell's
 * paragraphs joined by line breaks; a nested table's text stays in its cell). Content controls
 * (w:sdt) and hyperlinks are transparent.
 */
final class DocxBody {
    private DocxBody() {}

    interface Blocks {
        /** A body paragraph; {@code number} counts body paragraphs from 1, empty ones too. */
        void paragraph(int number, String text, String style);

        /** A body table; {@code number} counts body tables from 1. */
        void table(int number, List<List<String>> rows);
    }

    static void read(InputStream document, Blocks blocks) throws XMLStreamException {
        XMLStreamReader x = OfficeXml.reader(document);
        int paragraphs = 0, tables = 0, tableDepth = 0;
        StringBuilder text = null, cell = null;
        String style = null;
        List<List<String>> rows = null;
        List<String> row = null;
        while (x.hasNext()) {
            int event = x.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (x.getLocalName()) {
                    case "tbl" -> { if (tableDepth++ == 0) rows = new ArrayList<>(); }
                    case "tr" -> { if (tableDepth == 1) row = new ArrayList<>(); }
                    case "tc" -> { if (tableDepth == 1) cell = new StringBuilder(); }
                    case "p" -> {
                        if (tableDepth == 0) { text = new StringBuilder(); style = null; }
                        else if (cell != null && !cell.isEmpty()) cell.append('\n');
                    }
                    case "pStyle" -> { if (tableDepth == 0) style = x.getAttributeValue(x.getNamespaceURI(), "val"); }
                    case "t" -> {
                        String t = x.getElementText();
                        if (tableDepth == 0 && text != null) text.append(t);
                        else if (cell != null) cell.append(t);
                    }
                    case "tab", "br", "cr" -> {
                        if (x.getLocalName().equals("tab") && isInTabStops(x)) break;
                        char c = x.getLocalName().equals("tab") ? '\t' : '\n';
                        if (tableDepth == 0 && text != null) text.append(c);
                        else if (cell != null) cell.append(c);
                    }
                    default -> { }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                switch (x.getLocalName()) {
                    case "p" -> { if (tableDepth == 0 && text != null) { blocks.paragraph(++paragraphs, text.toString(), style); text = null; } }
                    case "tc" -> { if (tableDepth == 1 && row != null && cell != null) { row.add(cell.toString()); cell = null; } }
                    case "tr" -> { if (tableDepth == 1 && rows != null && row != null) { rows.add(row); row = null; } }
                    case "tbl" -> { if (--tableDepth == 0) { blocks.table(++tables, rows); rows = null; } }
                    default -> { }
                }
            }
        }
    }

    /** A w:tab inside w:tabs (a tab stop definition in paragraph properties) is not a tab character. */
    private static boolean isInTabStops(XMLStreamReader x) {
        return x.getAttributeCount() > 0 && x.getAttributeValue(x.getNamespaceURI(), "pos") != null;
    }
}
