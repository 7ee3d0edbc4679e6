package nl.samenspraak.project;

import java.util.List;

/**
 * A project's settings as its settings page shows them, with what a codebook change would touch:
 * the codes and ratings already made, per codebook version (they keep the version they were made with).
 */
public record ProjectSettings(long id, String name, String codebookKey, String codebookVersion, boolean blindCoding,
                              double calibrationThreshold, String createdAt, long codes, long ratings, List<CodedWith> codedWith,
                              String unitizing, String unitsAfterCoding) {
    /**
     * Who makes and changes units while coding: {@code staff} (admins and trainers), {@code coders} (coders too, on the
     * one set of units of a transcript) or {@code independent} (each coder unitizes their own copy of a recording, so that
     * the reliability page can compare their units: alpha_U).
     */
    public static final List<String> UNITIZING = List.of("staff", "coders", "independent");
    /** Whether the boundaries of units that have codes may still move: {@code locked} or {@code open}. */
    public static final List<String> UNITS_AFTER_CODING = List.of("locked", "open");

    /** The kappa a trainee must reach when a project sets none; the same default the calibration uses. */
    public static final double DEFAULT_THRESHOLD = 0.70;

    /** How many codes and ratings of the project were made with one codebook version. */
    public record CodedWith(String key, String version, long codes, long ratings) {}
}
