package nl.samenspraak.transcript.format;

import javax.xml.stream.XMLStreamException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Word documents (.docx), read from word/document.xml as a stream ({@link DocxBody}), in one of
 * two layouts.
 *
 * <ol>
 *   <li><b>Tables</b>: when the document holds at least one transcript table (see
 *       {@link DocxTables}), the turns come from its tables only, in document order, and all
 *       body paragraphs (title, date, participants, notes) are ignored.</li>
 *   <li><b>Paragraphs</b>: otherwise each paragraph is read like a line of a text transcript
 *       ({@link TextFormat}) in the layout its paragraphs show ({@link TextLayout}: "KM: ...",
 *       Otter.ai and Teams headers "Name  0:03", Word's Transcribe "00:00:03 Speaker 1",
 *       f4transkript time marks); a line break (Shift+Enter) inside a paragraph counts as a new
 *       line. Text before the first turn (title, date) is left out, and so are paragraphs in a
 *       heading or title style anywhere.</li>
 * </ol>
 * The archive is read twice (the layout is chosen from the first paragraphs), never held whole.
 * Places are named "paragraph N" (counting body paragraphs, empty ones too) or "table T, row R".
 */
final class DocxFormat {
    private DocxFormat() {}

    static final int SAMPLE_PARAGRAPHS = 400;

    static void parse(ReadNotes notes, byte[] content, TurnSink sink) {
        ZipEntries zip = ZipEntries.of(notes.file, content);
        if (!zip.has("word/document.xml"))
            throw new TranscriptFormatException(notes.file, null, Said.of("transcript.noWordDocument",
                    "the Word file holds no word/document.xml; save it again from Word."));
        List<DocxTables.Table> tables = new ArrayList<>();
        List<String> sample = new ArrayList<>();
        body(notes, zip, new DocxBody.Blocks() {
            @Override public void paragraph(int number, String text, String style) {
                if (sample.size() < SAMPLE_PARAGRAPHS && !isHeading(style)) sample.addAll(List.of(TextLayout.lines(text)));
            }
            @Override public void table(int number, List<List<String>> rows) { tables.add(new DocxTables.Table(number, rows)); }
        });
        if (DocxTables.anyTranscript(tables)) {
            notes.recognised.add(Said.of("reason.docxTable", "its turns are in a table with a speaker and a text column"));
            DocxTables.read(notes, tables, sink);
            return;
        }
        tables.clear();
        TextLayout layout = TextLayout.detect(sample);
        notes.recognised.add(layout.description());
        TextFormat reader = new TextFormat(notes, layout, sink);
        body(notes, zip, new DocxBody.Blocks() {
            @Override public void paragraph(int number, String text, String style) {
                if (isHeading(style)) return;
                for (String line : TextLayout.lines(text)) reader.readLine(line, Place.paragraph(number));
            }
            @Override public void table(int number, List<List<String>> rows) { }
        });
        reader.finish();
    }

    private static void body(ReadNotes notes, ZipEntries zip, DocxBody.Blocks blocks) {
        try (InputStream in = zip.open("word/document.xml").orElseThrow()) {
            DocxBody.read(in, blocks);
        } catch (XMLStreamException | IOException | RuntimeException e) {
            if (e instanceof TranscriptFormatException f) throw f;
            throw OfficeXml.refusal(notes.file, Said.of("word.wordDocument", "Word document"), e);
        }
    }

    /** Word's own style ids, English and Dutch: Heading1, Kop1, Title, Titel, Subtitle, Ondertitel. */
    static boolean isHeading(String style) {
        if (style == null) return false;
        String s = style.toLowerCase(Locale.ROOT);
        return s.startsWith("heading") || s.startsWith("kop") || s.equals("title") || s.equals("titel")
                || s.equals("subtitle") || s.equals("ondertitel");
    }
}
