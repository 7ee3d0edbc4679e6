package nl.samenspraak.sessiondata;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/** The type of a session field; each turns raw input into the stored canonical text, or says what is wrong. */
public enum FieldType {
    TEXT, NUMBER, DATE, CATEGORY;

    private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("d-M-uuuu");

    @com.fasterxml.jackson.annotation.JsonValue
    public String key() { return name().toLowerCase(Locale.ROOT); }

    @com.fasterxml.jackson.annotation.JsonCreator
    public static FieldType fromKey(String key) {
        if (key == null) return null;
        for (FieldType t : values()) if (t.key().equalsIgnoreCase(key.strip())) return t;
        return null;
    }

    /**
     * Thrown with a sentence for the user when a value does not fit its field; {@code code}
     * ({@code sessions.<problem>}) names the sentence and {@code params} the values it names.
     */
    public static final class BadValue extends RuntimeException {
        private final String code;
        private final Map<String, Object> params = new LinkedHashMap<>();

        BadValue(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        /** Adds a value the sentence names; returns this, to be thrown. */
        BadValue with(String name, Object value) {
            params.put(name, value);
            return this;
        }

        public String code() { return code; }
        public Map<String, Object> params() { return Collections.unmodifiableMap(params); }
    }

    /**
     * The canonical text of {@code raw} (already stripped, not empty): numbers without trailing zeros
     * (a decimal comma is read as a point, as Dutch Excel writes it), dates as yyyy-mm-dd (also read from
     * d-m-yyyy), a category exactly as listed (matched ignoring case).
     */
    public String normalize(String raw, List<String> allowed) {
        return switch (this) {
            case TEXT -> raw;
            case NUMBER -> number(raw);
            case DATE -> date(raw);
            case CATEGORY -> allowed.stream().filter(a -> a.equalsIgnoreCase(raw)).findFirst()
                    .orElseThrow(() -> new BadValue("sessions.notAllowed", "'" + raw + "' is not one of the allowed values (" + String.join(", ", allowed) + ")")
                            .with("value", raw).with("allowed", String.join(", ", allowed)));
        };
    }

    static String number(String raw) {
        String s = raw.contains(".") ? raw : raw.replace(',', '.');
        try {
            BigDecimal d = new BigDecimal(s);
            return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            throw new BadValue("sessions.notANumber", "'" + raw + "' is not a number").with("value", raw);
        }
    }

    static String date(String raw) {
        try {
            return LocalDate.parse(raw).toString();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(raw, DUTCH_DATE).toString();
            } catch (DateTimeParseException e2) {
                throw new BadValue("sessions.notADate", "'" + raw + "' is not a date; write it as yyyy-mm-dd (or d-m-yyyy)").with("value", raw);
            }
        }
    }
}
