package nl.samenspraak.exports;

import nl.samenspraak.account.Access;
import nl.samenspraak.account.User;
import nl.samenspraak.codebook.Codebook;
import nl.samenspraak.codebook.QdcWriter;
import nl.samenspraak.http.ApiException;
import nl.samenspraak.project.ProjectCodebooks;
import nl.samenspraak.results.ConsensusName;
import nl.samenspraak.results.Person;
import org.jdbi.v3.core.Jdbi;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayInputStream;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
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
 * The file is written straight to its stream, one transcript at a time ({@link QdpxDao}; measured in ExportBench).
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

    /** Writes the whole file to a stream (which it leaves open). */
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** The file's name, and its content to write. */
    public record Download(String fileName, Content content) {}

    /**
     * Checks access and reads the project's name (so that a refusal, or a project that is not there, is an ordinary
     * error before anything is written), then returns the file to write: one transcript at a time, in one read
     * transaction, so memory holds one transcript's unit positions at most, whatever the project's size.
     */
    public Download prepare(User user, long projectId, String language) {
        access.requireOthersCodes(user, projectId);
        Codebook codebook = codebooks.forProject(projectId).codebook();
        QdpxDao.Head head = jdbi.withExtension(QdpxDao.class, dao -> dao.head(projectId)).orElseThrow(() -> projectNotFound(projectId));
        return new Download(fileName(head.name()), out -> jdbi.useTransaction(h -> write(h.attach(QdpxDao.class), projectId, head, codebook, language, out)));
    }

    /** The .qdpx: the sources' texts, then project.qde. */
    static void write(QdpxDao dao, long projectId, QdpxDao.Head head, Codebook codebook, String language, OutputStream target) throws IOException {
        Guids guids = new Guids(projectId + "/" + head.createdAt());
        List<QdpxDao.Transcript> transcripts = dao.transcripts(projectId);
        ZipOutputStream zip = new ZipOutputStream(unclosable(target), StandardCharsets.UTF_8);
        OutputStream out = new BufferedOutputStream(zip, 1 << 16);
        for (QdpxDao.Transcript t : transcripts) {
            zip.putNextEntry(new ZipEntry("Sources/" + guids.of("transcript", t.id()) + ".txt"));
            boolean[] first = {true};
            IOException[] failed = {null};
            dao.units(t.id(), u -> {
                if (failed[0] != null) return;
                try {
                    out.write(((first[0] ? "" : "\n") + oneLine(u.speaker()) + ": " + oneLine(u.text())).getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    failed[0] = e;
                }
                first[0] = false;
            });
            if (failed[0] != null) throw failed[0];
            out.flush();
            zip.closeEntry();
        }
        zip.putNextEntry(new ZipEntry("project.qde"));
        qde(dao, projectId, head, transcripts, codebook, language, guids, out);
        out.flush();
        zip.closeEntry();
        zip.close(); // the central directory; the target itself stays open
    }

    /** The unit positions of one transcript, in unit order: id, and where its text starts and ends in the source (code points). */
    private static final class Ranges {
        long[] ids = new long[1024];
        int[] starts = new int[1024];
        int[] ends = new int[1024];
        int size;
        int cursor;

        static Ranges of(QdpxDao dao, long transcriptId) {
            Ranges r = new Ranges();
            int[] at = {0};
            dao.units(transcriptId, u -> {
                if (r.size > 0) at[0]++;
                String label = oneLine(u.speaker()) + ": ";
                String words = oneLine(u.text());
                at[0] += label.codePointCount(0, label.length());
                int length = words.codePointCount(0, words.length());
                r.add(u.id(), at[0], at[0] + length);
                at[0] += length;
            });
            return r;
        }

        void add(long id, int start, int end) {
            if (size == ids.length) {
                ids = java.util.Arrays.copyOf(ids, size * 2);
                starts = java.util.Arrays.copyOf(starts, size * 2);
                ends = java.util.Arrays.copyOf(ends, size * 2);
            }
            ids[size] = id;
            starts[size] = start;
            ends[size] = end;
            size++;
        }

        /** The index of a unit; codes come in unit order, so the search only moves forward. */
        int index(long unitId) {
            while (cursor < size && ids[cursor] != unitId) cursor++;
            if (cursor == size) throw new IllegalStateException("Unit " + unitId + " is not in its transcript's units.");
            return cursor;
        }
    }

    private static void qde(QdpxDao dao, long projectId, QdpxDao.Head head, List<QdpxDao.Transcript> transcripts, Codebook codebook, String language,
                            Guids guids, OutputStream out) {
        List<Person> people = dao.people(projectId);
        try {
            XMLStreamWriter w = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.setDefaultNamespace(NAMESPACE);
            w.writeStartElement(NAMESPACE, "Project");
            w.writeDefaultNamespace(NAMESPACE);
            w.writeAttribute("name", head.name());
            w.writeAttribute("origin", "Samenspraak");
            if (!people.isEmpty()) {
                w.writeStartElement(NAMESPACE, "Users");
                for (Person p : people) {
                    w.writeEmptyElement(NAMESPACE, "User");
                    w.writeAttribute("guid", guids.of("user", p.id()));
                    w.writeAttribute("name", ConsensusName.shown(p.name(), language));
                    w.writeAttribute("id", String.valueOf(p.id()));
                }
                w.writeEndElement();
            }
            codebook(w, codebook, language, missing(dao, projectId, transcripts, codebook));
            String recordingVariable = guids.of("variable", 1);
            Refs refs = new Refs(guids, codebook, new HashMap<>(), new HashMap<>());
            boolean recordings = transcripts.stream().anyMatch(t -> t.recording() != null);
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
            if (!transcripts.isEmpty()) {
                w.writeStartElement(NAMESPACE, "Sources");
                for (QdpxDao.Transcript t : transcripts) {
                    String guid = guids.of("transcript", t.id());
                    w.writeStartElement(NAMESPACE, "TextSource");
                    w.writeAttribute("guid", guid);
                    w.writeAttribute("name", t.name());
                    w.writeAttribute("plainTextPath", "internal://" + guid + ".txt");
                    if (t.recording() != null) element(w, "Description", "Recording: " + t.recording());
                    Ranges ranges = Ranges.of(dao, t.id());
                    XMLStreamException[] failed = {null};
                    dao.codings(t.id(), c -> {
                        if (failed[0] != null) return;
                        try {
                            selection(w, c, ranges, refs);
                        } catch (XMLStreamException e) {
                            failed[0] = e;
                        }
                    });
                    if (failed[0] != null) throw failed[0];
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
            w.flush();
            w.close(); // leaves the stream open
        } catch (XMLStreamException e) {
            throw new IllegalStateException("The project could not be written as XML.", e);
        }
    }

    /** The GUIDs of coders and codes, each made once (they repeat on every selection). */
    private record Refs(Guids guids, Codebook codebook, Map<Long, String> users, Map<String, String> codes) {
        String user(long id) {
            return users.computeIfAbsent(id, k -> guids.of("user", k));
        }

        String code(String dimension, String code) {
            return codes.computeIfAbsent(dimension + "\u0000" + code, k -> QdcWriter.codeGuid(codebook, dimension, code));
        }
    }

    /** One coder's code of one unit: a selection over the unit's text with one coding. */
    private static void selection(XMLStreamWriter w, QdpxDao.Coding c, Ranges ranges, Refs refs) throws XMLStreamException {
        Guids guids = refs.guids();
        int i = ranges.index(c.unitId());
        String key = c.coderId() + "/" + c.unitId() + "/" + c.dimension();
        w.writeStartElement(NAMESPACE, "PlainTextSelection");
        w.writeAttribute("guid", guids.of("selection", key));
        w.writeAttribute("startPosition", String.valueOf(ranges.starts[i]));
        w.writeAttribute("endPosition", String.valueOf(ranges.ends[i]));
        w.writeAttribute("creatingUser", refs.user(c.coderId()));
        w.writeStartElement(NAMESPACE, "Coding");
        w.writeAttribute("guid", guids.of("coding", key));
        w.writeAttribute("creatingUser", refs.user(c.coderId()));
        w.writeEmptyElement(NAMESPACE, "CodeRef");
        w.writeAttribute("targetGUID", refs.code(c.dimension(), c.code()));
        w.writeEndElement();
        w.writeEndElement();
    }

    /**
     * The codes used that the codebook no longer holds (dimension, code), in the order they are first used (by
     * transcript, unit, coder, dimension). Usually none; only when there are two or more are the codes read for their order.
     */
    private static List<String[]> missing(QdpxDao dao, long projectId, List<QdpxDao.Transcript> transcripts, Codebook codebook) {
        Set<String> missing = new HashSet<>();
        for (QdpxDao.CodeUsed c : dao.codesUsed(projectId)) {
            if (codebook.dimension(c.dimension()).flatMap(d -> d.code(c.code())).isEmpty()) missing.add(c.dimension() + "\u0000" + c.code());
        }
        Set<String> ordered = new LinkedHashSet<>();
        if (missing.size() == 1) ordered.addAll(missing);
        else if (missing.size() > 1) {
            for (QdpxDao.Transcript t : transcripts) {
                if (ordered.size() == missing.size()) break;
                dao.codings(t.id(), c -> {
                    String key = c.dimension() + "\u0000" + c.code();
                    if (missing.contains(key)) ordered.add(key);
                });
            }
        }
        return ordered.stream().map(m -> m.split("\u0000", 2)).toList();
    }

    /** Access's answer for a project that is not there. */
    private static ApiException projectNotFound(long projectId) {
        return ApiException.notFound("project.notFound", "Project " + projectId).with("id", projectId);
    }

    /** A stream whose close only flushes (so that closing the zip leaves the file or response open). */
    private static OutputStream unclosable(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override public void write(byte[] b, int off, int len) throws IOException { out.write(b, off, len); }
            @Override public void close() throws IOException { out.flush(); }
        };
    }

    /**
     * The codebook's codes as the .qdc writes them (read back from {@link QdcWriter} and copied into the project's
     * namespace; the .qdc's sets have no place in a project's codebook), then any code used that the codebook
     * no longer holds. Left out when there is no code at all (the schema wants at least one).
     */
    private static void codebook(XMLStreamWriter w, Codebook codebook, String language, List<String[]> missing) throws XMLStreamException {
        boolean any = !codebook.dimensions().isEmpty() || !codebook.ratingScales().isEmpty() || !missing.isEmpty();
        if (!any) return;
        w.writeStartElement(NAMESPACE, "CodeBook");
        w.writeStartElement(NAMESPACE, "Codes");
        copyCodes(w, QdcWriter.write(codebook, language));
        for (String[] parts : missing) {
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
        return ExportService.safeName(project, "project") + ".qdpx";
    }
}
