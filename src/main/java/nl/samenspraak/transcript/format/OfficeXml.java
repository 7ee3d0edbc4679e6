package nl.samenspraak.transcript.format;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/** Streaming XML for Office files: a StAX factory that reads no DTD or entity, and the first sheet of a workbook. */
final class OfficeXml {
    private OfficeXml() {}

    static XMLStreamReader reader(InputStream in) throws XMLStreamException {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        return f.createXMLStreamReader(in);
    }

    /** The archive path of the workbook's first sheet (xl/workbook.xml, then its relationships). */
    static String firstSheet(String file, ZipEntries zip) throws IOException, XMLStreamException {
        String id = null;
        try (InputStream in = zip.open("xl/workbook.xml").orElseThrow()) {
            XMLStreamReader x = reader(in);
            while (x.hasNext() && id == null)
                if (x.next() == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("sheet"))
                    for (int i = 0; i < x.getAttributeCount(); i++) if (x.getAttributeLocalName(i).equals("id")) id = x.getAttributeValue(i);
        }
        if (id == null) throw new TranscriptFormatException(file, null, Said.of("transcript.noSheet", "the workbook has no sheet."));
        Map<String, String> targets = new HashMap<>();
        try (InputStream in = zip.open("xl/_rels/workbook.xml.rels").orElseThrow(() -> new TranscriptFormatException(file, null,
                Said.of("transcript.noSheetRelations", "the workbook has no xl/_rels/workbook.xml.rels; save it again from Excel.")))) {
            XMLStreamReader x = reader(in);
            while (x.hasNext())
                if (x.next() == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("Relationship"))
                    targets.put(x.getAttributeValue(null, "Id"), x.getAttributeValue(null, "Target"));
        }
        String target = targets.get(id);
        if (target == null) throw new TranscriptFormatException(file, null, Said.of("transcript.firstSheetNotFound", "the workbook's first sheet cannot be found."));
        return target.startsWith("/") ? target.substring(1) : "xl/" + target;
    }

    /** A refusal naming the file for any parser or POI failure, or the refusal found in its causes. */
    static TranscriptFormatException refusal(String file, Said kind, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof TranscriptFormatException f) return f;
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replaceAll("\\s+", " ");
        if (why.length() > 200) why = why.substring(0, 197) + "...";
        return new TranscriptFormatException(file, null, Said.of("transcript.officeDamaged", "the " + kind.text() + " is damaged or not what its name says ("
                + why + ").", "kind", kind, "why", why));
    }
}
