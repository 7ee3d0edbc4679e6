package nl.samenspraak.transcript;

/** The recording of a transcript, as stored: {@code storedName} is the file in the media folder. */
public record Media(long transcriptId, String fileName, String storedName, String contentType, long sizeBytes,
                    String uploadedAt, Long uploadedBy) {}
