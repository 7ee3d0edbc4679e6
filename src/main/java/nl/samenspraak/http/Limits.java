package nl.samenspraak.http;

/** Documented size limits (README: "Limits"). */
public final class Limits {
    private Limits() {}
    /** The largest transcript, codebook or other upload accepted: 20 MiB. */
    public static final long MAX_UPLOAD_BYTES = 20L * 1024 * 1024;
    /** Larger bodies are cut off by the server (413); up to here the size check names the file (400). */
    public static final long MAX_REQUEST_BYTES = 2 * MAX_UPLOAD_BYTES;
}
