package nl.samenspraak.sessiondata;

import nl.samenspraak.codebook.Codebook.Text;

import java.util.List;

/** A field every session of a project can have: a key, a label in Dutch and English, a type, and for a category its values. */
public record SessionField(String key, Text label, FieldType type, List<String> allowed) {
    public SessionField {
        allowed = allowed == null ? List.of() : List.copyOf(allowed);
    }

    /** The stored text for a raw value; {@link FieldType.BadValue} when it does not fit. */
    public String normalize(String raw) {
        return type.normalize(raw, allowed);
    }
}
