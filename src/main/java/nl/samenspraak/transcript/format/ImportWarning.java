package nl.samenspraak.transcript.format;

/**
 * Something the reader did that the user should see before importing: lines left out without a
 * speaker, times that run backwards, tiers left out, a guessed encoding. {@code code} is stable
 * (no-speaker, time-backwards, tier-left-out, encoding-guessed, unknown-speaker, time-interpolated,
 * no-time, times-guessed, dependent-left-out, more); {@code location} may be null. {@code message}
 * and {@code location} are the English texts; {@code said} and {@code place} are the same with
 * their codes and values, for a page that says them in its own language.
 */
public record ImportWarning(String code, String location, String message, Said said, Place place) {

    ImportWarning(String code, Place place, Said said) {
        this(code, place == null ? null : place.text(), said.text(), said, place);
    }
}
