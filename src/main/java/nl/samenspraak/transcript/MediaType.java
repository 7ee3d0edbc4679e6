package nl.samenspraak.transcript;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The recording formats accepted, by file extension, each with the bytes its files start with.
 * Checking the start of the file as well keeps an HTML page renamed to .mp3 from being served
 * back as media.
 */
enum MediaType {
    MP3("mp3", "audio/mpeg"),
    M4A("m4a", "audio/mp4"),
    WAV("wav", "audio/wav"),
    OGG("ogg", "audio/ogg"),
    OPUS("opus", "audio/ogg"),
    FLAC("flac", "audio/flac"),
    WEBM("webm", "video/webm"),
    MP4("mp4", "video/mp4");

    /** How many leading bytes {@link #matches} looks at. */
    static final int SNIFF_BYTES = 12;

    final String extension;
    final String contentType;

    MediaType(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    static Optional<MediaType> forFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) return Optional.empty();
        String ext = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.extension.equals(ext)).findFirst();
    }

    static String accepted() {
        return String.join(", ", Arrays.stream(values()).map(t -> "." + t.extension).toList());
    }

    /** Whether the file's first bytes fit the format (signatures of the container formats). */
    boolean matches(byte[] head, int n) {
        return switch (this) {
            case MP3 -> starts(head, n, 0, "ID3") || n >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xE0) == 0xE0;
            case M4A, MP4 -> starts(head, n, 4, "ftyp");
            case WAV -> starts(head, n, 0, "RIFF") && starts(head, n, 8, "WAVE");
            case OGG, OPUS -> starts(head, n, 0, "OggS");
            case FLAC -> starts(head, n, 0, "fLaC") || starts(head, n, 0, "ID3");
            case WEBM -> n >= 4 && (head[0] & 0xFF) == 0x1A && (head[1] & 0xFF) == 0x45
                    && (head[2] & 0xFF) == 0xDF && (head[3] & 0xFF) == 0xA3;
        };
    }

    private static boolean starts(byte[] head, int n, int at, String ascii) {
        byte[] want = ascii.getBytes(StandardCharsets.US_ASCII);
        if (n < at + want.length) return false;
        for (int i = 0; i < want.length; i++) if (head[at + i] != want[i]) return false;
        return true;
    }
}
