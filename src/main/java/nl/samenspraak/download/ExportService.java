package nl.samenspraak.download;

import nl.samenspraak.account.User;
import nl.samenspraak.app.ApiException;
import nl.samenspraak.export.CsvTables;
import nl.samenspraak.export.ExportInfo;
import nl.samenspraak.export.ProjectWorkbook;
import nl.samenspraak.export.UnitCode;
import nl.samenspraak.project.Project;
import nl.samenspraak.reliability.ReliabilityService;
import nl.samenspraak.report.ProjectReader;
import nl.samenspraak.report.ReadAccess;
import nl.samenspraak.report.ReportService;
import nl.samenspraak.report.Scope;
import nl.samenspraak.report.Selection;
import org.jdbi.v3.core.Handle;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Adapts the database to the pure writers of package {@code export}: resolves the selection, computes
 * the session reports and reliability, and streams the unit codes transcript by transcript from one
 * read transaction (each row goes straight into the writer; no list of a million rows).
 * Progress counts unit-code rows read: the workbook reads them three times (Units, Wide, Disagreements).
 */
public final class ExportService {
    private final ProjectReader reader;
    private final ReadAccess readAccess;
    private final ReportService reports;
    private final ReliabilityService reliability;

    public ExportService(ProjectReader reader, ReadAccess readAccess, ReportService reports, ReliabilityService reliability) {
        this.reader = reader;
        this.readAccess = readAccess;
        this.reports = reports;
        this.reliability = reliability;
    }

    /** An export checked and resolved, ready to write: its scope, the total rows to read, the file name. */
    public record Prepared(Scope scope, ExportFormat format, CsvTables.Dialect dialect, long totalRows, String fileName) {}

    public Prepared prepare(User user, long projectId, ExportFormat format, Selection selection, CsvTables.Dialect dialect) {
        Project project = readAccess.require(user, projectId);
        return prepare(reader.scope(project, selection), format, dialect);
    }

    public Prepared prepare(Scope scope, ExportFormat format, CsvTables.Dialect dialect) {
        long codes = format == ExportFormat.FREQUENCIES_CSV ? 0 : reader.codeCount(scope);
        long total = format == ExportFormat.XLSX ? 3 * codes : codes;
        return new Prepared(scope, format, dialect, total, fileName(scope.project().name(), format));
    }

    static String fileName(String project, ExportFormat format) {
        String safe = project.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return (safe.isEmpty() ? "project" : safe) + "-" + Instant.now().toString().substring(0, 10) + format.suffix;
    }

    /** Writes the export into a new temp file and returns it; the caller deletes it. */
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
            case UNITS_CSV -> reader.inReadTransaction(h -> {
                CsvTables.units(out, source(h, scope, progress), codebook, lang, p.dialect());
                return null;
            });
            case XLSX -> {
                var sessions = reports.sessions(scope);
                var figures = reliability.compute(scope);
                ExportInfo info = new ExportInfo(scope.project().name(), codebook, Instant.now(), scope.coders(), scope.transcripts().size(),
                        lang, scope.selection().bootstrap(), scope.selection().seed());
                reader.inReadTransaction(h -> {
                    new ProjectWorkbook().write(out, info, source(h, scope, progress), sessions, figures, new AtomicLong());
                    return null;
                });
            }
            default -> throw ApiException.badRequest("Unknown format " + p.format());
        }
    }

    /** The unit codes of the scope, per transcript in unit order, on the given handle (one snapshot). */
    static UnitCode.Source source(Handle h, Scope scope, AtomicLong progress) {
        Map<Long, String> coders = new HashMap<>();
        scope.coders().forEach(c -> coders.put(c.id(), c.name()));
        return sink -> {
            if (scope.empty()) return;
            for (Scope.TranscriptRef t : scope.transcripts()) stream(h, scope, t, coders, progress, sink);
        };
    }

    private static void stream(Handle h, Scope scope, Scope.TranscriptRef t, Map<Long, String> coders, AtomicLong progress, Consumer<UnitCode> sink) {
        h.createQuery("""
                        SELECT u.seq, u.speaker_label, u.speaker_role, u.text, u.start_ms, u.end_ms, c.coder_id, c.dimension, c.code
                        FROM utterances u JOIN codes c ON c.utterance_id = u.id
                        WHERE u.transcript_id = :t AND c.coder_id IN (<c>) ORDER BY u.seq, c.coder_id, c.dimension""")
                .bind("t", t.id()).bindList("c", scope.coderIds()).setFetchSize(10_000)
                .scanResultSet((supplier, ctx) -> {
                    var rs = supplier.get();
                    long n = 0;
                    while (rs.next()) {
                        long start = rs.getLong(5);
                        Long startMs = rs.wasNull() ? null : start;
                        long end = rs.getLong(6);
                        Long endMs = rs.wasNull() ? null : end;
                        sink.accept(new UnitCode(t.id(), t.name(), rs.getInt(1), rs.getString(2), rs.getString(3), startMs, endMs,
                                rs.getString(4), coders.get(rs.getLong(7)), rs.getString(8), rs.getString(9)));
                        if (++n % 1000 == 0) progress.addAndGet(1000);
                    }
                    progress.addAndGet(n % 1000);
                    return null;
                });
    }
}
