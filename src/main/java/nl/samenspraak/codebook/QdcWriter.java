package nl.samenspraak.codebook;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Writes a codebook as a REFI-QDA codebook ({@code .qdc}, namespace {@value #NAMESPACE}); the
 * mapping is described in {@code codebooks/README.md}.
 */
public final class QdcWriter {
    private QdcWriter() {}

    public static final String NAMESPACE = "urn:QDA-XML:codebook:1.0";

    /** The codebook in English. */
    public static byte[] write(Codebook codebook) {
        return write(codebook, "en");
    }

    /** The codebook with names and descriptions in {@code language} ("nl" or "en"). */
    public static byte[] write(Codebook codebook, String language) {
        Document doc = newDocument();
        Element root = doc.createElementNS(NAMESPACE, "CodeBook");
        root.setAttribute("origin", "Samenspraak");
        doc.appendChild(root);
        new Tree(doc, codebook, language).fill(root);
        return serialise(doc);
    }

    /** A GUID that depends only on the codebook key and the path, so a re-export is stable. */
    static String guid(Codebook codebook, String path) {
        return UUID.nameUUIDFromBytes((codebook.key() + "/" + path).getBytes(StandardCharsets.UTF_8))
                .toString().toUpperCase(Locale.ROOT);
    }

    private record Tree(Document doc, Codebook cb, String lang) {
        void fill(Element root) {
            Element codes = child(root, "Codes");
            for (Codebook.Dimension d : cb.dimensions()) {
                Element dim = code(codes, "dimension/" + d.key(), d.label(), false, null, describe(d.description()));
                groupsUnder(dim, d, null);
                d.codes().stream().filter(c -> c.group() == null).forEach(c -> code(dim, d, c));
            }
            // Scales have no place in the format; shown as non-codable notes so the codes list is never empty.
            for (Codebook.RatingScale s : cb.ratingScales()) {
                Element scale = code(codes, "scale/" + s.key(), s.label(), false, null, describe(s.description()));
                s.items().forEach(i -> code(scale, "scale/" + s.key() + "/" + i.key(), i.label(), false, null, item(i)));
            }
            if (!cb.composites().isEmpty()) {
                Element sets = child(root, "Sets");
                cb.composites().forEach(c -> sets(sets, c));
            }
        }

        private void groupsUnder(Element parent, Codebook.Dimension d, String parentKey) {
            for (Codebook.Group g : d.groups()) {
                if (!Objects.equals(g.parent(), parentKey)) continue;
                Element el = code(parent, "group/" + d.key() + "/" + g.key(), g.label(), false, null, null);
                groupsUnder(el, d, g.key());
                d.codes().stream().filter(c -> g.key().equals(c.group())).forEach(c -> code(el, d, c));
            }
        }

        private void code(Element parent, Codebook.Dimension d, Codebook.Code c) {
            StringBuilder text = new StringBuilder(describe(c.definition()));
            if (!c.examples().isEmpty()) {
                text.append(text.isEmpty() ? "" : "\n\n").append(lang.equals("nl") ? "Voorbeelden:" : "Examples:");
                c.examples().forEach(e -> text.append("\n- ").append(e.in(lang)));
            }
            code(parent, codePath(d.key(), c.key()), c.label(), true, c.colour(), text.toString());
        }

        private Element code(Element parent, String path, Codebook.Text name, boolean codable, String colour, String description) {
            Element el = child(parent, "Code");
            el.setAttribute("guid", guid(cb, path));
            el.setAttribute("name", name.in(lang));
            el.setAttribute("isCodable", String.valueOf(codable));
            if (colour != null) el.setAttribute("color", colour.toLowerCase(Locale.ROOT));
            if (description != null && !description.isBlank()) child(el, "Description").setTextContent(description);
            return el;
        }

        private void sets(Element sets, Codebook.Composite c) {
            if (!c.isRatio()) {
                set(sets, "composite/" + c.key(), c.label().in(lang), describe(c.description()), c.dimension(), c.numerator());
                return;
            }
            String name = c.label().in(lang);
            set(sets, "composite/" + c.key() + "/numerator", name + " (numerator)", describe(c.description()), c.dimension(), c.numerator());
            set(sets, "composite/" + c.key() + "/denominator", name + " (denominator)", describe(c.description()), c.dimension(), c.denominator());
        }

        private void set(Element sets, String path, String name, String description, String dimension, List<String> members) {
            Element set = child(sets, "Set");
            set.setAttribute("guid", guid(cb, path));
            set.setAttribute("name", name);
            if (!description.isBlank()) child(set, "Description").setTextContent(description);
            members.forEach(m -> child(set, "MemberCode").setAttribute("guid", guid(cb, codePath(dimension, m))));
        }

        private String item(Codebook.RatingItem i) {
            String anchors = i.anchors().stream().map(a -> a.value() + " = " + a.label().in(lang))
                    .collect(Collectors.joining("; "));
            return describe(i.definition()) + (i.definition() == null ? "" : "\n") + i.min() + ".." + i.max()
                    + (anchors.isEmpty() ? "" : ": " + anchors);
        }

        private String describe(Codebook.Text text) {
            return text == null ? "" : text.in(lang);
        }

        private Element child(Element parent, String name) {
            Element el = doc.createElementNS(NAMESPACE, name);
            parent.appendChild(el);
            return el;
        }
    }

    /** The GUID a code gets in the {@code .qdc} (and so in a {@code .qdpx} project): stable per codebook key, dimension and code. */
    public static String codeGuid(Codebook codebook, String dimension, String code) {
        return guid(codebook, codePath(dimension, code));
    }

    static String codePath(String dimension, String code) {
        return "code/" + dimension + "/" + code;
    }

    private static Document newDocument() {
        try {
            return DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's XML parser could not be configured.", e);
        }
    }

    private static byte[] serialise(Document doc) {
        try {
            TransformerFactory tf = TransformerFactory.newDefaultInstance();
            tf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Transformer t = tf.newTransformer();
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            doc.setXmlStandalone(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            t.transform(new DOMSource(doc), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("The codebook could not be written as XML.", e);
        }
    }
}
