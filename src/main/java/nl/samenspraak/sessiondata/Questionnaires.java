package nl.samenspraak.sessiondata;

import nl.samenspraak.codebook.Codebook.RatingItem;
import nl.samenspraak.codebook.Codebook;

import java.util.LinkedHashMap;
import java.util.Map;

/** A questionnaire is a codebook of rating scales; its items are answered once per session. */
public final class Questionnaires {
    private Questionnaires() {}

    /** The items of every scale by key; null when two scales share an item key (so a column would be ambiguous). */
    static Map<String, RatingItem> items(Codebook codebook) {
        Map<String, RatingItem> items = new LinkedHashMap<>();
        for (Codebook.RatingScale s : codebook.ratingScales()) {
            for (RatingItem i : s.items()) if (items.put(i.key(), i) != null) return null;
        }
        return items;
    }

    /** An answer: a whole number from the item's min to max. */
    static double value(RatingItem item, String raw) {
        double v;
        try {
            v = Double.parseDouble(raw.replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new FieldType.BadValue("sessions.answerNotANumber", "'" + raw + "' is not a number; item '" + item.key() + "' takes a whole number from "
                    + item.min() + " to " + item.max()).with("value", raw).with("item", item.key()).with("min", item.min()).with("max", item.max());
        }
        if (v != Math.rint(v) || v < item.min() || v > item.max()) {
            throw new FieldType.BadValue("sessions.answerOutOfRange", "'" + raw + "' is outside item '" + item.key() + "': give a whole number from "
                    + item.min() + " to " + item.max()).with("value", raw).with("item", item.key()).with("min", item.min()).with("max", item.max());
        }
        return v;
    }
}
