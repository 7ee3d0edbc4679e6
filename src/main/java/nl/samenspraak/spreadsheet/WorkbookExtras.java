package nl.samenspraak.spreadsheet;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the project workbook adds besides the codes: the consensus of adjudication (streamed, a row per
 * unit), the session fields and questionnaire responses, the stored calibrations and, when asked for, one
 * comparison of two groups. A part that is null is left out of the workbook, and the README says why.
 * {@code coverage}: how much of each transcript the consensus codes, said in the README (empty: no consensus).
 */
public record WorkbookExtras(Consensus consensus, Sessions sessions, List<CalibrationRow> calibrations, Comparison comparison,
                             List<Coverage> coverage) {

    public static final WorkbookExtras NONE = new WorkbookExtras(null, null, null, null);

    public WorkbookExtras {
        calibrations = calibrations == null ? null : List.copyOf(calibrations);
        coverage = coverage == null ? List.of() : List.copyOf(coverage);
    }

    public WorkbookExtras(Consensus consensus, Sessions sessions, List<CalibrationRow> calibrations, Comparison comparison) {
        this(consensus, sessions, calibrations, comparison, List.of());
    }

    /** Of a transcript's {@code units}, how many have a consensus code in some dimension. */
    public record Coverage(long transcriptId, String transcript, int units, int covered) {
        public boolean partial() {
            return covered < units;
        }
    }

    /** The consensus code of one unit per dimension, with the coder it was taken from and the comment where stored. */
    public record ConsensusUnit(long transcriptId, String transcript, int unit, String speaker, String role, String text,
                                Map<String, ConsensusCode> codes) {}

    /** {@code source}: agreed, coder or direct (how the code came about); {@code comment}: what the adjudicator wrote. */
    public record ConsensusCode(String code, String fromCoder, String source, String comment) {}

    /** Consensus units in transcript and unit order, pushed to the sink one by one (never held as a list). */
    public interface ConsensusSource {
        void forEach(Consumer<ConsensusUnit> sink);
    }

    /** The consensus coding: its units. */
    public record Consensus(ConsensusSource units) {}

    /** A session field: its key and type (text, number, date or category). */
    public record Field(String key, String type, String label) {}

    /** A questionnaire item: its scale, key, label and range. */
    public record Item(String scale, String key, String label, double min, double max) {}

    /** One transcript's field values (canonical text) and responses. */
    public record SessionRow(long transcriptId, String transcript, Map<String, String> values, Map<String, Double> responses) {}

    public record Sessions(List<Field> fields, String questionnaire, List<Item> items, List<SessionRow> rows) {}

    /** One dimension of one stored calibration; {@code units}: those the reference coded, of the transcript's {@code transcriptUnits}. */
    public record CalibrationRow(long id, String coder, long transcriptId, String transcript, String reference, String computedAt,
                                 String dimension, int units, int transcriptUnits, Double percent, Double kappa, Double alpha, double threshold,
                                 boolean passedDimension, boolean passed) {}

    /** One measure of a comparison of group A with group B. */
    public record ComparisonRow(String kind, String measure, String role, Double meanA, Double sdA, int nA, Double meanB, Double sdB, int nB,
                                Double difference, Double ciLower, Double ciUpper, Double t, Double df, Double p, Double pHolm,
                                Double d, String reason) {}

    public record Comparison(String field, String a, String b, String alternative, int sessionsA, int sessionsB, String perSession,
                             List<ComparisonRow> rows) {}
}
