package nl.samenspraak.exchange;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import nl.samenspraak.account.Access;
import nl.samenspraak.http.ApiException;
import nl.samenspraak.http.BodyType;
import nl.samenspraak.http.ErrorMapper;
import nl.samenspraak.http.Uploads;
import nl.samenspraak.transcript.ImportRequest;
import nl.samenspraak.transcript.format.SourceFile;

import java.util.List;

/**
 * The REFI-QDA project import page's routes: a preview that stores nothing, and the import. Both take one file
 * ({@code .qdpx} or {@code .qde}), the target ({@code projectId} of an existing project, or {@code name} of a new
 * one) and the transcript import's options ({@code segment}, {@code roles}, {@code pseudonymise}).
 */
public final class QdpxImportRoutes {
    private final QdpxImportService service;
    private final Access access;

    public QdpxImportRoutes(QdpxImportService service, Access access) {
        this.service = service;
        this.access = access;
    }

    public void register(RoutesConfig r) {
        r.exception(QdpxException.class, (e, ctx) -> {
            String where = e.place() == null ? "" : ", " + e.place();
            ErrorMapper.respond(ctx, 400, "qdpx.unreadableFile", e.getMessage(),
                    ErrorMapper.details("file", e.file(), "where", where, "problem", e.said().text()),
                    ErrorMapper.details("file", e.file(), "location", e.place(), "said", e.said()));
        });
        r.post("/api/qdpx/preview", ctx -> ctx.json(service.preview(access.user(ctx), target(ctx), file(ctx), ImportRequest.options(ctx))),
                BodyType.UPLOAD);
        r.post("/api/qdpx", ctx -> ctx.status(201).json(service.importFile(access.user(ctx), target(ctx), file(ctx), ImportRequest.options(ctx))),
                BodyType.UPLOAD);
    }

    private static SourceFile file(Context ctx) {
        List<SourceFile> files = ImportRequest.files(ctx);
        if (files.size() != 1) {
            throw ApiException.badRequest("qdpx.oneFile", "Send one REFI-QDA project file (.qdpx or .qde); " + files.size() + " were sent.")
                    .with("count", files.size());
        }
        return files.get(0);
    }

    static QdpxImportService.Target target(Context ctx) {
        String id = Uploads.field(ctx, "projectId");
        if (id != null && !id.isBlank()) {
            try {
                return QdpxImportService.Target.existing(Long.parseLong(id.strip()));
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("qdpx.badProjectId", "Field 'projectId': '" + id + "' is not a project id.").with("value", id);
            }
        }
        return QdpxImportService.Target.named(Uploads.field(ctx, "name"));
    }
}
