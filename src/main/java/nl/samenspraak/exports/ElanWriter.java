package nl.samenspraak.exports;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes one transcript as an ELAN annotation document (EAF 3.0): a time-aligned tier per speaker
 * with the units, and per coder and dimension a time-aligned tier of codes whose annotations share the
 * time slots of their unit, each typed by a linguistic type that names the dimension's controlled
 * vocabulary (entries: the code keys; descriptions: the labels, in Dutch and English).
 *
 * <p>Units without times are placed by {@link #place}: ELAN needs a time for every annotation of a top-level tier.
 */
public final class ElanWriter {
    /** One unit, in transcript order; times in ms or null. */
    public record Unit(int seq, String speaker, String text, Long startMs, Long endMs) {}

    /** A code of a controlled vocabulary: its key and its label in Dutch and English (either may be null). */
    public record Entry(String key, String nl, String en) {}

    /** A dimension's vocabulary: key, label and its codes. */
    public record Vocabulary(String key, String nl, String en, List<Entry> entries) {}

    /** One coder's codes of one dimension: unit seq to code key. */
    public record Coding(String coder, String dimension, Map<Integer, String> codes) {}

    /** The recording, when there is one: its file name as uploaded and its media type. */
    public record Recording(String fileName, String mediaType) {}

    public record Document(String transcript, Recording recording, List<Unit> units, List<Vocabulary> vocabularies, List<Coding> codings) {}

    /** A unit's times in the document, and whether they were placed rather than stored. */
    record Span(long start, long end, boolean placed) {}

    /** Width given to each unit of an untimed run with no timed unit after it. */
    static final long PLACED_MS = 2000;

    private ElanWriter() {}

    /**
     * Times for every unit. A unit with both times keeps them. A missing end is taken from the next unit's
     * start, a missing start from the previous unit's end, when that keeps the unit's start before its end.
     * Every run of units still without both times is spread evenly (in order, equal widths) over the gap
     * between the end of the timed unit before it (0 at the beginning) and the start of the timed unit after
     * it; with none after, or a gap shorter than a millisecond per unit, each unit of the run gets
     * {@value #PLACED_MS} ms from the gap's beginning.
     */
    static List<Span> place(List<Unit> units) {
        int n = units.size();
        Long[] start = new Long[n], end = new Long[n];
        for (int i = 0; i < n; i++) {
            start[i] = units.get(i).startMs();
            end[i] = units.get(i).endMs();
        }
        for (int i = 0; i < n; i++) {
            if (end[i] == null && start[i] != null && i + 1 < n && units.get(i + 1).startMs() != null && units.get(i + 1).startMs() > start[i])
                end[i] = units.get(i + 1).startMs();
            if (start[i] == null && end[i] != null && i > 0 && units.get(i - 1).endMs() != null && units.get(i - 1).endMs() < end[i])
                start[i] = units.get(i - 1).endMs();
            if (start[i] != null && end[i] != null && end[i] < start[i]) end[i] = start[i];
        }
        List<Span> out = new ArrayList<>(n);
        int i = 0;
        long lastEnd = 0;
        while (i < n) {
            if (start[i] != null && end[i] != null) {
                boolean placed = !start[i].equals(units.get(i).startMs()) || !end[i].equals(units.get(i).endMs());
                out.add(new Span(start[i], end[i], placed));
                lastEnd = Math.max(lastEnd, end[i]);
                i++;
                continue;
            }
            int j = i;
            while (j < n && (start[j] == null || end[j] == null)) j++;
            int run = j - i;
            long from = lastEnd;
            long width = j < n ? start[j] - from : -1;
            if (width < run) width = PLACED_MS * run;
            for (int k = 0; k < run; k++) out.add(new Span(from + width * k / run, from + width * (k + 1) / run, true));
            lastEnd = from + width;
            i = j;
        }
        return out;
    }

    public static void write(Document doc, OutputStream out) {
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            new Writing(x).document(doc);
            x.flush();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Writing the ELAN file failed", e);
        }
    }

    private static final class Writing {
        private final XMLStreamWriter x;
        private int depth;

        Writing(XMLStreamWriter x) {
            this.x = x;
        }

        void document(Document doc) throws XMLStreamException {
            List<Span> spans = place(doc.units());
            int annotations = doc.units().size() + doc.codings().stream().mapToInt(c -> c.codes().size()).sum();
            x.writeStartDocument("UTF-8", "1.0");
            open("ANNOTATION_DOCUMENT");
            x.writeAttribute("AUTHOR", "");
            x.writeAttribute("DATE", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            x.writeAttribute("FORMAT", "3.0");
            x.writeAttribute("VERSION", "3.0");
            x.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
            x.writeAttribute("xsi", "http://www.w3.org/2001/XMLSchema-instance", "noNamespaceSchemaLocation", "http://www.mpi.nl/tools/elan/EAFv3.0.xsd");

            open("HEADER");
            x.writeAttribute("MEDIA_FILE", "");
            x.writeAttribute("TIME_UNITS", "milliseconds");
            if (doc.recording() != null) {
                empty("MEDIA_DESCRIPTOR");
                String name = URLEncoder.encode(doc.recording().fileName(), StandardCharsets.UTF_8).replace("+", "%20");
                x.writeAttribute("MEDIA_URL", "file:///" + name);
                x.writeAttribute("MIME_TYPE", clean(doc.recording().mediaType()));
                x.writeAttribute("RELATIVE_MEDIA_URL", "./" + name);
            }
            property("URN", "urn:samenspraak:transcript:" + clean(doc.transcript()));
            property("samenspraak:unitsWithPlacedTimes", Long.toString(spans.stream().filter(Span::placed).count()));
            property("lastUsedAnnotationId", Integer.toString(annotations));
            close();

            open("TIME_ORDER");
            for (int i = 0; i < spans.size(); i++) {
                slot(2 * i + 1, spans.get(i).start());
                slot(2 * i + 2, spans.get(i).end());
            }
            close();

            Set<String> ids = new HashSet<>();
            Map<String, List<Integer>> speakers = new LinkedHashMap<>();
            Map<Integer, Integer> indexOfSeq = new LinkedHashMap<>();
            for (int i = 0; i < doc.units().size(); i++) {
                Unit u = doc.units().get(i);
                speakers.computeIfAbsent(u.speaker() == null ? "" : u.speaker(), k -> new ArrayList<>()).add(i);
                indexOfSeq.put(u.seq(), i);
            }
            int annotation = 0;
            for (var e : speakers.entrySet()) {
                String id = unique(ids, e.getKey().isBlank() ? "speaker" : e.getKey());
                open("TIER");
                x.writeAttribute("LINGUISTIC_TYPE_REF", "utterance");
                x.writeAttribute("PARTICIPANT", clean(e.getKey()));
                x.writeAttribute("TIER_ID", clean(id));
                for (int i : e.getValue()) annotation(++annotation, i, doc.units().get(i).text());
                close();
            }
            for (Coding c : doc.codings()) {
                open("TIER");
                x.writeAttribute("ANNOTATOR", clean(c.coder()));
                x.writeAttribute("LINGUISTIC_TYPE_REF", "code-" + clean(c.dimension()));
                x.writeAttribute("TIER_ID", clean(unique(ids, c.dimension() + " (" + c.coder() + ")")));
                for (Unit u : doc.units()) {
                    String code = c.codes().get(u.seq());
                    if (code != null) annotation(++annotation, indexOfSeq.get(u.seq()), code);
                }
                close();
            }

            empty("LINGUISTIC_TYPE");
            x.writeAttribute("GRAPHIC_REFERENCES", "false");
            x.writeAttribute("LINGUISTIC_TYPE_ID", "utterance");
            x.writeAttribute("TIME_ALIGNABLE", "true");
            for (Vocabulary v : doc.vocabularies()) {
                empty("LINGUISTIC_TYPE");
                x.writeAttribute("CONTROLLED_VOCABULARY_REF", clean(v.key()));
                x.writeAttribute("GRAPHIC_REFERENCES", "false");
                x.writeAttribute("LINGUISTIC_TYPE_ID", "code-" + clean(v.key()));
                x.writeAttribute("TIME_ALIGNABLE", "true");
            }
            language("nld", "http://cdb.iso.org/lg/CDB-00138580-001", "Dutch (nld)");
            language("eng", "http://cdb.iso.org/lg/CDB-00138502-001", "English (eng)");
            for (Vocabulary v : doc.vocabularies()) {
                open("CONTROLLED_VOCABULARY");
                x.writeAttribute("CV_ID", clean(v.key()));
                text("DESCRIPTION", "nld", v.nl());
                text("DESCRIPTION", "eng", v.en());
                int n = 0;
                for (Entry entry : v.entries()) {
                    open("CV_ENTRY_ML");
                    x.writeAttribute("CVE_ID", "cve-" + clean(v.key()) + "-" + (++n));
                    value(entry.key(), "nld", entry.nl());
                    value(entry.key(), "eng", entry.en());
                    close();
                }
                close();
            }
            close();
            x.writeCharacters("\n");
            x.writeEndDocument();
        }

        private void annotation(int id, int unit, String value) throws XMLStreamException {
            open("ANNOTATION");
            open("ALIGNABLE_ANNOTATION");
            x.writeAttribute("ANNOTATION_ID", "a" + id);
            x.writeAttribute("TIME_SLOT_REF1", "ts" + (2 * unit + 1));
            x.writeAttribute("TIME_SLOT_REF2", "ts" + (2 * unit + 2));
            x.writeStartElement("ANNOTATION_VALUE");
            x.writeCharacters(clean(value));
            x.writeEndElement();
            close();
            close();
        }

        private void slot(int id, long ms) throws XMLStreamException {
            empty("TIME_SLOT");
            x.writeAttribute("TIME_SLOT_ID", "ts" + id);
            x.writeAttribute("TIME_VALUE", Long.toString(ms));
        }

        private void property(String name, String value) throws XMLStreamException {
            indent();
            x.writeStartElement("PROPERTY");
            x.writeAttribute("NAME", name);
            x.writeCharacters(value);
            x.writeEndElement();
        }

        private void language(String id, String def, String label) throws XMLStreamException {
            empty("LANGUAGE");
            x.writeAttribute("LANG_DEF", def);
            x.writeAttribute("LANG_ID", id);
            x.writeAttribute("LANG_LABEL", label);
        }

        private void text(String element, String lang, String text) throws XMLStreamException {
            if (text == null || text.isBlank()) return;
            indent();
            x.writeStartElement(element);
            x.writeAttribute("LANG_REF", lang);
            x.writeCharacters(clean(text));
            x.writeEndElement();
        }

        private void value(String key, String lang, String label) throws XMLStreamException {
            indent();
            x.writeStartElement("CVE_VALUE");
            x.writeAttribute("DESCRIPTION", clean(label == null ? "" : label));
            x.writeAttribute("LANG_REF", lang);
            x.writeCharacters(clean(key));
            x.writeEndElement();
        }

        private void open(String element) throws XMLStreamException {
            indent();
            x.writeStartElement(element);
            depth++;
        }

        private void empty(String element) throws XMLStreamException {
            indent();
            x.writeEmptyElement(element);
        }

        private void close() throws XMLStreamException {
            depth--;
            indent();
            x.writeEndElement();
        }

        private void indent() throws XMLStreamException {
            x.writeCharacters("\n" + "    ".repeat(depth));
        }
    }

    private static String unique(Set<String> ids, String wanted) {
        String id = wanted;
        for (int n = 2; !ids.add(id); n++) id = wanted + " " + n;
        return id;
    }

    /** XML 1.0 cannot hold most control characters: they are left out (tab, line feed and carriage return stay). */
    static String clean(String s) {
        if (s == null) return "";
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF;
            if (bad && b == null) b = new StringBuilder(s.substring(0, i));
            if (!bad && b != null) b.append(c);
        }
        return b == null ? s : b.toString();
    }
}
