package nl.samenspraak.transcript;

/**
 * A stored transcript (not its utterances). {@code units} counts its utterances. A coder's own copy of a recording
 * (independent unitizing, {@link UnitCopies}) names its source ({@code sourceTranscriptId}, {@code sourceTranscript})
 * and its coder ({@code unitizedBy}, {@code unitizedByName}); for any other transcript these are null.
 */
public record Transcript(long id, long projectId, String name, String fileName, String format, String segmentation,
                         boolean rolesConfirmed, String createdAt, int units, Long sourceTranscriptId, String sourceTranscript,
                         Long unitizedBy, String unitizedByName) {}
