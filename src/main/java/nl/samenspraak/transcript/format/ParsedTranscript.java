package nl.samenspraak.transcript.format;

import java.util.List;

/** A transcript file read whole into turns (small files and tests); {@code format} as in {@link TranscriptReader#FORMATS}. */
public record ParsedTranscript(String format, List<ParsedTurn> turns, FileReading reading) {}
