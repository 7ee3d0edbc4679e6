package nl.samenspraak.transcript.format;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The first pass over an ELAN file: its time slots in TIME_ORDER (unaligned ones interpolated),
 * its tiers (name, participant, type, parent, language, annotations with text), and which
 * annotation each annotation refers to, so that a dependent tier can take its parent's times.
 */
final class ElanScan {
    private final Map<String, Long> slots = new HashMap<>();
    private final Set<String> interpolatedSlots = new HashSet<>();
    private final Map<String, String[]> alignable = new HashMap<>();
    private final Map<String, String> references = new HashMap<>();
    private final List<TierRules.Candidate> candidates = new ArrayList<>();

    List<TierRules.Candidate> candidates() { return candidates; }

    static ElanScan of(String file, byte[] content) {
        ElanScan scan = new ElanScan();
        List<String> order = new ArrayList<>();
        Map<String, Long> aligned = new HashMap<>();
        Map<String, String> vocabularyOfType = new HashMap<>();
        try {
            XMLStreamReader x = reader(file, new ByteArrayInputStream(content));
            boolean root = true;
            String tierName = null, participant = null, type = null, parent = null, language = null, annotation = null;
            int withText = 0;
            while (x.hasNext()) {
                int event = x.next();
                if (event == XMLStreamConstants.DTD)
                    throw new TranscriptFormatException(file, Place.line(x.getLocation().getLineNumber()), doctype());
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = x.getLocalName();
                    if (root && !name.equals("ANNOTATION_DOCUMENT"))
                        throw new TranscriptFormatException(file, null, Said.of("transcript.notElan", "this XML is not an ELAN file: "
                                + "its root element is <" + name + ">, not <ANNOTATION_DOCUMENT>.", "root", name));
                    root = false;
                    switch (name) {
                        case "TIME_SLOT" -> {
                            String id = x.getAttributeValue(null, "TIME_SLOT_ID"), v = x.getAttributeValue(null, "TIME_VALUE");
                            order.add(id);
                            if (v != null && v.strip().matches("\\d{1,12}")) aligned.put(id, Long.parseLong(v.strip()));
                        }
                        case "TIER" -> { tierName = x.getAttributeValue(null, "TIER_ID"); participant = x.getAttributeValue(null, "PARTICIPANT");
                            type = x.getAttributeValue(null, "LINGUISTIC_TYPE_REF"); parent = x.getAttributeValue(null, "PARENT_REF");
                            language = x.getAttributeValue(null, "LANG_REF"); withText = 0; }
                        case "ALIGNABLE_ANNOTATION" -> { annotation = x.getAttributeValue(null, "ANNOTATION_ID");
                            scan.alignable.put(annotation, new String[]{x.getAttributeValue(null, "TIME_SLOT_REF1"), x.getAttributeValue(null, "TIME_SLOT_REF2")}); }
                        case "REF_ANNOTATION" -> { annotation = x.getAttributeValue(null, "ANNOTATION_ID");
                            scan.references.put(annotation, x.getAttributeValue(null, "ANNOTATION_REF")); }
                        case "ANNOTATION_VALUE" -> { if (!x.getElementText().isBlank()) withText++; }
                        case "LINGUISTIC_TYPE" -> { String cv = x.getAttributeValue(null, "CONTROLLED_VOCABULARY_REF");
                            if (cv != null && !cv.isBlank()) vocabularyOfType.put(x.getAttributeValue(null, "LINGUISTIC_TYPE_ID"), cv); }
                        default -> { }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && x.getLocalName().equals("TIER")) {
                    scan.candidates.add(new TierRules.Candidate(tierName == null ? "" : tierName, participant, type, parent, language, withText, null));
                }
            }
        } catch (XMLStreamException e) {
            throw malformed(file, e);
        }
        scan.interpolate(order, aligned);
        scan.markCoded(vocabularyOfType);
        return scan;
    }

    /**
     * A tier whose type takes its values from a controlled vocabulary holds codes (a coding made in ELAN,
     * or one this workbench exported), not speech: left out by default, with that reason. The types come
     * after the tiers in an .eaf, hence afterwards.
     */
    private void markCoded(Map<String, String> vocabularyOfType) {
        candidates.replaceAll(t -> t.kindProblem() != null || t.type() == null || !vocabularyOfType.containsKey(t.type()) ? t
                : new TierRules.Candidate(t.name(), t.participant(), t.type(), t.parent(), t.language(), t.annotations(),
                        Said.of("reason.controlledVocabulary", "its type takes its values from the controlled vocabulary '"
                                + vocabularyOfType.get(t.type()) + "': codes, not speech", "vocabulary", vocabularyOfType.get(t.type()))));
    }

    /** Linear interpolation by position in TIME_ORDER between the aligned slots around each unaligned one. */
    private void interpolate(List<String> order, Map<String, Long> aligned) {
        int previous = -1;
        for (int i = 0; i < order.size(); i++) {
            String id = order.get(i);
            if (aligned.containsKey(id)) { slots.put(id, aligned.get(id)); previous = i; continue; }
            int next = i + 1;
            while (next < order.size() && !aligned.containsKey(order.get(next))) next++;
            if (previous < 0 || next >= order.size()) { slots.put(id, null); continue; }
            long a = aligned.get(order.get(previous)), b = aligned.get(order.get(next));
            slots.put(id, a + Math.round((double) (b - a) * (i - previous) / (next - previous)));
            interpolatedSlots.add(id);
        }
    }

    Long[] times(String file, Place location, String ref1, String ref2) {
        return new Long[]{slot(file, location, ref1), slot(file, location, ref2)};
    }

    /** The times of the alignable annotation a reference leads to (a chain of at most 50 steps). */
    Long[] timesOfRef(String file, Place location, String ref) {
        String id = ref;
        for (int steps = 0; steps < 50 && id != null; steps++) {
            String[] refs = alignable.get(id);
            if (refs != null) return times(file, location, refs[0], refs[1]);
            id = references.get(id);
        }
        throw new TranscriptFormatException(file, location, Said.of("transcript.refLeadsNowhere", "the annotation refers to '" + ref
                + "', which leads to no timed annotation.", "ref", ref));
    }

    boolean interpolated(String annotation) {
        String[] refs = alignable.get(annotation);
        return refs != null && (interpolatedSlots.contains(refs[0]) || interpolatedSlots.contains(refs[1]));
    }

    private Long slot(String file, Place location, String id) {
        if (!slots.containsKey(id))
            throw new TranscriptFormatException(file, location, Said.of("transcript.noTimeSlot", "the time slot '" + id + "' does not exist.",
                    "slot", id));
        return slots.get(id);
    }

    static XMLStreamReader reader(String file, InputStream in) throws XMLStreamException {
        return OfficeXml.reader(in);
    }

    static TranscriptFormatException malformed(String file, XMLStreamException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().replaceAll("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
        Place where = e.getLocation() == null ? null : Place.line(e.getLocation().getLineNumber());
        if (message.contains("DOCTYPE")) return new TranscriptFormatException(file, where, doctype());
        return new TranscriptFormatException(file, where, Said.of("transcript.malformedXml", "malformed XML: " + message.strip(),
                "reason", message.strip()));
    }

    private static Said doctype() {
        return Said.of("transcript.doctype", "a DOCTYPE declaration is not accepted (ELAN never writes one, and it could make the parser "
                + "read other files).");
    }
}
