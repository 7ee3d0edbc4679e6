package nl.samenspraak.codebook;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import nl.samenspraak.account.Access;
import nl.samenspraak.account.User;
import nl.samenspraak.http.ApiException;
import nl.samenspraak.http.BodyType;
import nl.samenspraak.http.ErrorMapper;
import nl.samenspraak.http.Uploads;

import java.util.LinkedHashMap;
import java.util.Map;

/** /api/codebooks: list, read, upload, validate, download as JSON, and REFI-QDA (.qdc) export and import. */
public final class CodebookRoutes {
    private final CodebookService codebooks;
    private final Access access;

    public CodebookRoutes(CodebookService codebooks, Access access) {
        this.codebooks = codebooks;
        this.access = access;
    }

    public void register(RoutesConfig r) {
        // A refused codebook, from whichever route reads one: a 400 with every problem and its path.
        // The first problem is quoted in English ("first") and, for the pages, by its code and parameters.
        r.exception(InvalidCodebookException.class, (e, ctx) -> {
            Problem first = e.problems().isEmpty() ? null : e.problems().get(0);
            ErrorMapper.respond(ctx, 400, "codebook.invalid", e.getMessage(),
                    ErrorMapper.details("source", e.source(), "count", e.problems().size(), "first", first == null ? null : first.toString(),
                            "problemCode", first == null ? null : first.code(), "problemParams", first == null ? null : first.params()),
                    Map.of("source", e.source(), "problems", e.problems()));
        });
        r.get("/api/codebooks", ctx -> { access.user(ctx); ctx.json(codebooks.list().stream().map(this::summary).toList()); });
        r.post("/api/codebooks", this::upload, BodyType.UPLOAD);
        r.post("/api/codebooks/validate", this::validate, BodyType.UPLOAD);
        r.post("/api/codebooks/qdc", this::importQdc, BodyType.UPLOAD);
        r.get("/api/codebooks/{key}", this::get);
        r.get("/api/codebooks/{key}/qdc", this::exportQdc);
        r.get("/api/codebooks/{key}/json", this::exportJson);
    }

    private void get(Context ctx) {
        access.user(ctx);
        ctx.json(find(ctx));
    }

    private void upload(Context ctx) {
        User user = access.user(ctx);
        ctx.status(201).json(codebooks.upload(user, sourceName(ctx, "codebook.json"), body(ctx)));
    }

    private void validate(Context ctx) {
        access.user(ctx);
        CodebookValidation check = CodebookReader.read(sourceName(ctx, "codebook.json"), body(ctx));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("valid", check.isValid());
        out.put("problems", check.problems());
        check.codebook().ifPresent(c -> out.put("summary", CodebookSummary.of(c)));
        ctx.json(out);
    }

    private void exportQdc(Context ctx) {
        access.user(ctx);
        StoredCodebook stored = find(ctx);
        ctx.header("Content-Disposition", "attachment; filename=\"" + stored.key() + "-" + stored.version() + ".qdc\"");
        ctx.contentType("application/xml; charset=utf-8").result(QdcWriter.write(stored.codebook()));
    }

    /** The codebook file itself, indented, to read, edit and upload as a new version. */
    private void exportJson(Context ctx) {
        access.user(ctx);
        StoredCodebook stored = find(ctx);
        ctx.header("Content-Disposition", "attachment; filename=\"" + stored.key() + "-" + stored.version() + ".json\"");
        ctx.contentType("application/json; charset=utf-8").result(CodebookWriter.toJson(stored.codebook()));
    }

    private void importQdc(Context ctx) {
        User user = access.user(ctx);
        ctx.status(201).json(codebooks.importQdc(user, sourceName(ctx, "codebook.qdc"), body(ctx), ctx.queryParam("key")));
    }

    private StoredCodebook find(Context ctx) {
        String key = ctx.pathParam("key");
        String version = ctx.queryParam("version");
        return (version == null ? codebooks.latest(key) : codebooks.version(key, version))
                .orElseThrow(() -> version == null ? CodebookService.notFound(key)
                        : ApiException.notFound("codebook.versionNotFound", "Codebook '" + key + "' version " + version).with("key", key).with("version", version));
    }

    /** The codebook as the raw body, or as the multipart field 'file'. */
    private static byte[] body(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType();
        return type.startsWith("multipart/form-data") ? Uploads.files(ctx).get(0).content() : ctx.bodyAsBytes();
    }

    private static String sourceName(Context ctx, String fallback) {
        String name = ctx.queryParam("fileName");
        return name == null || name.isBlank() ? fallback : name;
    }

    /** A stored version in the list; {@code label} is the title in both languages. */
    private Map<String, Object> summary(CodebookRow row) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", row.id());
        m.put("key", row.key());
        m.put("version", row.version());
        m.put("title", row.title());
        m.put("label", codebooks.byIdCached(row.id()).codebook().title());
        m.put("createdAt", row.createdAt());
        return m;
    }
}
