package nl.samenspraak.transcript.audio;

/**
 * Why the peaks of a recording could not be computed: no decoder for its format on this server, or the
 * file does not decode. The caller (the waveform service) turns it into an answer with a stable code.
 */
public final class AudioException extends Exception {
    /** What went wrong, for the caller's status and error code. */
    public enum Reason {
        /** The format needs ffmpeg, and ffmpeg is not installed. */
        NO_DECODER,
        /** The decoder refused the file, or it ended before its audio. */
        UNDECODABLE,
        /** The decoder took longer than allowed and was stopped. */
        TIMEOUT
    }

    private final Reason reason;

    public AudioException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public AudioException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() { return reason; }
}
