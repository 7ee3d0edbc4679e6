package nl.samenspraak.transcript;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import nl.samenspraak.account.Access;
import nl.samenspraak.account.User;
import nl.samenspraak.codebook.SpeakerRole;
import nl.samenspraak.http.ErrorMapper;
import nl.samenspraak.http.Requests;
import nl.samenspraak.http.Uploads;
import nl.samenspraak.transcript.format.TranscriptFormatException;

import java.util.List;
import java.util.Map;

/** Import, list, read, re-map speakers of, and delete transcripts. */
public final class TranscriptRoutes {
    private final TranscriptService transcripts;
    private final TranscriptOverview overview;
    private final Access access;

    public TranscriptRoutes(TranscriptService transcripts, TranscriptOverview overview, Access access) {
        this.transcripts = transcripts;
        this.overview = overview;
        this.access = access;
    }

    public void register(RoutesConfig r) {
        // A refused transcript file, from whichever route imports it: a 400 naming file, place and problem.
        r.exception(TranscriptFormatException.class, (e, ctx) -> ErrorMapper.respond(ctx, 400, "transcript.unreadableFile", e.getMessage(),
                ErrorMapper.details("file", e.file(), "where", e.location() == null ? "" : ", " + e.location(), "problem", e.problem()),
                ErrorMapper.details("file", e.file(), "location", e.location(), "problem", e.problem())));
        r.get("/api/projects/{projectId}/transcripts", this::list);
        r.get("/api/projects/{projectId}/transcripts/overview", ctx -> ctx.json(overview.list(access.user(ctx), Requests.id(ctx, "projectId"))));
        r.post("/api/projects/{projectId}/transcripts", this::importFiles);
        r.get("/api/transcripts/{transcriptId}", this::get);
        r.put("/api/transcripts/{transcriptId}/speakers", this::setSpeakers);
        r.delete("/api/transcripts/{transcriptId}", this::delete);
    }

    private void list(Context ctx) {
        ctx.json(transcripts.list(access.user(ctx), Requests.id(ctx, "projectId")));
    }

    private void importFiles(Context ctx) {
        User user = access.user(ctx);
        List<TranscriptService.Upload> uploads = Uploads.files(ctx).stream()
                .map(f -> new TranscriptService.Upload(f.fileName(), f.content())).toList();
        var imported = transcripts.importAll(user, Requests.id(ctx, "projectId"), uploads, ImportForm.segmentation(Uploads.field(ctx, "segment")),
                ImportForm.roles(Uploads.field(ctx, "roles")));
        ctx.status(201).json(Map.of("transcripts", imported));
    }

    private void get(Context ctx) {
        ctx.json(transcripts.read(access.user(ctx), Requests.id(ctx, "transcriptId")));
    }

    private void setSpeakers(Context ctx) {
        User user = access.user(ctx);
        Map<String, SpeakerRole> roles = ImportForm.roleObject(ctx.body());
        ctx.json(transcripts.setRoles(user, Requests.id(ctx, "transcriptId"), roles));
    }

    private void delete(Context ctx) {
        transcripts.delete(access.user(ctx), Requests.id(ctx, "transcriptId"));
        ctx.status(204);
    }
}
