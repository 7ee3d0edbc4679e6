package nl.samenspraak.transcript;

/**
 * The recording of a transcript, as stored: {@code storedName} is the file in the media folder;
 * {@code durationMs} as read from the file (null when it could not be read, or was stored before durations were).
 */
public record Media(long transcriptId, String fileName, String storedName, String contentType, long sizeBytes,
                    String uploadedAt, Long uploadedBy, Long durationMs) {}
