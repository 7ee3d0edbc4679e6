package nl.samenspraak.exports;

import nl.samenspraak.report.Scope;
import nl.samenspraak.results.TranscriptRef;
import nl.samenspraak.spreadsheet.WorkbookExtras.ConsensusCode;
import nl.samenspraak.spreadsheet.WorkbookExtras;
import org.jdbi.v3.core.Handle;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The consensus of adjudication as a stream of units for the Consensus sheet: per transcript of the scope, the
 * consensus coder's codes in unit order, each with the source, coder and comment of the latest adjudication
 * that set it (no coder when the code was agreed or set directly). One cursor per transcript; one unit in memory at a time.
 */
final class ConsensusUnits {
    private ConsensusUnits() {}

    /** The project's consensus, when it has one and the export is of the original coders; read on {@code h}. */
    static Optional<WorkbookExtras.Consensus> of(Handle h, Scope scope) {
        if (!ExportExtras.wantsConsensus(scope)) return Optional.empty();
        ExportDao dao = h.attach(ExportDao.class);
        return dao.consensusCoder(scope.project().id()).map(id -> new WorkbookExtras.Consensus(sink -> read(dao, scope, id, sink)));
    }

    /**
     * Per transcript of the scope that has consensus codes, in the scope's order: its units and how many of them the
     * consensus codes (in any dimension); read whatever the dataset, so an export of a partial consensus says so too.
     */
    static List<WorkbookExtras.Coverage> coverage(Handle h, Scope scope) {
        ExportDao dao = h.attach(ExportDao.class);
        Optional<Long> consensus = dao.consensusCoder(scope.project().id());
        if (consensus.isEmpty() || scope.transcripts().isEmpty()) return List.of();
        Map<Long, ExportDao.Covered> covered = new HashMap<>();
        dao.covered(scope.transcriptIds(), consensus.get()).forEach(c -> covered.put(c.transcriptId(), c));
        return scope.transcripts().stream().map(t -> covered.get(t.id())).filter(c -> c != null && c.covered() > 0)
                .map(c -> new WorkbookExtras.Coverage(c.transcriptId(), name(scope, c.transcriptId()), c.units(), c.covered())).toList();
    }

    private static String name(Scope scope, long transcriptId) {
        return scope.transcripts().stream().filter(t -> t.id() == transcriptId).findFirst().map(TranscriptRef::name).orElse("");
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
            codes.put(r.dimension(), new ConsensusCode(r.code(), r.fromCoder(), r.source(), r.comment()));
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
