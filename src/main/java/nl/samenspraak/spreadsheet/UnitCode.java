package nl.samenspraak.spreadsheet;

/**
 * One code of one coder on one unit, with the unit's context: a row of the long table. Sources deliver
 * them per transcript in unit order, so rows of one unit are adjacent.
 */
public record UnitCode(long transcriptId, String transcript, int unit, String speaker, String role, Long startMs, Long endMs,
                       String text, String coder, String dimension, String code) {

    /** Streams the rows; called once per sheet or table that needs them. */
    public interface Source {
        void forEach(java.util.function.Consumer<UnitCode> sink);
    }
}
