package nl.samenspraak.project;

/** One transcript given to one coder, with who gave it when. */
public record Assignment(long transcriptId, long userId, String assignedAt, Long assignedBy) {}
