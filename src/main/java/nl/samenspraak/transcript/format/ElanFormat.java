package nl.samenspraak.transcript.format;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

/**
 * ELAN annotation documents (.eaf): one tier per speaker.
 *
 * <ul>
 *   <li>A tier's speaker is its PARTICIPANT attribute, or its TIER_ID when that is empty.</li>
 *   <li>Only top-level tiers count: tiers with a PARENT_REF (translations, words, notes) and
 *       their REF_ANNOTATIONs are skipped.</li>
 *   <li>Each ALIGNABLE_ANNOTATION is a turn timed by its TIME_SLOT_REF1/2 values (ms); turns of
 *       all tiers are merged and sorted by start time, then end time, then tier order.</li>
 *   <li>A referenced time slot without a TIME_VALUE (an unaligned slot) is an error naming the
 *       tier and annotation, as the turn could not be placed in time.</li>
 *   <li>The XML parser refuses DOCTYPEs, so no external entity or DTD is ever read.</li>
 * </ul>
 */
final class ElanFormat {
    private ElanFormat() {}

    private record Timed(ParsedTurn turn, int tierOrder) {}

    static List<ParsedTurn> parse(String file, byte[] content) {
        Element root = document(file, content).getDocumentElement();
        if (!"ANNOTATION_DOCUMENT".equals(root.getTagName()))
            throw new TranscriptFormatException(file, null, "this XML is not an ELAN file: its root element is <"
                    + root.getTagName() + ">, not <ANNOTATION_DOCUMENT>.");
        Map<String, Long> slots = timeSlots(root);
        List<Timed> timed = new ArrayList<>();
        NodeList tiers = root.getElementsByTagName("TIER");
        for (int t = 0; t < tiers.getLength(); t++) {
            Element tier = (Element) tiers.item(t);
            if (!tier.getAttribute("PARENT_REF").isBlank()) continue;
            for (ParsedTurn turn : tierTurns(file, tier, slots)) timed.add(new Timed(turn, t));
        }
        timed.sort(Comparator.comparing((Timed x) -> x.turn().startMs())
                .thenComparing(x -> x.turn().endMs()).thenComparingInt(Timed::tierOrder));
        return timed.stream().map(Timed::turn).filter(turn -> !turn.text().isEmpty()).toList();
    }

    private static List<ParsedTurn> tierTurns(String file, Element tier, Map<String, Long> slots) {
        String tierId = tier.getAttribute("TIER_ID");
        String speaker = TurnList.normalise(tier.getAttribute("PARTICIPANT"));
        if (speaker.isEmpty()) speaker = TurnList.normalise(tierId);
        List<ParsedTurn> turns = new ArrayList<>();
        NodeList annotations = tier.getElementsByTagName("ALIGNABLE_ANNOTATION");
        for (int a = 0; a < annotations.getLength(); a++) {
            Element ann = (Element) annotations.item(a);
            String location = "tier " + tierId + ", annotation " + ann.getAttribute("ANNOTATION_ID");
            long start = slot(file, location, slots, ann.getAttribute("TIME_SLOT_REF1"));
            long end = slot(file, location, slots, ann.getAttribute("TIME_SLOT_REF2"));
            if (end < start)
                throw new TranscriptFormatException(file, location, "the end time " + TimeParsing.format(end)
                        + " is before the start time " + TimeParsing.format(start) + ".");
            turns.add(new ParsedTurn(speaker, TurnList.normalise(value(ann)), start, end, location));
        }
        return turns;
    }

    private static String value(Element annotation) {
        NodeList values = annotation.getElementsByTagName("ANNOTATION_VALUE");
        return values.getLength() == 0 ? "" : values.item(0).getTextContent();
    }

    private static long slot(String file, String location, Map<String, Long> slots, String id) {
        if (!slots.containsKey(id))
            throw new TranscriptFormatException(file, location, "the time slot '" + id + "' does not exist.");
        Long value = slots.get(id);
        if (value == null)
            throw new TranscriptFormatException(file, location, "the time slot '" + id + "' has no time value "
                    + "(an unaligned annotation); align it in ELAN and save again.");
        return value;
    }

    private static Map<String, Long> timeSlots(Element root) {
        Map<String, Long> slots = new HashMap<>();
        NodeList list = root.getElementsByTagName("TIME_SLOT");
        for (int i = 0; i < list.getLength(); i++) {
            Element slot = (Element) list.item(i);
            String value = slot.getAttribute("TIME_VALUE").strip();
            slots.put(slot.getAttribute("TIME_SLOT_ID"), value.matches("\\d+") ? Long.valueOf(value) : null);
        }
        return slots;
    }

    private static Document document(String file, byte[] content) {
        try {
            DocumentBuilder builder = secureFactory().newDocumentBuilder();
            builder.setErrorHandler(new ErrorHandler() {
                // Report by exception only; the default handler also prints to stderr.
                @Override public void warning(SAXParseException e) {}
                @Override public void error(SAXParseException e) throws SAXException { throw e; }
                @Override public void fatalError(SAXParseException e) throws SAXException { throw e; }
            });
            return builder.parse(new ByteArrayInputStream(content));
        } catch (SAXParseException e) {
            if (e.getMessage() != null && e.getMessage().contains("DOCTYPE"))
                throw new TranscriptFormatException(file, "line " + e.getLineNumber(), "a DOCTYPE declaration is not "
                        + "accepted (ELAN never writes one, and it could make the parser read other files).");
            throw new TranscriptFormatException(file, "line " + e.getLineNumber(), "malformed XML: " + e.getMessage());
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new TranscriptFormatException(file, null, "malformed XML: " + e.getMessage());
        }
    }

    private static DocumentBuilderFactory secureFactory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }
}
