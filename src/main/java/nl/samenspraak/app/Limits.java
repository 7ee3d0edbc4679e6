package nl.samenspraak.app;

/** Documented size limits (README: "Limits"). */
public final class Limits {
    private Limits() {}
    /** The largest transcript, codebook or other upload accepted: 20 MiB. */
    public static final long MAX_UPLOAD_BYTES = 20L * 1024 * 1024;
    /** A request body may carry one upload plus form overhead. */
    public static final long MAX_REQUEST_BYTES = MAX_UPLOAD_BYTES + 1024 * 1024;
}
