package nl.samenspraak.codebook;

import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/** Validates documents against the REFI-QDA Codebook.xsd kept in the test resources. */
final class Xsd {
    private Xsd() {}

    private static final Schema CODEBOOK = load();

    private static Schema load() {
        try {
            SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return f.newSchema(Xsd.class.getResource("/refi-qda/Codebook.xsd"));
        } catch (SAXException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Throws with the validator's message (line, column, rule) when {@code xml} is not valid. */
    static void validateCodebook(byte[] xml) throws SAXException, IOException {
        CODEBOOK.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
    }
}
