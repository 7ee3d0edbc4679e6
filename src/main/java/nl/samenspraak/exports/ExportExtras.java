package nl.samenspraak.exports;

import nl.samenspraak.account.Access;
import nl.samenspraak.account.Role;
import nl.samenspraak.account.User;
import nl.samenspraak.calibration.CalibrationResult;
import nl.samenspraak.calibration.CalibrationService;
import nl.samenspraak.codebook.Codebook;
import nl.samenspraak.codebook.StoredCodebook;
import nl.samenspraak.compare.WelchResult;
import nl.samenspraak.report.Scope;
import nl.samenspraak.report.Selection;
import nl.samenspraak.results.ConsensusName;
import nl.samenspraak.sessiondata.ComparisonService;
import nl.samenspraak.sessiondata.SessionDataService;
import nl.samenspraak.spreadsheet.WorkbookExtras.CalibrationRow;
import nl.samenspraak.spreadsheet.WorkbookExtras.ComparisonRow;
import nl.samenspraak.spreadsheet.WorkbookExtras;
import org.jdbi.v3.core.Jdbi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what the workbook shows besides the codes, when the export is prepared (while the user is known):
 * session data and the comparison for admins, trainers and analysts, the stored calibrations (a coder's
 * own only). All are small: a row per transcript, calibration dimension or measure. The consensus is
 * streamed when the workbook is written ({@link ConsensusUnits}).
 */
public final class ExportExtras {
    /** A comparison the export asks for; {@code alternative} is optional (two-sided). */
    public record CompareRequest(String field, String a, String b, String alternative) {
        public boolean asked() {
            return field != null && !field.isBlank();
        }
    }

    private final Jdbi jdbi;
    private final Access access;
    private final SessionDataService sessions;
    private final CalibrationService calibrations;
    private final ComparisonService comparisons;

    public ExportExtras(Jdbi jdbi, Access access, SessionDataService sessions, CalibrationService calibrations, ComparisonService comparisons) {
        this.jdbi = jdbi;
        this.access = access;
        this.sessions = sessions;
        this.calibrations = calibrations;
        this.comparisons = comparisons;
    }

    /** The extras of the workbook, consensus aside (it is added when written). */
    WorkbookExtras read(User user, Scope scope, CompareRequest compare) {
        long projectId = scope.project().id();
        Role role = access.require(user, projectId);
        boolean reader = role != Role.CODER;
        WorkbookExtras.Comparison comparison = compare != null && compare.asked() ? comparison(user, projectId, compare) : null;
        return new WorkbookExtras(null, reader ? sessions(scope) : null, calibrations(projectId, reader ? null : user.id(),
                scope.selection().language()), comparison);
    }

    private WorkbookExtras.Sessions sessions(Scope scope) {
        long projectId = scope.project().id();
        String lang = scope.selection().language();
        List<WorkbookExtras.Field> fields = sessions.fields(projectId).stream()
                .map(f -> new WorkbookExtras.Field(f.key(), f.type().key(), f.label().in(lang))).toList();
        Optional<StoredCodebook> instrument = sessions.questionnaire(projectId);
        List<WorkbookExtras.Item> items = new ArrayList<>();
        instrument.ifPresent(s -> {
            for (Codebook.RatingScale scale : s.codebook().ratingScales()) {
                for (Codebook.RatingItem i : scale.items()) items.add(new WorkbookExtras.Item(scale.key(), i.key(), i.label().in(lang), i.min(), i.max()));
            }
        });
        Map<Long, Map<String, String>> values = sessions.projectValues(projectId);
        Map<Long, Map<String, Double>> responses = instrument.map(s -> sessions.projectResponses(projectId, s.key())).orElse(Map.of());
        List<WorkbookExtras.SessionRow> rows = scope.transcripts().stream().map(t -> new WorkbookExtras.SessionRow(t.id(), t.name(),
                values.getOrDefault(t.id(), Map.of()), responses.getOrDefault(t.id(), Map.of()))).toList();
        return new WorkbookExtras.Sessions(fields, instrument.map(s -> s.key() + " " + s.version()).orElse(null), items, rows);
    }

    /** The stored calibrations (a coder's own only, when given), the consensus as reference by its name in the export's language. */
    private List<CalibrationRow> calibrations(long projectId, Long coder, String language) {
        List<CalibrationResult.Run> runs = calibrations.stored(projectId, coder);
        Map<Long, String> names = new HashMap<>();
        Map<Long, Integer> units = new HashMap<>();
        if (!runs.isEmpty()) {
            List<Long> ids = runs.stream().flatMap(r -> java.util.stream.Stream.of(r.coderId(), r.referenceCoderId())).distinct().toList();
            List<Long> transcripts = runs.stream().map(CalibrationResult.Run::transcriptId).distinct().toList();
            jdbi.useExtension(ExportDao.class, dao -> {
                dao.users(ids).forEach(p -> names.put(p.id(), ConsensusName.shown(p.name(), language)));
                dao.units(transcripts).forEach(c -> units.put(c.transcriptId(), c.units()));
            });
        }
        List<CalibrationRow> rows = new ArrayList<>();
        for (CalibrationResult.Run r : runs) {
            for (CalibrationResult.Summary d : r.dimensions()) {
                rows.add(new CalibrationRow(r.id(), names.get(r.coderId()), r.transcriptId(), r.transcript(), names.get(r.referenceCoderId()),
                        r.computedAt(), d.dimension(), d.units(), units.getOrDefault(r.transcriptId(), 0), d.percent(), d.kappa(), d.alpha(),
                        r.threshold(), d.passed(), r.passed()));
            }
        }
        return rows;
    }

    private WorkbookExtras.Comparison comparison(User user, long projectId, CompareRequest req) {
        ComparisonService.ComparisonResult c = comparisons.compare(user, projectId, req.field(), req.a(), req.b(), req.alternative(), null);
        List<ComparisonRow> rows = new ArrayList<>();
        for (ComparisonService.Measure m : c.measures()) {
            WelchResult r = m.result();
            rows.add(new ComparisonRow(m.kind(), m.key(), m.role(), r.a().mean(), r.a().sd(), r.a().n(), r.b().mean(), r.b().sd(), r.b().n(),
                    r.difference(), r.ciLower(), r.ciUpper(), r.t(), r.df(), r.p(), m.pHolm(), r.cohenD(),
                    r.reason() != null ? r.reason() : r.effectReason()));
        }
        return new WorkbookExtras.Comparison(c.field(), c.a().value(), c.b().value(), c.alternative().key(), c.a().transcripts().size(),
                c.b().transcripts().size(), c.perSession(), rows);
    }

    /** Whether the workbook gets a Consensus sheet: not when the export is of the consensus itself. */
    static boolean wantsConsensus(Scope scope) {
        return scope.selection().dataset() == Selection.Dataset.CODERS;
    }
}
