package nl.samenspraak.transcript;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import nl.samenspraak.account.Access;
import nl.samenspraak.account.Role;
import nl.samenspraak.account.User;
import nl.samenspraak.codebook.SpeakerRole;
import nl.samenspraak.http.ApiException;
import nl.samenspraak.http.BodyType;
import nl.samenspraak.http.ErrorMapper;
import nl.samenspraak.http.Requests;
import nl.samenspraak.http.Uploads;
import nl.samenspraak.transcript.format.TranscriptFormatException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Import, list, read, re-map speakers of, and delete transcripts. */
public final class TranscriptRoutes {
    private static final Role[] IMPORTERS = {Role.ADMIN, Role.TRAINER};

    private final TranscriptService transcripts;
    private final Access access;

    public TranscriptRoutes(TranscriptService transcripts, Access access) {
        this.transcripts = transcripts;
        this.access = access;
    }

    public void register(RoutesConfig r) {
        // A refused transcript file, from whichever route imports it: a 400 naming file, place and problem.
        r.exception(TranscriptFormatException.class, (e, ctx) -> ErrorMapper.respond(ctx, 400, e.getMessage(),
                ErrorMapper.details("file", e.file(), "location", e.location(), "problem", e.problem())));
        r.get("/api/projects/{projectId}/transcripts", this::list);
        r.post("/api/projects/{projectId}/transcripts", this::importFiles, BodyType.UPLOAD);
        r.get("/api/transcripts/{transcriptId}", this::get);
        r.put("/api/transcripts/{transcriptId}/speakers", this::setSpeakers);
        r.delete("/api/transcripts/{transcriptId}", this::delete);
    }

    private void list(Context ctx) {
        long projectId = Requests.id(ctx, "projectId");
        User user = access.user(ctx);
        Role role = access.require(user, projectId);
        ctx.json(role == Role.CODER ? transcripts.listAssigned(projectId, user.id()) : transcripts.list(projectId));
    }

    private void importFiles(Context ctx) {
        long projectId = Requests.id(ctx, "projectId");
        User user = access.user(ctx);
        access.require(user, projectId, IMPORTERS);
        List<TranscriptService.Upload> uploads = Uploads.files(ctx).stream()
                .map(f -> new TranscriptService.Upload(f.fileName(), f.content())).toList();
        var imported = transcripts.importAll(projectId, uploads, ImportForm.segmentation(Uploads.field(ctx, "segment")),
                ImportForm.roles(Uploads.field(ctx, "roles")), user.id());
        ctx.status(201).json(Map.of("transcripts", imported));
    }

    private void get(Context ctx) {
        Transcript t = transcripts.get(Requests.id(ctx, "transcriptId"));
        User user = access.user(ctx);
        // Transcripts are personal data: once a project assigns work, a coder reads only their own.
        if (access.require(user, t.projectId()) == Role.CODER && !transcripts.assignedTo(t.id(), user.id())) {
            throw ApiException.notFound("Transcript " + t.id());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("transcript", t);
        body.put("speakers", transcripts.speakers(t.id()));
        body.put("utterances", transcripts.utterances(t.id()));
        ctx.json(body);
    }

    private void setSpeakers(Context ctx) {
        Transcript t = transcripts.get(Requests.id(ctx, "transcriptId"));
        User user = access.user(ctx);
        access.require(user, t.projectId(), IMPORTERS);
        Map<String, SpeakerRole> roles = ImportForm.roleObject(ctx.body());
        ctx.json(transcripts.setRoles(t, roles, user.id()));
    }

    private void delete(Context ctx) {
        Transcript t = transcripts.get(Requests.id(ctx, "transcriptId"));
        User user = access.user(ctx);
        access.require(user, t.projectId(), Role.ADMIN);
        transcripts.delete(t, user.id());
        ctx.status(204);
    }
}
