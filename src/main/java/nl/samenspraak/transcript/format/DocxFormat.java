package nl.samenspraak.transcript.format;

import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Word documents (.docx), read with Apache POI, in one of two layouts.
 *
 * <ol>
 *   <li><b>Tables</b>: when the document holds at least one transcript table (see
 *       {@link DocxTables}), the turns come from its tables only, in document order, and all
 *       body paragraphs (title, date, participants, notes) are ignored.</li>
 *   <li><b>Paragraphs</b>: otherwise each paragraph is read like a line of a text transcript
 *       ({@link TextFormat}): {@code "KM: Goedemorgen."}, bold or not, a paragraph without a
 *       label continues the previous turn, a line break (Shift+Enter) inside a paragraph counts
 *       as a new line. Everything before the first labelled paragraph (title, date, a
 *       "Datum: ..." line) is ignored, and so are paragraphs in a heading or title style
 *       anywhere.</li>
 * </ol>
 * Places are named "paragraph N" (counting body paragraphs, empty ones too) or "table T, row R"
 * (counting header rows).
 */
final class DocxFormat {
    private DocxFormat() {}

    static List<ParsedTurn> parse(String file, byte[] content) {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(content))) {
            List<ParsedTurn> fromTables = DocxTables.read(file, tables(doc));
            if (!fromTables.isEmpty()) return fromTables;
            return fromParagraphs(file, doc);
        } catch (OLE2NotOfficeXmlFileException e) {
            throw new TranscriptFormatException(file, null, "this is an old Word .doc file, not .docx; open it in "
                    + "Word and save it as .docx.");
        } catch (NotOfficeXmlFileException | IOException | IllegalStateException | org.apache.poi.ooxml.POIXMLException e) {
            throw new TranscriptFormatException(file, null, "the Word file is corrupt or not a .docx file ("
                    + e.getClass().getSimpleName() + ").");
        }
    }

    private static List<XWPFTable> tables(XWPFDocument doc) {
        List<XWPFTable> tables = new ArrayList<>();
        for (IBodyElement element : doc.getBodyElements()) if (element instanceof XWPFTable t) tables.add(t);
        return tables;
    }

    private static List<ParsedTurn> fromParagraphs(String file, XWPFDocument doc) {
        TextFormat reader = new TextFormat(file, true);
        int number = 0;
        for (IBodyElement element : doc.getBodyElements()) {
            if (!(element instanceof XWPFParagraph paragraph)) continue;
            number++;
            if (isHeading(paragraph)) continue;
            for (String line : TextDecoding.lines(paragraph.getText())) reader.readLine(line, "paragraph " + number);
        }
        return reader.result();
    }

    /** Word's own style ids, English and Dutch: Heading1, Kop1, Title, Titel, Subtitle, Ondertitel. */
    private static boolean isHeading(XWPFParagraph paragraph) {
        String style = paragraph.getStyleID();
        if (style == null) return false;
        String s = style.toLowerCase(Locale.ROOT);
        return s.startsWith("heading") || s.startsWith("kop") || s.equals("title") || s.equals("titel")
                || s.equals("subtitle") || s.equals("ondertitel");
    }
}
