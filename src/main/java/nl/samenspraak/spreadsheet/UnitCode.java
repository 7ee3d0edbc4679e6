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

        /** The same rows without the unit's text (an export without free text). */
        default Source withoutText() {
            return sink -> forEach(u -> sink.accept(new UnitCode(u.transcriptId(), u.transcript(), u.unit(), u.speaker(), u.role(), u.startMs(),
                    u.endMs(), null, u.coder(), u.dimension(), u.code())));
        }
    }
}
