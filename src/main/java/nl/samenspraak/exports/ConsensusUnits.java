package nl.samenspraak.exports;

import nl.samenspraak.report.Scope;
import nl.samenspraak.results.TranscriptRef;
import nl.samenspraak.spreadsheet.WorkbookExtras.ConsensusCode;
import nl.samenspraak.spreadsheet.WorkbookExtras;
import org.jdbi.v3.core.Handle;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The consensus of adjudication as a stream of units for the Consensus sheet: per transcript of the scope, the
 * consensus coder's codes in unit order, each with the coder and comment of the latest adjudication that
 * set it (none when the code was set directly). One cursor per transcript; one unit in memory at a time.
 */
final class ConsensusUnits {
    private ConsensusUnits() {}

    /** The project's consensus, when it has one and the export is of the original coders; read on {@code h}. */
    static Optional<WorkbookExtras.Consensus> of(Handle h, Scope scope) {
        if (!ExportExtras.wantsConsensus(scope)) return Optional.empty();
        ExportDao dao = h.attach(ExportDao.class);
        return dao.consensusCoder(scope.project().id()).map(id -> new WorkbookExtras.Consensus(sink -> read(dao, scope, id, sink)));
    }

    private static void read(ExportDao dao, Scope scope, long consensus, Consumer<WorkbookExtras.ConsensusUnit> sink) {
        for (TranscriptRef t : scope.transcripts()) {
            Unit unit = new Unit(t, sink);
            dao.consensus(t.id(), consensus, unit::add);
            unit.flush();
        }
    }

    /** The codes of one unit, collected row by row and handed on when the next unit begins. */
    private static final class Unit {
        private final TranscriptRef transcript;
        private final Consumer<WorkbookExtras.ConsensusUnit> sink;
        private ExportDao.ConsensusRow first;
        private Map<String, ConsensusCode> codes;

        Unit(TranscriptRef transcript, Consumer<WorkbookExtras.ConsensusUnit> sink) {
            this.transcript = transcript;
            this.sink = sink;
        }

        void add(ExportDao.ConsensusRow r) {
            if (first == null || r.seq() != first.seq()) {
                flush();
                first = r;
                codes = new LinkedHashMap<>();
            }
            codes.put(r.dimension(), new ConsensusCode(r.code(), r.fromCoder(), r.comment()));
        }

        void flush() {
            if (first != null) {
                sink.accept(new WorkbookExtras.ConsensusUnit(transcript.id(), transcript.name(), first.seq(), first.speakerLabel(),
                        first.speakerRole(), first.text(), codes));
            }
            first = null;
        }
    }
}
