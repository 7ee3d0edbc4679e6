package nl.samenspraak.transcript.format;

/**
 * One turn as read from a transcript file, before segmentation.
 *
 * @param speaker the speaker label as written in the file
 * @param text    the words, whitespace-normalised
 * @param startMs start time in milliseconds, or null when the format has none
 * @param endMs   end time in milliseconds, or null
 * @param source  where in the file it came from ("line 12", "cue 3", "row 5", "tier KM"), for messages
 */
public record ParsedTurn(String speaker, String text, Long startMs, Long endMs, String source) {}
