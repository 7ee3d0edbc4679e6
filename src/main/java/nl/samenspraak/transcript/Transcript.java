package nl.samenspraak.transcript;

/** A stored transcript (not its utterances). {@code units} counts its utterances. */
public record Transcript(long id, long projectId, String name, String fileName, String format, String segmentation,
                         boolean rolesConfirmed, String createdAt, int units) {}
