package nl.samenspraak.sessiondata;

import nl.samenspraak.codebook.Keys;
import nl.samenspraak.http.ApiException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks of a field list, each refusal naming the field. */
final class FieldChecks {
    private FieldChecks() {}

    static List<SessionField> check(List<SessionField> fields) {
        if (fields == null) throw ApiException.badRequest("sessiondata.fieldsMissing", "Field 'fields': send the list of session fields (it may be empty).");
        Set<String> keys = new HashSet<>();
        List<SessionField> out = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            SessionField f = fields.get(i);
            String at = "Field 'fields[" + i + "]";
            int n = i + 1;
            if (f == null) throw ApiException.badRequest("sessiondata.fieldMissing", at + "': give a field object.").with("n", n);
            if (f.key() == null || !Keys.isValid(f.key())) throw ApiException.badRequest("sessiondata.badFieldKey", at + ".key': " + Keys.rule()).with("n", n).with("max", Keys.MAX_LENGTH);
            if (!keys.add(f.key())) throw ApiException.badRequest("sessiondata.fieldKeyTwice", at + ".key': the key '" + f.key() + "' is used twice.").with("key", f.key());
            if (f.label() == null || f.label().nl() == null || f.label().nl().isBlank() || f.label().en() == null || f.label().en().isBlank()) {
                throw ApiException.badRequest("sessiondata.labelMissing", at + ".label': give a label in Dutch and English: {\"nl\": \"...\", \"en\": \"...\"}.").with("n", n);
            }
            if (f.type() == null) throw ApiException.badRequest("sessiondata.typeMissing", at + ".type': use text, number, date or category.").with("n", n);
            List<String> allowed = f.allowed().stream().map(a -> a == null ? "" : a.strip()).toList();
            if (f.type() == FieldType.CATEGORY && (allowed.isEmpty() || allowed.contains("") || new HashSet<>(allowed).size() != allowed.size())) {
                throw ApiException.badRequest("sessiondata.badAllowed", at + ".allowed': a category needs its allowed values, each once and not empty.").with("n", n);
            }
            out.add(new SessionField(f.key(), f.label(), f.type(), f.type() == FieldType.CATEGORY ? allowed : List.of()));
        }
        return out;
    }
}
