package nl.samenspraak.transcript.format;

/**
 * A transcript file that cannot be imported. The message names the file, the place (line, cue,
 * row or tier) and the problem, e.g. {@code "gesprek.srt, cue 4: the end time 00:00:03,000 is
 * before the start time 00:00:05,000."}. It may carry what was read before the problem (the
 * columns or tiers to choose from), so a preview can offer the choice that fixes it.
 */
public class TranscriptFormatException extends RuntimeException {
    private final String file;
    private final String location;
    private final String problem;
    private transient FileReading reading;

    public TranscriptFormatException(String file, String location, String problem) {
        super(file + (location == null ? "" : ", " + location) + ": " + problem);
        this.file = file;
        this.location = location;
        this.problem = problem;
    }

    public String file() { return file; }
    /** "line 12", "cue 3", "row 5", "tier KM", or null when the problem is the whole file. */
    public String location() { return location; }
    public String problem() { return problem; }
    /** What was read of the file before the problem, or null. */
    public FileReading reading() { return reading; }

    TranscriptFormatException withReading(FileReading r) {
        if (reading == null) reading = r;
        return this;
    }
}
