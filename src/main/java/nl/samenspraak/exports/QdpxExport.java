package nl.samenspraak.exports;

import nl.samenspraak.account.Access;
import nl.samenspraak.account.User;
import nl.samenspraak.codebook.Codebook;
import nl.samenspraak.codebook.QdcWriter;
import nl.samenspraak.project.ProjectCodebooks;
import nl.samenspraak.results.ConsensusName;
import org.jdbi.v3.core.Jdbi;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A project as a REFI-QDA project ({@code .qdpx}: a zip of {@code project.qde}, namespace {@value #NAMESPACE},
 * and a {@code Sources/<guid>.txt} per transcript). Each transcript is a text source of one line per unit,
 * speaker label first ({@code "KM: Goedemorgen"}); every code of every coder is a plain-text selection over
 * the unit's text (after the label; offsets in code points, end exclusive) with one coding whose creating user
 * is the coder; the consensus of adjudication is a user of its own. The codebook is the {@code .qdc}
 * codebook's codes ({@link QdcWriter}, same GUIDs); codes no longer in the codebook are added at the top.
 * A recording is named, not carried: a text variable "Recording" on its transcript's source.
 * Access is the workbook's ({@link Access#requireOthersCodes}). Every GUID is a name-based UUID of the
 * project's id and creation time and the object's id, so two exports of an unchanged project are equal.
 */
public final class QdpxExport {
    public static final String NAMESPACE = "urn:QDA-XML:project:1.0";

    private final Jdbi jdbi;
    private final Access access;
    private final ProjectCodebooks codebooks;

    public QdpxExport(Jdbi jdbi, Access access, ProjectCodebooks codebooks) {
        this.jdbi = jdbi;
        this.access = access;
        this.codebooks = codebooks;
    }

    /** The file's name and content. */
    public record File(String fileName, byte[] content) {}

    record Head(String name, String createdAt) {}

    record Transcript(long id, String name, String recording) {}

    record Unit(long id, long transcriptId, String speaker, String text) {}

    record Coding(long unitId, long coderId, String dimension, String code) {}

    record Person(long id, String name) {}

    /** Everything the file holds, read in one transaction. */
    record Data(long projectId, Head head, List<Transcript> transcripts, List<Unit> units, List<Coding> codings, List<Person> people) {}

    public File export(User user, long projectId, String language) {
        access.requireOthersCodes(user, projectId);
        Codebook codebook = codebooks.forProject(projectId).codebook();
        Data data = jdbi.inTransaction(h -> {
            QdpxDao dao = h.attach(QdpxDao.class);
            QdpxDao.Head head = dao.head(projectId).orElseThrow();
            List<Transcript> ts = dao.transcripts(projectId).stream().map(t -> new Transcript(t.id(), t.name(), t.recording())).toList();
            List<Unit> units = new ArrayList<>();
            List<Coding> codings = new ArrayList<>();
            for (Transcript t : ts) {
                dao.units(t.id(), u -> units.add(new Unit(u.id(), t.id(), u.speaker(), u.text())));
                dao.codings(t.id(), c -> codings.add(new Coding(c.unitId(), c.coderId(), c.dimension(), c.code())));
            }
            List<Person> people = dao.people(projectId).stream().map(p -> new Person(p.id(), p.name())).toList();
            return new Data(projectId, new Head(head.name(), head.createdAt()), ts, units, codings, people);
        });
        return new File(fileName(data.head().name()), write(data, codebook, language));
    }

    /** The .qdpx bytes: the sources' texts, then project.qde. */
    static byte[] write(Data data, Codebook codebook, String language) {
        Guids guids = new Guids(data.projectId() + "/" + data.head().createdAt());
        Map<Long, List<Unit>> unitsOf = new LinkedHashMap<>();
        for (Transcript t : data.transcripts()) unitsOf.put(t.id(), new ArrayList<>());
        for (Unit u : data.units()) unitsOf.get(u.transcriptId()).add(u);
        // Per unit: where its text starts in its source, in code points.
        Map<Long, int[]> ranges = new LinkedHashMap<>();
        Map<Long, String> texts = new LinkedHashMap<>();
        for (Transcript t : data.transcripts()) {
            StringBuilder text = new StringBuilder();
            int at = 0;
            for (Unit u : unitsOf.get(t.id())) {
                if (!text.isEmpty()) { text.append('\n'); at++; }
                String label = oneLine(u.speaker()) + ": ";
                String words = oneLine(u.text());
                text.append(label).append(words);
                at += label.codePointCount(0, label.length());
                int length = words.codePointCount(0, words.length());
                ranges.put(u.id(), new int[]{at, at + length});
                at += length;
            }
            texts.put(t.id(), text.toString());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Transcript t : data.transcripts()) {
                zip.putNextEntry(new ZipEntry("Sources/" + guids.of("transcript", t.id()) + ".txt"));
                zip.write(texts.get(t.id()).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("project.qde"));
            zip.write(qde(data, codebook, language, guids, ranges));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] qde(Data data, Codebook codebook, String language, Guids guids, Map<Long, int[]> ranges) {
        Map<Long, Long> transcriptOf = new LinkedHashMap<>();
        for (Unit u : data.units()) transcriptOf.put(u.id(), u.transcriptId());
        Map<Long, List<Coding>> codingsOf = new LinkedHashMap<>();
        for (Coding c : data.codings()) codingsOf.computeIfAbsent(transcriptOf.get(c.unitId()), k -> new ArrayList<>()).add(c);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.setDefaultNamespace(NAMESPACE);
            w.writeStartElement(NAMESPACE, "Project");
            w.writeDefaultNamespace(NAMESPACE);
            w.writeAttribute("name", data.head().name());
            w.writeAttribute("origin", "Samenspraak");
            if (!data.people().isEmpty()) {
                w.writeStartElement(NAMESPACE, "Users");
                for (Person p : data.people()) {
                    w.writeEmptyElement(NAMESPACE, "User");
                    w.writeAttribute("guid", guids.of("user", p.id()));
                    w.writeAttribute("name", ConsensusName.shown(p.name(), language));
                    w.writeAttribute("id", String.valueOf(p.id()));
                }
                w.writeEndElement();
            }
            codebook(w, codebook, language, data.codings());
            String recordingVariable = guids.of("variable", 1);
            boolean recordings = data.transcripts().stream().anyMatch(t -> t.recording() != null);
            if (recordings) {
                w.writeStartElement(NAMESPACE, "Variables");
                w.writeStartElement(NAMESPACE, "Variable");
                w.writeAttribute("guid", recordingVariable);
                w.writeAttribute("name", "Recording");
                w.writeAttribute("typeOfVariable", "Text");
                element(w, "Description", "The file name of the transcript's recording (not included in this file).");
                w.writeEndElement();
                w.writeEndElement();
            }
            if (!data.transcripts().isEmpty()) {
                w.writeStartElement(NAMESPACE, "Sources");
                for (Transcript t : data.transcripts()) {
                    String guid = guids.of("transcript", t.id());
                    w.writeStartElement(NAMESPACE, "TextSource");
                    w.writeAttribute("guid", guid);
                    w.writeAttribute("name", t.name());
                    w.writeAttribute("plainTextPath", "internal://" + guid + ".txt");
                    if (t.recording() != null) element(w, "Description", "Recording: " + t.recording());
                    for (Coding c : codingsOf.getOrDefault(t.id(), List.of())) {
                        int[] range = ranges.get(c.unitId());
                        String key = c.coderId() + "/" + c.unitId() + "/" + c.dimension();
                        w.writeStartElement(NAMESPACE, "PlainTextSelection");
                        w.writeAttribute("guid", guids.of("selection", key));
                        w.writeAttribute("startPosition", String.valueOf(range[0]));
                        w.writeAttribute("endPosition", String.valueOf(range[1]));
                        w.writeAttribute("creatingUser", guids.of("user", c.coderId()));
                        w.writeStartElement(NAMESPACE, "Coding");
                        w.writeAttribute("guid", guids.of("coding", key));
                        w.writeAttribute("creatingUser", guids.of("user", c.coderId()));
                        w.writeEmptyElement(NAMESPACE, "CodeRef");
                        w.writeAttribute("targetGUID", QdcWriter.codeGuid(codebook, c.dimension(), c.code()));
                        w.writeEndElement();
                        w.writeEndElement();
                    }
                    if (t.recording() != null) {
                        w.writeStartElement(NAMESPACE, "VariableValue");
                        w.writeEmptyElement(NAMESPACE, "VariableRef");
                        w.writeAttribute("targetGUID", recordingVariable);
                        element(w, "TextValue", t.recording());
                        w.writeEndElement();
                    }
                    w.writeEndElement();
                }
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("The project could not be written as XML.", e);
        }
        return out.toByteArray();
    }

    /**
     * The codebook's codes as the .qdc writes them (read back from {@link QdcWriter} and copied into the project's
     * namespace; the .qdc's sets have no place in a project's codebook), then any code used that the codebook
     * no longer holds. Left out when there is no code at all (the schema wants at least one).
     */
    private static void codebook(XMLStreamWriter w, Codebook codebook, String language, List<Coding> codings) throws XMLStreamException {
        Set<String> missing = new LinkedHashSet<>();
        for (Coding c : codings) {
            if (codebook.dimension(c.dimension()).flatMap(d -> d.code(c.code())).isEmpty()) missing.add(c.dimension() + "\u0000" + c.code());
        }
        boolean any = !codebook.dimensions().isEmpty() || !codebook.ratingScales().isEmpty() || !missing.isEmpty();
        if (!any) return;
        w.writeStartElement(NAMESPACE, "CodeBook");
        w.writeStartElement(NAMESPACE, "Codes");
        copyCodes(w, QdcWriter.write(codebook, language));
        for (String m : missing) {
            String[] parts = m.split("\u0000", 2);
            w.writeEmptyElement(NAMESPACE, "Code");
            w.writeAttribute("guid", QdcWriter.codeGuid(codebook, parts[0], parts[1]));
            w.writeAttribute("name", parts[0] + ": " + parts[1]);
            w.writeAttribute("isCodable", "true");
        }
        w.writeEndElement();
        w.writeEndElement();
    }

    /** Copies the Code elements under the .qdc's Codes (with their descriptions) into the writer. */
    private static void copyCodes(XMLStreamWriter w, byte[] qdc) throws XMLStreamException {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true); // a description in one piece: only the indentation is whitespace alone
        XMLStreamReader r = f.createXMLStreamReader(new ByteArrayInputStream(qdc));
        int depth = 0; // depth inside <Codes>; 0: outside
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (depth > 0) {
                    w.writeStartElement(NAMESPACE, r.getLocalName());
                    for (int i = 0; i < r.getAttributeCount(); i++) w.writeAttribute(r.getAttributeLocalName(i), r.getAttributeValue(i));
                    depth++;
                } else if (r.getLocalName().equals("Codes")) {
                    depth = 1;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && depth > 0) {
                depth--;
                if (depth > 0) w.writeEndElement();
            } else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) && depth > 1) {
                if (!r.isWhiteSpace()) w.writeCharacters(r.getText());
            }
        }
        r.close();
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(NAMESPACE, name);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    /** A unit's text on one line: its line breaks become spaces, so that a line is a unit. */
    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\r\\n|[\\r\\n\\u2028\\u2029\\u0085]", " ");
    }

    /** Name-based GUIDs (UUID v3) from a seed of the project's own: the same object gets the same GUID in every export. */
    record Guids(String seed) {
        String of(String kind, Object id) {
            return UUID.nameUUIDFromBytes(("samenspraak-qdpx/" + seed + "/" + kind + "/" + id).getBytes(StandardCharsets.UTF_8))
                    .toString().toUpperCase(Locale.ROOT);
        }
    }

    static String fileName(String project) {
        String safe = project.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return (safe.isEmpty() ? "project" : safe) + ".qdpx";
    }
}
