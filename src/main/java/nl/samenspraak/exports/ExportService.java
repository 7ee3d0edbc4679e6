package nl.samenspraak.exports;

import nl.samenspraak.account.Access;
import nl.samenspraak.account.User;
import nl.samenspraak.project.Project;
import nl.samenspraak.reliability.ReliabilityService;
import nl.samenspraak.reliability.UnitStream;
import nl.samenspraak.report.ProjectReader;
import nl.samenspraak.report.ReportService;
import nl.samenspraak.report.Scope;
import nl.samenspraak.report.Selection;
import nl.samenspraak.results.ConsensusName;
import nl.samenspraak.results.TranscriptRef;
import nl.samenspraak.spreadsheet.CsvTables;
import nl.samenspraak.spreadsheet.ExportInfo;
import nl.samenspraak.spreadsheet.ProjectWorkbook;
import nl.samenspraak.spreadsheet.StatsScripts;
import nl.samenspraak.spreadsheet.UnitCode;
import nl.samenspraak.spreadsheet.WorkbookExtras;
import nl.samenspraak.spreadsheet.WorkbookSize;
import nl.samenspraak.http.ApiException;
import org.jdbi.v3.core.Handle;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Adapts the database to the pure writers of package {@code export}: resolves the selection, computes
 * the session reports and reliability, and streams the unit codes transcript by transcript from one
 * read transaction (each row goes straight into the writer; no list of a million rows).
 * The workbook reads the codes once: the same pass fills Units, Wide and Disagreements and collects the
 * counts and reliability matrices. Progress counts unit-code rows read.
 */
public final class ExportService implements ExportJobs.Writer {
    private final ProjectReader reader;
    private final Access access;
    private final ReportService reports;
    private final ReliabilityService reliability;
    private final ExportExtras extras;
    private final Executor work;

    /** {@code work} runs an export's helper tasks (the database reader, a deflater per sheet) at once, each on a thread of its own. */
    public ExportService(ProjectReader reader, Access access, ReportService reports, ReliabilityService reliability, Executor work) {
        this(reader, access, reports, reliability, null, work);
    }

    /** With {@code extras}, the workbook also holds session data, calibrations and, when asked, a comparison. */
    public ExportService(ProjectReader reader, Access access, ReportService reports, ReliabilityService reliability, ExportExtras extras,
                         Executor work) {
        this.reader = reader;
        this.access = access;
        this.reports = reports;
        this.reliability = reliability;
        this.extras = extras;
        this.work = work;
    }

    /**
     * An export checked and resolved, ready to write: its scope, format and file name, and for a workbook the
     * extras read while the user was known (session data, calibrations, comparison; the consensus is read when written).
     */
    public record Prepared(Scope scope, ExportFormat format, CsvTables.Dialect dialect, String fileName, WorkbookExtras extras, boolean freeText) {
        public Prepared(Scope scope, ExportFormat format, CsvTables.Dialect dialect, String fileName, WorkbookExtras extras) {
            this(scope, format, dialect, fileName, extras, true);
        }

        /** The same export without free text (the units' text, comments, text session fields): for sharing a pseudonymised dataset. */
        public Prepared withoutFreeText() {
            return new Prepared(scope, format, dialect, fileName, extras, false);
        }
    }

    public Prepared prepare(User user, long projectId, ExportFormat format, Selection selection, CsvTables.Dialect dialect) {
        return prepare(user, projectId, format, selection, dialect, null);
    }

    /** As above; a comparison asked for is computed now, so a wrong field or value is answered at once (400). */
    public Prepared prepare(User user, long projectId, ExportFormat format, Selection selection, CsvTables.Dialect dialect,
                            ExportExtras.CompareRequest compare) {
        return prepare(user, projectId, format, selection, dialect, compare, true);
    }

    /** As above; {@code freeText} false leaves the units' text, comments and text session fields out of every file. */
    public Prepared prepare(User user, long projectId, ExportFormat format, Selection selection, CsvTables.Dialect dialect,
                            ExportExtras.CompareRequest compare, boolean freeText) {
        access.requireOthersCodes(user, projectId);
        Project project = reader.project(projectId);
        Scope read = reader.scope(project, selection);
        // Files are read without the app: the consensus goes by its name in the export's language, never its internal one.
        Scope scope = read.withCoders(ConsensusName.shown(read.coders(), selection.language()));
        if (format == ExportFormat.XLSX) requireFits(scope, freeText);
        WorkbookExtras more = extras != null && format == ExportFormat.XLSX ? extras.read(user, scope, compare) : WorkbookExtras.NONE;
        Prepared prepared = new Prepared(scope, format, dialect, fileName(scope.project().name(), format), more);
        return freeText ? prepared : prepared.withoutFreeText();
    }

    /** A workbook too large for an .xlsx (zip32, 4 GiB) is refused before it is written; the CSV files have no such limit. */
    private void requireFits(Scope scope, boolean freeText) {
        WorkbookSize.Volume v = reader.volume(scope);
        if (!freeText) v = new WorkbookSize.Volume(v.codeRows(), 0, v.units(), 0);
        long estimate = WorkbookSize.estimate(v, scope.codebook().codebook().dimensions().size(), scope.coders().size());
        if (!WorkbookSize.fits(estimate)) {
            String gib = String.format(java.util.Locale.ROOT, "%.1f", estimate / (double) (1L << 30));
            throw ApiException.badRequest("export.workbookTooLarge", "This workbook would be about " + gib
                    + " GiB, more than an .xlsx file can hold (4 GiB). Choose fewer transcripts or coders, or export the units as CSV.",
                    Map.of("estimatedBytes", estimate, "limitBytes", WorkbookSize.ZIP32_LIMIT)).with("gib", gib);
        }
    }

    public Prepared prepare(Scope scope, ExportFormat format, CsvTables.Dialect dialect) {
        return new Prepared(scope, format, dialect, fileName(scope.project().name(), format), WorkbookExtras.NONE);
    }

    /** The unit-code rows the export will read (a progress total; a count over the codes, so only jobs ask). */
    @Override
    public long rowsToRead(Prepared p) {
        return p.format() == ExportFormat.FREQUENCIES_CSV || p.format().script() ? 0 : reader.codeCount(p.scope());
    }

    static String fileName(String project, ExportFormat format) {
        return safeName(project, "project") + "-" + Instant.now().toString().substring(0, 10) + format.suffix;
    }

    /** A name as a download's file name: letters, digits, dot, underscore and hyphen, the rest as one hyphen; {@code fallback} when nothing is left. */
    static String safeName(String name, String fallback) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return safe.isEmpty() ? fallback : safe;
    }

    /** Writes the export into a new temp file and returns it; the caller deletes it. */
    @Override
    public Path toTempFile(Prepared p, String prefix, AtomicLong progress) {
        try {
            Path file = Files.createTempFile(prefix, p.format().suffix);
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                write(p, out, progress);
            } catch (RuntimeException | IOException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(Prepared p, OutputStream out, AtomicLong progress) {
        Scope scope = p.scope();
        String lang = scope.selection().language();
        var codebook = scope.codebook().codebook();
        switch (p.format()) {
            case FREQUENCIES_CSV -> CsvTables.frequencies(out, codebook, reports.sessions(scope), lang, p.dialect());
            case SPSS, R -> {
                String project = scope.project().name();
                String units = fileName(project, ExportFormat.UNITS_CSV), frequencies = fileName(project, ExportFormat.FREQUENCIES_CSV);
                String text = p.format() == ExportFormat.SPSS ? StatsScripts.spss(codebook, lang, p.dialect(), project, units, frequencies)
                        : StatsScripts.r(codebook, lang, p.dialect(), project, units, frequencies);
                try {
                    out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            case UNITS_CSV -> reader.inReadTransaction(h -> {
                CsvTables.units(out, text(p, source(h, scope, progress, null, work)), codebook, lang, p.dialect());
                return null;
            });
            case XLSX -> {
                ExportInfo info = new ExportInfo(scope.project().name(), codebook, Instant.now(), scope.coders(), scope.transcripts().size(),
                        lang, scope.selection().bootstrap(), scope.selection().seed(), p.freeText());
                UnitStream stream = new UnitStream(scope);
                reader.inReadTransaction(h -> {
                    WorkbookExtras more = p.extras();
                    more = new WorkbookExtras(ConsensusUnits.of(h, scope).orElse(null), more.sessions(), more.calibrations(), more.comparison(),
                            ConsensusUnits.coverage(h, scope));
                    if (!p.freeText()) more = more.withoutFreeText();
                    new ProjectWorkbook(work).write(out, info, text(p, source(h, scope, progress, stream, work)),
                            () -> new ProjectWorkbook.Summaries(reports.sessions(scope, stream.counts()), reliability.compute(scope, stream)),
                            more, new AtomicLong());
                    return null;
                });
            }
        }
    }

    private static UnitCode.Source text(Prepared p, UnitCode.Source units) {
        return p.freeText() ? units : units.withoutText();
    }

    /**
     * The unit codes of the scope, per transcript in unit order, read on the given handle (one snapshot)
     * by a reader task ({@link Prefetch}); each row also goes into {@code stream} when there is one.
     */
    static UnitCode.Source source(Handle h, Scope scope, AtomicLong progress, UnitStream stream, Executor work) {
        Map<Long, String> coders = new HashMap<>();
        scope.coders().forEach(c -> coders.put(c.id(), c.name()));
        return sink -> {
            if (scope.empty()) return;
            Prefetch.run(rows -> {
                for (TranscriptRef t : scope.transcripts()) stream(h, scope, t, coders, progress, stream, rows);
            }, sink, work);
        };
    }

    /**
     * One instance per distinct short value (speaker, role, dimension, code): the reader thread pays for
     * hashing once, and the writer's shared-string lookups then find a cached hash and an identical string.
     */
    static final class Canon {
        private final Map<String, String> seen = new HashMap<>();

        String of(String s) {
            if (s == null) return null;
            String c = seen.putIfAbsent(s, s);
            return c == null ? s : c;
        }
    }

    /**
     * One transcript's unit codes: the utterances and the codes are read by two cursors in unit order and
     * merged, so each utterance's text, speaker and times are decoded once, not once per code.
     */
    private static void stream(Handle h, Scope scope, TranscriptRef t, Map<Long, String> coders, AtomicLong progress, UnitStream stream,
                               Consumer<UnitCode> sink) {
        String codesSql = """
                SELECT u.seq, c.coder_id, c.dimension, c.code FROM utterances u JOIN codes c ON c.utterance_id = u.id
                WHERE u.transcript_id = ? AND c.coder_id IN (%s) ORDER BY u.seq, c.coder_id, c.dimension"""
                .formatted(String.join(",", java.util.Collections.nCopies(scope.coders().size(), "?")));
        try (PreparedStatement units = h.getConnection().prepareStatement(
                "SELECT seq, speaker_label, speaker_role, text, start_ms, end_ms FROM utterances WHERE transcript_id = ? ORDER BY seq");
             PreparedStatement codes = h.getConnection().prepareStatement(codesSql)) {
            units.setLong(1, t.id());
            codes.setLong(1, t.id());
            for (int i = 0; i < scope.coders().size(); i++) codes.setLong(i + 2, scope.coders().get(i).id());
            Canon canon = new Canon();
            long n = 0;
            try (ResultSet u = units.executeQuery(); ResultSet c = codes.executeQuery()) {
                int seq = Integer.MIN_VALUE;
                String speaker = null, role = null, text = null;
                Long startMs = null, endMs = null;
                while (c.next()) {
                    int unit = c.getInt(1);
                    while (seq < unit && u.next()) {
                        seq = u.getInt(1);
                        speaker = canon.of(u.getString(2));
                        role = canon.of(u.getString(3));
                        text = u.getString(4);
                        long start = u.getLong(5);
                        startMs = u.wasNull() ? null : start;
                        long end = u.getLong(6);
                        endMs = u.wasNull() ? null : end;
                    }
                    if (seq != unit) throw new IllegalStateException("Code for unit " + unit + " of transcript " + t.id() + " without its utterance.");
                    long coderId = c.getLong(2);
                    String dimension = canon.of(c.getString(3)), code = canon.of(c.getString(4));
                    if (stream != null) stream.accept(t.id(), t.name(), unit, coderId, role, dimension, code);
                    sink.accept(new UnitCode(t.id(), t.name(), unit, speaker, role, startMs, endMs, text, coders.get(coderId), dimension, code));
                    if (++n % 1000 == 0) progress.addAndGet(1000);
                }
            }
            progress.addAndGet(n % 1000);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the codes of transcript " + t.id() + " failed", e);
        }
    }
}
