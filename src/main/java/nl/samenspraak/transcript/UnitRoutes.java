package nl.samenspraak.transcript;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import nl.samenspraak.account.Access;
import nl.samenspraak.codebook.SpeakerRole;
import nl.samenspraak.http.ApiException;
import nl.samenspraak.http.Requests;

/** The unit editor's routes: read the units with what blocks each, split, merge with the next, change the speaker. */
public final class UnitRoutes {
    private final UnitService units;
    private final Access access;

    public UnitRoutes(UnitService units, Access access) {
        this.units = units;
        this.access = access;
    }

    public record Split(Integer at) {}

    public record NewSpeaker(String speaker, String role) {}

    public void register(RoutesConfig r) {
        r.get("/api/transcripts/{transcriptId}/units", this::list);
        r.post("/api/utterances/{utteranceId}/split", this::split);
        r.post("/api/utterances/{utteranceId}/merge-next", this::merge);
        r.put("/api/utterances/{utteranceId}/speaker", this::speaker);
    }

    private void list(Context ctx) {
        ctx.json(units.list(access.user(ctx), Requests.id(ctx, "transcriptId")));
    }

    private void split(Context ctx) {
        units.requireCorrector(access.user(ctx), Requests.id(ctx, "utteranceId"));
        Split body = Requests.body(ctx, Split.class);
        if (body.at() == null) throw ApiException.badRequest("unit.splitWhere", "Field 'at': give the character position to split before.");
        ctx.json(units.split(access.user(ctx), Requests.id(ctx, "utteranceId"), body.at()));
    }

    private void merge(Context ctx) {
        ctx.json(units.mergeWithNext(access.user(ctx), Requests.id(ctx, "utteranceId")));
    }

    private void speaker(Context ctx) {
        units.requireCorrector(access.user(ctx), Requests.id(ctx, "utteranceId"));
        NewSpeaker body = Requests.body(ctx, NewSpeaker.class);
        SpeakerRole role = body.role() == null || body.role().isBlank() ? null : SpeakerRole.fromKey(body.role());
        if (body.role() != null && !body.role().isBlank() && role == null)
            throw ApiException.badRequest("unit.badRole", "Field 'role': '" + body.role() + "' is not professional, client or other.").with("role", body.role());
        ctx.json(units.setSpeaker(access.user(ctx), Requests.id(ctx, "utteranceId"), body.speaker(), role));
    }
}
