package nl.samenspraak.report;

import nl.samenspraak.codebook.SpeakerRole;

import java.util.List;
import java.util.Map;

/**
 * A project's codes held in memory and brought up to date with the database before each use
 * ({@code reliability.CodeCache} is the one there is), so that reports and the export's totals are made
 * without reading every code of the project again when a few changed. Declared here, where it is read,
 * so that {@code report} does not import {@code reliability}.
 */
public interface CodeSource {
    /**
     * The scope's code counts (as {@link ProjectReader#codeCounts} reads them from the database), units per speaker role
     * and number of code rows, all from one snapshot; null when the codes cannot be held in memory on this database
     * (then the caller reads the database).
     */
    Tally tally(Scope scope);

    /**
     * The ids of everyone with at least one code in a live transcript of the project (what the first half of
     * {@code ReportDao.coders} asks SQL, which on a large project scans its units for each user who coded none there);
     * null when the codes cannot be held in memory on this database.
     */
    java.util.Set<Long> coderIds(long projectId, nl.samenspraak.codebook.Codebook codebook);

    /** What {@link #tally} makes: the same rows and numbers the database path makes, in any order. */
    record Tally(List<ProjectReader.CountRow> counts, Map<Long, Map<SpeakerRole, Integer>> unitsPerRole, long codeRows) {}
}
