package nl.samenspraak.results;

/** A transcript as shown in results and spreadsheets: id and name. */
public record TranscriptRef(long id, String name) {}
