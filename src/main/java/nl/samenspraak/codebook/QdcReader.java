package nl.samenspraak.codebook;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Imports a REFI-QDA codebook ({@code .qdc}, or the codebook inside a {@code .qde} project) written
 * by ATLAS.ti, MAXQDA, NVivo, QualCoder and others, as a new codebook; the mapping is described in
 * {@code codebooks/README.md}. The result is validated like any codebook file.
 */
public final class QdcReader {
    private QdcReader() {}

    /** Imports with the key derived from the file name. */
    public static CodebookValidation read(String sourceName, byte[] xml) {
        return read(sourceName, xml, null);
    }

    /** Imports under {@code key}, or a key derived from {@code sourceName} when null. */
    public static CodebookValidation read(String sourceName, byte[] xml, String key) {
        return readMapped(sourceName, xml, key).validation();
    }

    /** A code of the imported codebook: its dimension and code key. */
    public record DimensionCode(String dimension, String code) {}

    /**
     * The imported codebook, and where each codable {@code <Code>} went: its GUID (as {@link #guidKey} gives it) to its
     * dimension and code key, so that a project's codings can be mapped onto the codebook.
     */
    public record Mapped(CodebookValidation validation, java.util.Map<String, DimensionCode> byGuid) {}

    /** Like {@link #read(String, byte[], String)}, with the GUID of each code. */
    public static Mapped readMapped(String sourceName, byte[] xml, String key) {
        Document doc;
        try {
            doc = parser().parse(new ByteArrayInputStream(xml));
        } catch (SAXParseException e) {
            return new Mapped(CodebookValidation.invalid(sourceName, List.of(malformed(e))), java.util.Map.of());
        } catch (SAXException | IOException e) {
            return new Mapped(CodebookValidation.invalid(sourceName, List.of(Problem.at("$", "codebook.xmlUnreadable", "The file could not be read as XML: " + e.getMessage())
                    .with("reason", String.valueOf(e.getMessage())))), java.util.Map.of());
        }
        Element codebook = codebookElement(doc.getDocumentElement());
        if (codebook == null) {
            String root = doc.getDocumentElement().getLocalName();
            return new Mapped(CodebookValidation.invalid(sourceName, List.of(Problem.at("/" + root, "codebook.notARefiCodebook",
                    "The root element is <" + root + ">; a REFI-QDA codebook has <CodeBook> (or a <Project> holding one).").with("root", root))),
                    java.util.Map.of());
        }
        String origin = codebook.getAttribute("origin").isBlank() ? doc.getDocumentElement().getAttribute("origin") : codebook.getAttribute("origin");
        QdcMapping mapping = new QdcMapping(sourceName, key, origin);
        Codebook imported = mapping.toCodebook(nodes(child(codebook, "Codes")), sets(child(codebook, "Sets")));
        return new Mapped(CodebookReader.read(sourceName, CodebookWriter.toJson(imported)), mapping.byGuid());
    }

    /** A GUID as compared: without braces or white space, in upper case (tools differ in both). */
    public static String guidKey(String guid) {
        return guid == null ? "" : guid.strip().replace("{", "").replace("}", "").toUpperCase(java.util.Locale.ROOT);
    }

    /** A {@code <Code>} element as read, before mapping. */
    record QdcCode(String guid, String name, boolean codable, String colour, String description, List<QdcCode> children) {
        boolean hasCodable() {
            return codable || children.stream().anyMatch(QdcCode::hasCodable);
        }
    }

    /** A {@code <Set>} element: a named list of member code GUIDs. */
    record QdcSet(String name, String description, List<String> members) {}

    /** XML parsing with DTDs refused outright: no external entity or DTD can ever be fetched (XXE). */
    public static DocumentBuilder parser() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(THROWING); // the default handler prints "[Fatal Error]" to stderr
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's XML parser could not be configured securely.", e);
        }
    }

    private static final ErrorHandler THROWING = new ErrorHandler() {
        @Override public void warning(SAXParseException e) {}
        @Override public void error(SAXParseException e) throws SAXException { throw e; }
        @Override public void fatalError(SAXParseException e) throws SAXException { throw e; }
    };

    private static Problem malformed(SAXParseException e) {
        String where = "line " + e.getLineNumber() + ", column " + e.getColumnNumber();
        return e.getMessage() != null && e.getMessage().contains("DOCTYPE")
                ? Problem.at(where, "codebook.doctypeRefused",
                        "The file declares a DOCTYPE, which is refused: a codebook needs none, and it could make the parser read other files.")
                : Problem.at(where, "codebook.xmlNotWellFormed", "The file is not well-formed XML at " + where + ": " + e.getMessage())
                        .with("where", where).with("reason", String.valueOf(e.getMessage()));
    }

    private static Element codebookElement(Element root) {
        if ("CodeBook".equals(root.getLocalName())) return root;
        return "Project".equals(root.getLocalName()) ? child(root, "CodeBook") : null;
    }

    private static List<QdcCode> nodes(Element parent) {
        List<QdcCode> codes = new ArrayList<>();
        for (Element e : children(parent, "Code")) {
            Element description = child(e, "Description");
            codes.add(new QdcCode(e.getAttribute("guid"), e.getAttribute("name").strip(),
                    isCodable(e.getAttribute("isCodable")),
                    e.getAttribute("color").strip(), description == null ? "" : description.getTextContent().strip(), nodes(e)));
        }
        return codes;
    }

    /** xsd:boolean; a missing attribute counts as codable, as most tools mean it. */
    private static boolean isCodable(String value) {
        String v = value.strip();
        return !v.equalsIgnoreCase("false") && !v.equals("0");
    }

    private static List<QdcSet> sets(Element parent) {
        List<QdcSet> sets = new ArrayList<>();
        for (Element s : children(parent, "Set")) {
            Element description = child(s, "Description");
            List<String> members = children(s, "MemberCode").stream().map(m -> m.getAttribute("guid")).toList();
            sets.add(new QdcSet(s.getAttribute("name").strip(), description == null ? "" : description.getTextContent().strip(), members));
        }
        return sets;
    }

    /**
     * Child elements by local name (any when {@code localName} is null): tools differ in namespace prefixes, and
     * some omit the namespace. Also read by the REFI-QDA project import.
     */
    public static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        if (parent == null) return found;
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (localName == null || localName.equals(e.getLocalName()))) found.add(e);
        }
        return found;
    }

    public static Element child(Element parent, String localName) {
        List<Element> found = children(parent, localName);
        return found.isEmpty() ? null : found.get(0);
    }
}
