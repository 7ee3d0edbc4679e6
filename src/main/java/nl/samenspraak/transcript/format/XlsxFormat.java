package nl.samenspraak.transcript.format;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Excel workbooks (.xlsx): the first sheet, read as it streams (POI's SAX sheet handler over the
 * archive's entries as {@link ZipEntries} hands them out, so a bomb is refused), each cell as
 * Excel shows it (a time cell as "0:01:23"). Columns and rows as in CSV: {@link SheetTurns}.
 */
final class XlsxFormat {
    private XlsxFormat() {}

    static void parse(ReadNotes notes, byte[] content, TurnSink sink) {
        ZipEntries zip = ZipEntries.of(notes.file, content);
        SheetTurns sheet = new SheetTurns(notes, sink);
        try {
            String sheetPath = OfficeXml.firstSheet(notes.file, zip);
            ReadOnlySharedStringsTable strings;
            try (InputStream in = zip.open("xl/sharedStrings.xml").orElse(InputStream.nullInputStream())) {
                strings = new ReadOnlySharedStringsTable(in, false);
            }
            StylesTable styles = new StylesTable();
            var stylesIn = zip.open("xl/styles.xml");
            if (stylesIn.isPresent()) try (InputStream in = stylesIn.get()) { styles = new StylesTable(in); }
            XMLReader reader = XMLHelper.newXMLReader();
            reader.setContentHandler(new XSSFSheetXMLHandler(styles, strings, new Rows(sheet), new DataFormatter(Locale.ROOT), false));
            try (InputStream in = zip.open(sheetPath).orElseThrow(() -> new TranscriptFormatException(notes.file, null,
                    Said.of("transcript.sheetMissing", "the workbook names a first sheet " + sheetPath + " that is not in it.", "sheet", sheetPath)))) {
                reader.parse(new InputSource(in));
            }
            sheet.finish();
        } catch (TranscriptFormatException e) {
            throw e;
        } catch (Exception e) { // SAX, IO and POI's runtime exceptions (RecordFormatException, POIXMLException...)
            throw OfficeXml.refusal(notes.file, Said.of("word.excelWorkbook", "Excel workbook"), e);
        }
    }

    /** Cells to rows; the handler leaves out empty cells, so each cell is placed by its reference. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final SheetTurns sheet;
        private List<String> row = new ArrayList<>();

        Rows(SheetTurns sheet) { this.sheet = sheet; }

        @Override public void startRow(int rowNum) { row = new ArrayList<>(); }

        @Override public void endRow(int rowNum) {
            if (row.stream().anyMatch(c -> c != null && !c.isBlank())) sheet.row(rowNum + 1L, row);
        }

        @Override public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? row.size() : new CellReference(reference).getCol();
            while (row.size() < column) row.add("");
            row.add(value == null ? "" : value);
        }
    }
}
