package nl.samenspraak.transcript.format;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a speaker label at the start of a line: {@code "KM: ..."}, {@code "Klant: ..."},
 * {@code "klantmanager Ans: ..."}, {@code "[SPEAKER_01]: ..."} (WhisperX), or a label followed
 * by a tab (a Word table pasted as text). A bracketed label without a colon counts only when it
 * is a diarisation label ({@code "[SPEAKER_00] ..."}) or carries a confidence
 * ({@code "[SPEAKER_00 | 0.72] ..."}), since "[lacht]" or "[MUSIC]" at the start of a line is
 * a sound, not a speaker.
 *
 * <p>A label starts with a letter and is at most {@value #MAX_WORDS} words and
 * {@value #MAX_CHARS} characters of letters, digits, spaces, dots, hyphens, apostrophes,
 * underscores and brackets. So "Let op: ..." inside a turn is read as a label too; that is the
 * price of accepting names like "Dr. de Vries", and the caller shows every label found before
 * an import is final. A clock time ("12:30") or a web address ("https://...") is never a label.
 */
final class SpeakerLabels {
    private SpeakerLabels() {}

    static final int MAX_WORDS = 4;
    static final int MAX_CHARS = 40;

    private static final Pattern LABELLED = Pattern.compile(
            "^\\s*\\[?(\\p{L}[\\p{L}\\p{M}\\p{N} ._'’()\\-]*?)\\]?\\s*(?::|\\t)\\s*(.*)$", Pattern.DOTALL);

    private static final Pattern BRACKETED = Pattern.compile(
            "^\\s*\\[\\s*(\\p{L}[^\\]|:]{0,39}?)\\s*(\\|\\s*-?\\d+(?:[.,]\\d+)?\\s*)?\\]\\s*(:?)\\s*(.*)$", Pattern.DOTALL);
    private static final Pattern DIARISED = Pattern.compile("(?i)(speaker|spreker|spk|sprecher)[ _-]?\\d{1,3}");

    /**
     * Words that head a transcript's preamble ("Datum: 12 maart 2024") rather than a turn; such
     * lines are skipped while no turn has been read yet, and read as turns after that.
     */
    private static final Set<String> PREAMBLE_KEYS = Set.of(
            "datum", "date", "tijd", "time", "duur", "duration", "titel", "title", "onderwerp", "subject",
            "locatie", "location", "plaats", "deelnemers", "participants", "aanwezig", "aanwezigen",
            "opname", "recording", "transcriptie", "transcript", "transcribent", "gesprek", "sessie",
            "session", "interview", "bestand", "file", "project", "codeur", "coder", "versie", "version");

    /** A label and the text after it. */
    record Labelled(String speaker, String text) {}

    /** The label at the start of {@code line}, or empty when the line has none. */
    static Optional<Labelled> parse(String line) {
        Matcher b = TextFormat.firstNonSpace(line) == '[' ? BRACKETED.matcher(line) : null;
        if (b != null && b.matches() && (b.group(2) != null || !b.group(3).isEmpty() || DIARISED.matcher(b.group(1)).matches()))
            return Optional.of(new Labelled(TurnList.normalise(b.group(1)), b.group(4)));
        Matcher m = LABELLED.matcher(line);
        if (!m.matches()) return Optional.empty();
        String label = TurnList.normalise(m.group(1));
        String rest = m.group(2);
        if (label.length() > MAX_CHARS || label.split(" ").length > MAX_WORDS) return Optional.empty();
        if (rest.startsWith("//")) return Optional.empty();
        return Optional.of(new Labelled(label, rest));
    }

    /** Whether a label names preamble ("Datum", "Gesprek 3") rather than a speaker. */
    static boolean isPreambleKey(String label) {
        String first = label.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")[0];
        return PREAMBLE_KEYS.contains(first);
    }
}
