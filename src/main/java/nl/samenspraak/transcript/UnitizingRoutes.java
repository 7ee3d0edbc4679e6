package nl.samenspraak.transcript;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import nl.samenspraak.account.Access;
import nl.samenspraak.codebook.SpeakerRole;
import nl.samenspraak.http.ApiException;
import nl.samenspraak.http.Requests;

/**
 * Routes for making and changing units while coding from a recording (issue 14): make a unit, end the open one
 * and start the next, move a start or end, split at a time, merge with the next, change the speaker, set the gist,
 * undo the caller's last unit change. Each answers a {@link UnitizingService.UnitChange} after the commit.
 */
public final class UnitizingRoutes {
    private final UnitizingService units;
    private final Access access;

    public UnitizingRoutes(UnitizingService units, Access access) {
        this.units = units;
        this.access = access;
    }

    public record NewUnit(Long startMs, Long endMs, String role, String speaker, String text, String opId) {}
    public record Mark(Long atMs, String role, String speaker, String opId) {}
    public record At(Long atMs, String opId) {}
    public record Op(String opId) {}
    public record NewSpeaker(String role, String speaker, String opId) {}
    public record Gist(String text, String opId) {}

    public void register(RoutesConfig r) {
        String base = "/api/transcripts/{transcriptId}/units";
        r.post(base, ctx -> {
            NewUnit b = Requests.body(ctx, NewUnit.class);
            ctx.status(201).json(units.create(access.user(ctx), tid(ctx), b.startMs(), b.endMs(), role(b.role()), b.speaker(), b.text(), b.opId()));
        });
        r.post(base + "/next", ctx -> {
            Mark b = Requests.body(ctx, Mark.class);
            ctx.status(201).json(units.next(access.user(ctx), tid(ctx), b.atMs(), role(b.role()), b.speaker(), b.opId()));
        });
        r.post(base + "/undo", ctx -> ctx.json(units.undo(access.user(ctx), tid(ctx), Requests.body(ctx, Op.class).opId())));
        r.put(base + "/{unitId}/start", ctx -> move(ctx, false));
        r.put(base + "/{unitId}/end", ctx -> move(ctx, true));
        r.post(base + "/{unitId}/split", ctx -> {
            At b = Requests.body(ctx, At.class);
            ctx.json(units.split(access.user(ctx), tid(ctx), uid(ctx), b.atMs(), b.opId()));
        });
        r.post(base + "/{unitId}/merge-next", ctx -> ctx.json(units.mergeWithNext(access.user(ctx), tid(ctx), uid(ctx), Requests.body(ctx, Op.class).opId())));
        r.put(base + "/{unitId}/speaker", ctx -> {
            NewSpeaker b = Requests.body(ctx, NewSpeaker.class);
            ctx.json(units.speaker(access.user(ctx), tid(ctx), uid(ctx), role(b.role()), b.speaker(), b.opId()));
        });
        r.put(base + "/{unitId}/text", ctx -> {
            Gist b = Requests.body(ctx, Gist.class);
            ctx.json(units.text(access.user(ctx), tid(ctx), uid(ctx), b.text(), b.opId()));
        });
    }

    private void move(Context ctx, boolean end) {
        At b = Requests.body(ctx, At.class);
        ctx.json(units.move(access.user(ctx), tid(ctx), uid(ctx), end, b.atMs(), b.opId()));
    }

    private static SpeakerRole role(String key) {
        if (key == null || key.isBlank()) return null;
        SpeakerRole role = SpeakerRole.fromKey(key);
        if (role == null) throw ApiException.badRequest("unit.badRole", "Field 'role': '" + key + "' is not professional, client or other.").with("role", key);
        return role;
    }

    private static long tid(Context ctx) {
        return Requests.id(ctx, "transcriptId");
    }

    private static long uid(Context ctx) {
        return Requests.id(ctx, "unitId");
    }
}
