package nl.samenspraak.calibration;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import nl.samenspraak.account.Access;
import nl.samenspraak.http.Requests;

/** Reference codings, the calibration threshold, a trainee's calibration and its history. */
public final class CalibrationRoutes {
    public record PutReference(Long coderId) {}
    public record PutThreshold(Double kappa) {}

    private final CalibrationService calibration;
    private final Access access;

    public CalibrationRoutes(CalibrationService calibration, Access access) {
        this.calibration = calibration;
        this.access = access;
    }

    public void register(RoutesConfig r) {
        r.put("/api/transcripts/{transcriptId}/reference", ctx -> ctx.json(calibration.setReference(access.user(ctx),
                Requests.id(ctx, "transcriptId"), Requests.body(ctx, PutReference.class).coderId())));
        r.get("/api/projects/{projectId}/calibration-threshold", ctx -> ctx.json(calibration.threshold(access.user(ctx),
                Requests.id(ctx, "projectId"))));
        r.put("/api/projects/{projectId}/calibration-threshold", ctx -> ctx.json(calibration.setThreshold(access.user(ctx),
                Requests.id(ctx, "projectId"), Requests.body(ctx, PutThreshold.class).kappa())));
        r.get("/api/transcripts/{transcriptId}/codings", ctx -> ctx.json(calibration.codings(access.user(ctx), Requests.id(ctx, "transcriptId"))));
        r.get("/api/transcripts/{transcriptId}/calibration", ctx -> ctx.json(calibration.calibrate(access.user(ctx),
                Requests.id(ctx, "transcriptId"), coder(ctx))));
        r.post("/api/transcripts/{transcriptId}/calibration", ctx -> ctx.json(calibration.record(access.user(ctx),
                Requests.id(ctx, "transcriptId"), coder(ctx))));
        r.get("/api/projects/{projectId}/calibrations", ctx -> ctx.json(calibration.history(access.user(ctx),
                Requests.id(ctx, "projectId"), coder(ctx))));
    }

    private static Long coder(Context ctx) {
        String text = ctx.queryParam("coder");
        return text == null || text.isBlank() ? null : ctx.queryParamAsClass("coder", Long.class).get();
    }
}
