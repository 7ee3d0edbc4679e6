package nl.samenspraak.exchange;

import nl.samenspraak.codebook.QdcReader;
import nl.samenspraak.transcript.format.Said;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads a REFI-QDA project ({@code .qdpx}: a zip with {@code project.qde} and {@code Sources/}; or a bare
 * {@code .qde}) as written by ATLAS.ti, NVivo, MAXQDA, QualCoder or Samenspraak itself: its users, its text
 * sources with their plain text and their coded selections, and a count of every part this workbench cannot
 * take (other sources, memos, variables, cases, links, graphs, other selections), so that nothing is left out
 * silently. The XML is read with DTDs refused (no external entity can be fetched). Pure: bytes in, records out.
 */
public final class QdpxFile {
    private QdpxFile() {}

    /** The largest {@code project.qde} and the largest sum of all entries read from a zip (a zip bomb stops here). */
    static final long MAX_QDE_BYTES = 64L * 1024 * 1024;
    static final long MAX_TOTAL_BYTES = 256L * 1024 * 1024;
    static final int MAX_ENTRIES = 100_000;

    /** A user of the project; codings name their coder by the user's GUID. */
    public record User(String guid, String name) {}

    /** One coding of a selection: its coder's GUID (or null) and the GUID of the code. */
    public record Coding(String user, String code) {}

    /** A coded range of a text source: code points from {@code start} (inclusive) to {@code end} (exclusive). */
    public record Selection(String guid, int start, int end, String user, List<Coding> codings) {}

    /** A text source: its name, its plain text (null when the file does not hold it: {@code missing} says why), its selections. */
    public record TextSource(String guid, String name, String user, String text, String missing, List<Selection> selections) {}

    /** What was read: the project's name and the tool that wrote it, the {@code project.qde} bytes (its codebook), users, text sources, and what is left out. */
    public record Content(String fileName, String name, String origin, byte[] qde, Map<String, User> users, List<TextSource> sources,
                          Map<String, String> codeNames, Map<String, Integer> leftOut) {}

    /** Reads a {@code .qdpx} zip or a bare {@code .qde}; a file that is neither is refused, naming the file and the problem. */
    public static Content read(String fileName, byte[] bytes) {
        if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) return zip(fileName, bytes);
        return project(fileName, bytes, Map.of());
    }

    private static Content zip(String fileName, byte[] bytes) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        long total = 0;
        byte[] qde = null;
        String qdeName = null;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            ZipEntry e;
            int count = 0;
            while ((e = in.getNextEntry()) != null) {
                if (++count > MAX_ENTRIES) throw refused(fileName, null, Said.of("qdpx.tooManyEntries", "the zip holds more than " + MAX_ENTRIES + " entries.", "max", MAX_ENTRIES));
                if (e.isDirectory()) continue;
                String name = e.getName().replace('\\', '/');
                String lower = name.toLowerCase(Locale.ROOT);
                boolean isQde = lower.endsWith(".qde") && !lower.contains("/");
                boolean isText = lower.startsWith("sources/") && (lower.endsWith(".txt"));
                if (!isQde && !isText) continue; // media, PDFs, pictures, rich text: not read (their sources are counted below)
                byte[] content = readLimited(in, fileName, name, isQde ? MAX_QDE_BYTES : MAX_TOTAL_BYTES - total);
                total += content.length;
                if (isQde) {
                    if (qde != null && !lower.equals("project.qde")) continue; // project.qde wins over any other .qde
                    qde = content;
                    qdeName = name;
                } else {
                    entries.put(lower.substring("sources/".length()), content);
                }
            }
        } catch (ZipException e) {
            throw refused(fileName, null, Said.of("qdpx.notAZip", "the file is not a readable zip (" + e.getMessage() + ").", "reason", String.valueOf(e.getMessage())));
        } catch (IOException e) {
            throw refused(fileName, null, Said.of("qdpx.notAZip", "the file is not a readable zip (" + e.getMessage() + ").", "reason", String.valueOf(e.getMessage())));
        }
        if (qde == null) throw refused(fileName, null, Said.of("qdpx.noProjectQde", "the zip holds no project.qde: it is not a REFI-QDA project."));
        return project(fileName + (qdeName == null ? "" : "/" + qdeName), qde, entries);
    }

    private static byte[] readLimited(InputStream in, String fileName, String entry, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = in.read(buffer)) > 0) {
            out.write(buffer, 0, n);
            if (out.size() > max) {
                throw refused(fileName, entry, Said.of("qdpx.entryTooLarge", "the entry " + entry + " unpacks to more than " + max / (1024 * 1024)
                        + " MiB.", "entry", entry, "mib", max / (1024 * 1024)));
            }
        }
        return out.toByteArray();
    }

    private static Content project(String fileName, byte[] qde, Map<String, byte[]> texts) {
        Document doc;
        try {
            doc = QdcReader.parser().parse(new ByteArrayInputStream(qde));
        } catch (SAXParseException e) {
            String where = "line " + e.getLineNumber() + ", column " + e.getColumnNumber();
            if (e.getMessage() != null && e.getMessage().contains("DOCTYPE"))
                throw refused(fileName, where, Said.of("qdpx.doctypeRefused", "the project declares a DOCTYPE, which is refused: a REFI-QDA project needs none."));
            throw refused(fileName, where, Said.of("qdpx.notWellFormed", "the project is not well-formed XML at " + where + ": " + e.getMessage(), "where", where, "reason", String.valueOf(e.getMessage())));
        } catch (SAXException | IOException e) {
            throw refused(fileName, null, Said.of("qdpx.notXml", "the project could not be read as XML: " + e.getMessage(), "reason", String.valueOf(e.getMessage())));
        }
        Element root = doc.getDocumentElement();
        if (!"Project".equals(root.getLocalName()))
            throw refused(fileName, "/" + root.getLocalName(), Said.of("qdpx.notAProject", "the root element is <" + root.getLocalName()
                    + ">; a REFI-QDA project has <Project>.", "root", root.getLocalName()));
        Map<String, Integer> leftOut = new LinkedHashMap<>();
        Map<String, User> users = new LinkedHashMap<>();
        for (Element u : children(child(root, "Users"), "User"))
            users.put(QdcReader.guidKey(u.getAttribute("guid")), new User(QdcReader.guidKey(u.getAttribute("guid")), u.getAttribute("name").strip()));
        List<TextSource> sources = new ArrayList<>();
        for (Element s : children(child(root, "Sources"), null)) {
            String kind = s.getLocalName();
            if (!"TextSource".equals(kind)) {
                count(leftOut, "source." + kind);
                continue;
            }
            sources.add(textSource(fileName, s, texts, leftOut));
        }
        count(leftOut, "note", children(child(root, "Notes"), "Note").size());
        count(leftOut, "variable", children(child(root, "Variables"), "Variable").size());
        count(leftOut, "case", children(child(root, "Cases"), "Case").size());
        count(leftOut, "link", children(child(root, "Links"), "Link").size());
        count(leftOut, "graph", children(child(root, "Graphs"), "Graph").size());
        // The project's sets (of codes or of sources: ATLAS.ti writes code groups and document groups here) are not read.
        count(leftOut, "set", children(child(root, "Sets"), "Set").size());
        Map<String, String> codeNames = new HashMap<>();
        codeNames(child(child(root, "CodeBook"), "Codes"), codeNames);
        return new Content(fileName, root.getAttribute("name").strip(), root.getAttribute("origin").strip(), qde, users, sources, codeNames, leftOut);
    }

    /** Every code's GUID to its name, at any depth. */
    private static void codeNames(Element parent, Map<String, String> out) {
        for (Element c : children(parent, "Code")) {
            out.put(QdcReader.guidKey(c.getAttribute("guid")), c.getAttribute("name").strip());
            codeNames(c, out);
        }
    }

    private static TextSource textSource(String fileName, Element s, Map<String, byte[]> texts, Map<String, Integer> leftOut) {
        String guid = QdcReader.guidKey(s.getAttribute("guid"));
        String name = s.getAttribute("name").strip();
        String text = null;
        String missing = null;
        Element inline = child(s, "PlainTextContent");
        String path = s.getAttribute("plainTextPath").strip();
        if (inline != null) {
            text = inline.getTextContent();
        } else if (path.toLowerCase(Locale.ROOT).startsWith("internal://")) {
            byte[] bytes = texts.get(path.substring("internal://".length()).toLowerCase(Locale.ROOT));
            if (bytes == null) missing = "notInFile";
            else text = decode(fileName, path, bytes);
        } else if (!path.isEmpty()) {
            missing = "outsideFile"; // relative:// or absolute://: on the computer that wrote the file
        } else {
            missing = "noPlainText"; // only rich text (or nothing): selections refer to the plain text
        }
        // Line ends stay as they are: tools count a CRLF as two characters in their positions.
        List<Selection> selections = new ArrayList<>();
        for (Element sel : children(s, null)) {
            String kind = sel.getLocalName();
            switch (kind) {
                case "PlainTextSelection" -> {
                    selections.add(selection(fileName, name, sel));
                    count(leftOut, "noteRef", children(sel, "NoteRef").size());
                }
                case "NoteRef" -> count(leftOut, "noteRef");
                case "VariableValue" -> count(leftOut, "variableValue");
                case "Description", "PlainTextContent" -> { }
                default -> count(leftOut, "selection." + kind);
            }
        }
        return new TextSource(guid, name.isEmpty() ? guid : name, QdcReader.guidKey(s.getAttribute("creatingUser")), text, missing, selections);
    }

    private static Selection selection(String fileName, String source, Element sel) {
        int start = position(fileName, source, sel, "startPosition");
        int end = position(fileName, source, sel, "endPosition");
        List<Coding> codings = new ArrayList<>();
        for (Element c : children(sel, "Coding")) {
            Element ref = child(c, "CodeRef");
            if (ref == null) continue;
            codings.add(new Coding(emptyToNull(QdcReader.guidKey(c.getAttribute("creatingUser"))), QdcReader.guidKey(ref.getAttribute("targetGUID"))));
        }
        return new Selection(QdcReader.guidKey(sel.getAttribute("guid")), start, end, emptyToNull(QdcReader.guidKey(sel.getAttribute("creatingUser"))), codings);
    }

    private static int position(String fileName, String source, Element sel, String attribute) {
        String v = sel.getAttribute(attribute).strip();
        try {
            int p = Integer.parseInt(v);
            if (p < 0) throw new NumberFormatException();
            return p;
        } catch (NumberFormatException e) {
            throw refused(fileName, "source '" + source + "', selection " + sel.getAttribute("guid"), Said.of("qdpx.badPosition",
                    "the selection's " + attribute + " is '" + v + "', not a character position.", "attribute", attribute, "value", v));
        }
    }

    /** UTF-8 (the standard's), with or without a byte-order mark; UTF-16 when a byte-order mark says so. */
    static String decode(String fileName, String path, byte[] bytes) {
        Charset charset = StandardCharsets.UTF_8;
        int skip = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) skip = 3;
        else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) { charset = StandardCharsets.UTF_16LE; skip = 2; }
        else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) { charset = StandardCharsets.UTF_16BE; skip = 2; }
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip)).toString();
        } catch (CharacterCodingException e) {
            throw refused(fileName, path, Said.of("qdpx.textNotUtf8", "the text of " + path + " is not UTF-8, which REFI-QDA requires.", "path", path));
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static void count(Map<String, Integer> leftOut, String what) {
        count(leftOut, what, 1);
    }

    private static void count(Map<String, Integer> leftOut, String what, int n) {
        if (n > 0) leftOut.merge(what, n, Integer::sum);
    }

    static QdpxException refused(String file, String place, Said said) {
        return new QdpxException(file, place, said);
    }

    private static List<Element> children(Element parent, String localName) {
        return QdcReader.children(parent, localName);
    }

    private static Element child(Element parent, String localName) {
        return QdcReader.child(parent, localName);
    }
}
