package nl.samenspraak.exports;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import nl.samenspraak.account.Access;
import nl.samenspraak.account.User;
import nl.samenspraak.http.ApiException;
import nl.samenspraak.http.Requests;
import nl.samenspraak.report.ReportRoutes;
import nl.samenspraak.report.Selection;
import nl.samenspraak.spreadsheet.CsvTables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Downloads: directly (GET .../export.xlsx, units.csv, frequencies.csv, and the SPSS and R scripts that
 * read both CSV files, export.sps and export.R: written to a temp file, then served and deleted), or as a
 * job for large projects (POST .../exports, poll GET /api/exports/{id}, then GET /api/exports/{id}/file);
 * one transcript as an ELAN file (GET /api/transcripts/{id}/export.eaf); the whole project as a REFI-QDA project
 * (GET /api/projects/{id}/export.qdpx, {@link QdpxExport}). Every form takes the selection
 * query parameters of the reports; a
 * workbook also takes a comparison ({@code compare.field}, {@code compare.a}, {@code compare.b},
 * {@code compare.alternative} in the query, or a {@code compare} object in the job's body).
 */
public final class ExportRoutes {
    /** The body of POST /api/projects/{id}/exports; every field is optional (default: xlsx of everything). */
    /** {@code freeText}: false leaves the units' text, comments and text session fields out (default: in). */
    public record NewExport(String format, List<Long> coders, List<Long> transcripts, Integer bootstrap, Long seed, String lang, String dialect, String dataset,
                            ExportExtras.CompareRequest compare, Boolean freeText) {}

    private final ExportService exports;
    private final ExportJobs jobs;
    private final Access access;
    private final ElanExport elan;
    private final QdpxExport qdpx;

    public ExportRoutes(ExportService exports, ExportJobs jobs, Access access, ElanExport elan, QdpxExport qdpx) {
        this.exports = exports;
        this.jobs = jobs;
        this.access = access;
        this.elan = elan;
        this.qdpx = qdpx;
    }

    public void register(RoutesConfig r) {
        r.get("/api/projects/{projectId}/export.xlsx", ctx -> direct(ctx, ExportFormat.XLSX));
        r.get("/api/projects/{projectId}/units.csv", ctx -> direct(ctx, ExportFormat.UNITS_CSV));
        r.get("/api/projects/{projectId}/frequencies.csv", ctx -> direct(ctx, ExportFormat.FREQUENCIES_CSV));
        r.get("/api/projects/{projectId}/export.sps", ctx -> direct(ctx, ExportFormat.SPSS));
        r.get("/api/projects/{projectId}/export.R", ctx -> direct(ctx, ExportFormat.R));
        r.post("/api/projects/{projectId}/exports", this::start);
        r.get("/api/exports/{jobId}", ctx -> ctx.json(jobs.status(access.user(ctx), ctx.pathParam("jobId"))));
        r.get("/api/exports/{jobId}/file", this::file);
        r.get("/api/transcripts/{transcriptId}/export.eaf", this::elan);
        r.get("/api/projects/{projectId}/export.qdpx", this::qdpx);
    }

    /** The project as a REFI-QDA project; {@code ?lang=nl} names the consensus and the codebook in Dutch. */
    private void qdpx(Context ctx) throws IOException {
        QdpxExport.Download d = qdpx.prepare(access.user(ctx), Requests.id(ctx, "projectId"), "nl".equals(ctx.queryParam("lang")) ? "nl" : "en");
        // Checked and named first; then written straight to the response, so a large project needs no copy in memory or on disk.
        headers(ctx, d.fileName(), "application/zip");
        d.content().writeTo(ctx.outputStream());
        ctx.outputStream().flush();
    }

    /** One transcript as an ELAN file; {@code ?lang=nl} names the consensus in Dutch. */
    private void elan(Context ctx) {
        ElanExport.File f = elan.export(access.user(ctx), Requests.id(ctx, "transcriptId"), "nl".equals(ctx.queryParam("lang")) ? "nl" : "en");
        serve(ctx, new java.io.ByteArrayInputStream(f.content()), f.fileName(), "application/xml; charset=utf-8");
    }

    private void direct(Context ctx, ExportFormat format) {
        var prepared = exports.prepare(access.user(ctx), Requests.id(ctx, "projectId"), format, ReportRoutes.selection(ctx), dialect(ctx.queryParam("dialect")),
                compare(ctx), freeText(ctx.queryParam("freeText")));
        Path file = exports.toTempFile(prepared, "samenspraak-direct-", new AtomicLong());
        try {
            // Linux unlinks a DELETE_ON_CLOSE file as it opens it: nothing is left behind, whatever the client does.
            serve(ctx, Files.newInputStream(file, StandardOpenOption.DELETE_ON_CLOSE), prepared.fileName(), format.mediaType);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void start(Context ctx) {
        User user = access.user(ctx);
        NewExport req = ctx.body().isBlank() ? new NewExport(null, null, null, null, null, null, null, null, null, null) : Requests.body(ctx, NewExport.class);
        Selection selection = Selection.parse(join(req.coders()), join(req.transcripts()), req.bootstrap() == null ? null : req.bootstrap().toString(),
                req.seed() == null ? null : req.seed().toString(), req.lang(), req.dataset());
        var prepared = exports.prepare(user, Requests.id(ctx, "projectId"), ExportFormat.parse(req.format()), selection, dialect(req.dialect()),
                req.compare(), req.freeText() == null || req.freeText());
        ctx.status(202).json(jobs.start(user, prepared));
    }

    private void file(Context ctx) {
        ExportJobs.Download d = jobs.take(access.user(ctx), ctx.pathParam("jobId"));
        serve(ctx, d.content(), d.fileName(), d.mediaType());
    }

    private static void serve(Context ctx, java.io.InputStream content, String fileName, String mediaType) {
        headers(ctx, fileName, mediaType);
        ctx.result(content);
    }

    private static void headers(Context ctx, String fileName, String mediaType) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
        ctx.header("Cache-Control", "no-store");
        ctx.contentType(mediaType);
    }

    /** The comparison a direct download asks for: {@code compare.field}, {@code compare.a}, {@code compare.b}, {@code compare.alternative}. */
    private static ExportExtras.CompareRequest compare(Context ctx) {
        return new ExportExtras.CompareRequest(ctx.queryParam("compare.field"), ctx.queryParam("compare.a"), ctx.queryParam("compare.b"),
                ctx.queryParam("compare.alternative"));
    }

    /** {@code ?freeText=false} (or 0, no) leaves free text out of a direct download. */
    static boolean freeText(String text) {
        if (text == null || text.isBlank() || text.equalsIgnoreCase("true") || text.equals("1") || text.equalsIgnoreCase("yes")) return true;
        if (text.equalsIgnoreCase("false") || text.equals("0") || text.equalsIgnoreCase("no")) return false;
        throw ApiException.badRequest("export.badFreeText", "Parameter 'freeText': use true (the units' text and comments in) or false (left out); got '"
                + text + "'.").with("value", text);
    }

    static CsvTables.Dialect dialect(String text) {
        if (text == null || text.isBlank() || text.equalsIgnoreCase("standard")) return CsvTables.Dialect.STANDARD;
        if (text.equalsIgnoreCase("excel-nl")) return CsvTables.Dialect.EXCEL_NL;
        throw ApiException.badRequest("export.badDialect", "Parameter 'dialect': use standard (comma, decimal point) or excel-nl (semicolon, decimal comma); got '"
                + text + "'.").with("value", text);
    }

    private static String join(List<Long> ids) {
        return ids == null ? null : String.join(",", ids.stream().map(String::valueOf).toList());
    }
}
