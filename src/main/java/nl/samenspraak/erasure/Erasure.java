package nl.samenspraak.erasure;

/** What an erasure removes (the preview a page shows before it asks) and what stays of it (the tombstone). */
public final class Erasure {
    private Erasure() {}

    /**
     * Rows (and the recording) of one transcript, with those of the coders' own copies of its recording that go with it
     * ({@code copies} of them, independent unitizing): the counts are of everything the erasure removes.
     */
    public record Removed(int units, int codes, int coders, int ratings, int feedback, int sessionData, int calibrations, int changes,
                          boolean recording, int copies) {}

    /** Before: the transcript's name (typed to confirm), its project, and everything that goes. */
    public record Preview(long transcriptId, long projectId, String project, String name, boolean deleted, Removed removed,
                          String recordingFile, Tombstone erased) {}

    /** After: who erased which transcript, when and why, and how much was removed. {@code removed} is JSON. */
    public record Tombstone(long id, long transcriptId, long projectId, String erasedBy, String erasedAt, String reason, String removed) {}
}
