package nl.samenspraak.transcript;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import nl.samenspraak.account.Access;
import nl.samenspraak.http.BodyType;
import nl.samenspraak.http.ErrorMapper;
import nl.samenspraak.http.Requests;
import nl.samenspraak.transcript.format.TooManyUnitsException;
import nl.samenspraak.transcript.format.TranscriptFormatException;

import java.util.Map;

/** The import page's routes: a preview that stores nothing, and the import, both taking the same files and options. */
public final class ImportRoutes {
    private final ImportService imports;
    private final Access access;

    public ImportRoutes(ImportService imports, Access access) {
        this.imports = imports;
        this.access = access;
    }

    public void register(RoutesConfig r) {
        // A refused transcript file, from whichever route reads it: a 400 (413 past the unit limit) naming file, place and problem.
        r.exception(TranscriptFormatException.class, (e, ctx) -> refuse(ctx, 400, e));
        r.exception(TooManyUnitsException.class, (e, ctx) -> refuse(ctx, 413, e));
        // POI's own failures are caught by the readers and named there; this is the net under them.
        r.exception(org.apache.poi.util.RecordFormatException.class, (e, ctx) -> officeUnreadable(ctx, e));
        r.exception(org.apache.poi.ooxml.POIXMLException.class, (e, ctx) -> officeUnreadable(ctx, e));
        r.post("/api/projects/{projectId}/transcripts/preview", this::preview, BodyType.UPLOAD);
        r.post("/api/projects/{projectId}/transcripts", this::importFiles, BodyType.UPLOAD);
    }

    private void preview(Context ctx) {
        long projectId = Requests.id(ctx, "projectId");
        imports.requireImporter(access.user(ctx), projectId);
        ctx.json(Map.of("transcripts", imports.preview(access.user(ctx), projectId, ImportRequest.files(ctx), ImportRequest.options(ctx))));
    }

    private void importFiles(Context ctx) {
        long projectId = Requests.id(ctx, "projectId");
        imports.requireImporter(access.user(ctx), projectId);
        var imported = imports.importAll(access.user(ctx), projectId, ImportRequest.files(ctx), ImportRequest.options(ctx));
        ctx.status(201).json(Map.of("transcripts", imported));
    }

    private static void refuse(Context ctx, int status, TranscriptFormatException e) {
        String where = e.location() == null ? "" : ", " + e.location();
        Map<String, Object> details = ErrorMapper.details("file", e.file(), "location", e.location(), "problem", e.problem(),
                "said", e.said(), "place", e.place());
        if (status == 413) {
            ErrorMapper.respond(ctx, 413, "transcript.tooManyUnits", e.getMessage(),
                    ErrorMapper.details("file", e.file(), "where", where, "problem", e.problem()), details);
        } else {
            ErrorMapper.respond(ctx, 400, "transcript.unreadableFile", e.getMessage(),
                    ErrorMapper.details("file", e.file(), "where", where, "problem", e.problem()), details);
        }
    }

    private static void officeUnreadable(Context ctx, Exception e) {
        ErrorMapper.respond(ctx, 400, "transcript.officeUnreadable", "An Office file could not be read: " + e.getMessage(),
                ErrorMapper.details("reason", e.getMessage()), Map.of());
    }
}
