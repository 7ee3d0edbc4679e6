package nl.samenspraak.transcript.format;

/**
 * A transcript file that cannot be imported. The message names the file, the place (line, cue,
 * row or tier) and the problem, e.g. {@code "gesprek.srt, cue 4: the end time 00:00:03,000 is
 * before the start time 00:00:05,000."}. It may carry what was read before the problem (the
 * columns or tiers to choose from), so a preview can offer the choice that fixes it. The problem
 * and the place are also there with their codes and values ({@link #said()}, {@link #place()}).
 */
public class TranscriptFormatException extends RuntimeException {
    private final String file;
    private final Place place;
    private final Said said;
    private transient FileReading reading;

    public TranscriptFormatException(String file, Place place, Said said) {
        super(file + (place == null ? "" : ", " + place.text()) + ": " + said.text());
        this.file = file;
        this.place = place;
        this.said = said;
    }

    public String file() { return file; }
    /** "line 12", "cue 3", "row 5", "tier KM", or null when the problem is the whole file. */
    public String location() { return place == null ? null : place.text(); }
    public String problem() { return said.text(); }
    /** The problem with its code and values. */
    public Said said() { return said; }
    /** The place with its code and values, or null. */
    public Place place() { return place; }
    /** What was read of the file before the problem, or null. */
    public FileReading reading() { return reading; }

    TranscriptFormatException withReading(FileReading r) {
        if (reading == null) reading = r;
        return this;
    }
}
