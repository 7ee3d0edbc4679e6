package nl.samenspraak.transcript.format;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ELAN annotation documents (.eaf), read as a stream twice: first the time slots and the tiers,
 * then the annotations of the speech tiers ({@link TierRules}: by default the top-level tiers
 * that are not gestures, glosses, notes or a second language of the same speaker; or the tiers
 * chosen, each with its speaker).
 *
 * <ul>
 *   <li>A tier's speaker is its PARTICIPANT attribute, or its TIER_ID when that is empty.</li>
 *   <li>Each annotation is a turn timed by its time slots (ms); a REF_ANNOTATION of a chosen
 *       dependent tier takes the times of the annotation it refers to. Turns of all tiers are
 *       sorted by start time, then end time, then tier order.</li>
 *   <li>An unaligned time slot (no TIME_VALUE) gets a time interpolated between the nearest
 *       aligned slots before and after it in TIME_ORDER; where there is none on one side the
 *       turn has no time there. Both are warned about.</li>
 *   <li>A DOCTYPE is refused: no external entity or DTD is ever read.</li>
 * </ul>
 */
final class ElanFormat {
    private ElanFormat() {}

    private record Annotation(int tier, Long start, Long end, String text, String id) {}

    static void parse(ReadNotes notes, byte[] content, TurnSink sink) {
        ElanScan scan = ElanScan.of(notes.file, content);
        List<FileReading.Tier> tiers = TierRules.choose(notes, scan.candidates());
        notes.tiers = tiers;
        TierRules.warn(notes, tiers);
        Map<String, Integer> chosen = new HashMap<>();
        for (int i = 0; i < tiers.size(); i++) if (tiers.get(i).included()) chosen.put(tiers.get(i).name(), i);
        List<Annotation> annotations = annotations(notes, content, scan, chosen);
        annotations.sort(Comparator.comparing((Annotation a) -> a.start() == null ? Long.MAX_VALUE : a.start())
                .thenComparing(a -> a.end() == null ? Long.MAX_VALUE : a.end()).thenComparingInt(Annotation::tier));
        TurnList turns = new TurnList(notes, sink);
        int interpolated = 0, untimed = 0;
        for (Annotation a : annotations) {
            Place location = Place.annotation(tiers.get(a.tier()).name(), a.id());
            if (a.end() != null && a.start() != null && a.end() < a.start())
                throw new TranscriptFormatException(notes.file, location, Said.of("transcript.endBeforeStart", "the end time "
                        + TimeParsing.format(a.end()) + " is before the start time " + TimeParsing.format(a.start()) + ".",
                        "end", TimeParsing.format(a.end()), "start", TimeParsing.format(a.start())));
            if (a.start() == null || a.end() == null) untimed++;
            if (scan.interpolated(a.id())) interpolated++;
            turns.add(tiers.get(a.tier()).speaker(), a.text(), a.start(), a.end(), location);
        }
        turns.finish();
        if (interpolated > 0) notes.warn("time-interpolated", null, Said.of("warning.timesInterpolated", interpolated + " annotations lie on "
                + "unaligned time slots; their times were interpolated between the aligned slots around them.", "n", interpolated));
        if (untimed > 0) notes.warn("no-time", null, Said.of("warning.annotationsUntimed", untimed + " annotations have no aligned time slot "
                + "on one side; they are imported without that time.", "n", untimed));
    }

    private static List<Annotation> annotations(ReadNotes notes, byte[] content, ElanScan scan, Map<String, Integer> chosen) {
        List<Annotation> out = new ArrayList<>();
        try {
            XMLStreamReader x = ElanScan.reader(notes.file, new ByteArrayInputStream(content));
            Integer tier = null;
            String id = null, ref = null, r1 = null, r2 = null;
            while (x.hasNext()) {
                int event = x.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (x.getLocalName()) {
                        case "TIER" -> tier = chosen.get(x.getAttributeValue(null, "TIER_ID"));
                        case "ALIGNABLE_ANNOTATION" -> { id = x.getAttributeValue(null, "ANNOTATION_ID");
                            r1 = x.getAttributeValue(null, "TIME_SLOT_REF1"); r2 = x.getAttributeValue(null, "TIME_SLOT_REF2"); ref = null; }
                        case "REF_ANNOTATION" -> { id = x.getAttributeValue(null, "ANNOTATION_ID"); ref = x.getAttributeValue(null, "ANNOTATION_REF"); }
                        case "ANNOTATION_VALUE" -> {
                            String text = x.getElementText();
                            if (tier == null) break;
                            Place location = Place.annotation(notes.tiers.get(tier).name(), id);
                            Long[] times = ref == null ? scan.times(notes.file, location, r1, r2) : scan.timesOfRef(notes.file, location, ref);
                            out.add(new Annotation(tier, times[0], times[1], text, id));
                        }
                        default -> { }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && x.getLocalName().equals("TIER")) {
                    tier = null;
                }
            }
        } catch (XMLStreamException e) {
            throw ElanScan.malformed(notes.file, e);
        }
        return out;
    }
}
