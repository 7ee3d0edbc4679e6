package nl.samenspraak.transcript.format;

import java.util.List;

/** A transcript file read into turns; {@code format} is one of docx, txt, vtt, srt, csv, eaf. */
public record ParsedTranscript(String format, List<ParsedTurn> turns) {}
