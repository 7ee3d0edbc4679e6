package nl.samenspraak.transcript.format;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/** Word documents built with POI, as a typist would lay them out. */
final class DocxFixtures {
    private DocxFixtures() {}

    static byte[] build(Consumer<XWPFDocument> content) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            content.accept(doc);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A paragraph in Word's "Title" style. */
    static void title(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle("Title");
        p.createRun().setText(text);
    }

    static void plain(XWPFDocument doc, String text) {
        doc.createParagraph().createRun().setText(text);
    }

    /** "SPEAKER:" in bold, then the turn in a plain run. */
    static void boldLabel(XWPFDocument doc, String speaker, String text) {
        XWPFParagraph p = doc.createParagraph();
        XWPFRun label = p.createRun();
        label.setBold(true);
        label.setText(speaker + ":");
        p.createRun().setText(" " + text);
    }

    /** A paragraph whose two lines are separated by Shift+Enter. */
    static void withLineBreak(XWPFDocument doc, String first, String second) {
        XWPFRun run = doc.createParagraph().createRun();
        run.setText(first);
        run.addBreak();
        run.setText(second);
    }

    /** A table whose rows are the given cells; the first row may be a header. */
    static void table(XWPFDocument doc, String[]... rows) {
        XWPFTable table = doc.createTable(rows.length, rows[0].length);
        for (int r = 0; r < rows.length; r++) {
            XWPFTableRow row = table.getRow(r);
            for (int c = 0; c < rows[r].length; c++) row.getCell(c).setText(rows[r][c]);
        }
    }

    /** A header paragraph of two runs, the first in bold: "Jan de Vries" "  0:03" (Otter.ai, Teams) or "00:00:03" " Speaker 1" (Word Transcribe). */
    static void twoRuns(XWPFDocument doc, String bold, String plain) {
        XWPFParagraph p = doc.createParagraph();
        XWPFRun first = p.createRun();
        first.setBold(true);
        first.setText(bold);
        p.createRun().setText(plain);
    }
}
