package nl.samenspraak.sessiondata;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import nl.samenspraak.account.Access;
import nl.samenspraak.http.ApiException;
import nl.samenspraak.http.Requests;
import nl.samenspraak.http.Uploads;

import java.util.Map;

/** Session fields, questionnaire, their values per transcript, import from CSV/xlsx, and the group comparison. */
public final class SessionDataRoutes {
    private final SessionDataService data;
    private final ComparisonService comparisons;
    private final Access access;

    public SessionDataRoutes(SessionDataService data, ComparisonService comparisons, Access access) {
        this.data = data;
        this.comparisons = comparisons;
        this.access = access;
    }

    public record QuestionnaireChoice(String codebookKey) {}

    public void register(RoutesConfig r) {
        r.get("/api/projects/{projectId}/fields", ctx -> ctx.json(data.fields(access.user(ctx), project(ctx))));
        r.put("/api/projects/{projectId}/fields", ctx -> ctx.json(data.putFields(access.user(ctx), project(ctx),
                Requests.body(ctx, SessionDataService.FieldList.class))));
        r.post("/api/projects/{projectId}/fields/import", this::importTable);
        r.get("/api/projects/{projectId}/questionnaire", ctx -> ctx.json(data.questionnaire(access.user(ctx), project(ctx))
                .map(q -> (Object) q).orElse(Map.of("codebookKey", ""))));
        r.put("/api/projects/{projectId}/questionnaire", ctx -> ctx.json(data.setQuestionnaire(access.user(ctx), project(ctx),
                Requests.body(ctx, QuestionnaireChoice.class).codebookKey())));
        r.get("/api/transcripts/{transcriptId}/fields", ctx -> ctx.json(data.values(access.user(ctx), Requests.id(ctx, "transcriptId"))));
        r.put("/api/transcripts/{transcriptId}/fields", ctx -> ctx.json(data.putValues(access.user(ctx), Requests.id(ctx, "transcriptId"),
                Requests.body(ctx, SessionDataService.NewValues.class))));
        r.get("/api/projects/{projectId}/compare", this::compare);
    }

    private void importTable(Context ctx) {
        var user = access.user(ctx);
        long id = project(ctx);
        var files = Uploads.files(ctx);
        if (files.size() != 1) throw ApiException.badRequest("sessiondata.oneFile", "Field 'file': send one CSV or xlsx file.");
        ctx.json(data.importTable(user, id, files.get(0)));
    }

    private void compare(Context ctx) {
        String coder = ctx.queryParam("coder");
        Long coderId = null;
        if (coder != null && !coder.isBlank()) {
            try { coderId = Long.parseLong(coder.strip()); } catch (NumberFormatException e) { throw ApiException.badRequest("request.notAnId", "Parameter 'coder': give a user id; got " + coder + ".").with("field", "coder").with("value", coder); }
        }
        ctx.json(comparisons.compare(access.user(ctx), project(ctx), ctx.queryParam("field"), ctx.queryParam("a"), ctx.queryParam("b"),
                ctx.queryParam("alternative"), coderId));
    }

    private static long project(Context ctx) {
        return Requests.id(ctx, "projectId");
    }
}
