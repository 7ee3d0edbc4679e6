package nl.samenspraak.review;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import nl.samenspraak.account.Access;
import nl.samenspraak.http.ApiException;
import nl.samenspraak.http.Requests;
import nl.samenspraak.report.Selection;

import java.util.ArrayList;
import java.util.List;

/** Trainer review: the professional of a session, its profile, feedback, and a professional's own sessions. */
public final class ReviewRoutes {
    private final ReviewService reviews;
    private final ProfileService profiles;
    private final Access access;

    public ReviewRoutes(ReviewService reviews, ProfileService profiles, Access access) {
        this.reviews = reviews;
        this.profiles = profiles;
        this.access = access;
    }

    public void register(RoutesConfig r) {
        r.get("/api/me/sessions", ctx -> ctx.json(reviews.mine(access.user(ctx))));
        r.put("/api/transcripts/{transcriptId}/professional", ctx -> ctx.json(reviews.link(access.user(ctx), Requests.id(ctx, "transcriptId"),
                Requests.body(ctx, ReviewService.NewProfessional.class))));
        r.get("/api/transcripts/{transcriptId}/profile", this::profile);
        r.get("/api/transcripts/{transcriptId}/feedback", ctx -> ctx.json(reviews.read(access.user(ctx), Requests.id(ctx, "transcriptId"))));
        r.post("/api/transcripts/{transcriptId}/feedback", ctx -> ctx.status(201).json(reviews.add(access.user(ctx), Requests.id(ctx, "transcriptId"),
                Requests.body(ctx, ReviewService.NewFeedback.class))));
    }

    private void profile(Context ctx) {
        String dataset = ctx.queryParam("dataset");
        boolean consensus = Selection.Dataset.CONSENSUS.name().equalsIgnoreCase(dataset == null ? "" : dataset.trim());
        if (!consensus && dataset != null && !dataset.isBlank() && !dataset.trim().equalsIgnoreCase("coders")) {
            throw ApiException.badRequest("review.badDataset", "Parameter 'dataset': use consensus (the adjudicated coding) or leave it out; got '" + dataset.trim() + "'.")
                    .with("value", dataset.trim());
        }
        List<Long> coder = ids("coder", ctx.queryParam("coder"));
        if (coder.size() > 1 || (consensus && !coder.isEmpty())) throw ApiException.badRequest("review.oneCoder", "Parameter 'coder': give one coder id, or dataset=consensus, not both.");
        ctx.json(profiles.profile(access.user(ctx), Requests.id(ctx, "transcriptId"), coder.isEmpty() ? null : coder.get(0), consensus,
                ids("reference", ctx.queryParam("reference"))));
    }

    private static List<Long> ids(String name, String text) {
        List<Long> ids = new ArrayList<>();
        if (text == null) return ids;
        for (String part : text.split(",")) {
            if (part.isBlank()) continue;
            try {
                long id = Long.parseLong(part.trim());
                if (!ids.contains(id)) ids.add(id);
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("request.notAnId", "Parameter '" + name + "': '" + part.trim() + "' is not a whole number.")
                        .with("field", name).with("value", part.trim());
            }
        }
        return ids;
    }
}
