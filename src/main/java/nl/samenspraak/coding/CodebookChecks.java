package nl.samenspraak.coding;

import nl.samenspraak.codebook.Codebook;
import nl.samenspraak.codebook.SpeakerRole;
import nl.samenspraak.http.ApiException;

/** What a save must fit in the codebook: the dimension and code (for the speaker's role), the scale, item and value of a rating. */
final class CodebookChecks {
    private CodebookChecks() {}

    static Codebook.Dimension requireDimension(Codebook codebook, String key) {
        return codebook.dimension(key).orElseThrow(() -> ApiException.badRequest("coding.noSuchDimension",
                "The codebook '" + codebook.key() + "' has no dimension '" + key + "'.").with("codebook", codebook.key()).with("dimension", key));
    }

    static void checkCode(Codebook codebook, String dimensionKey, String codeKey, SpeakerRole role) {
        Codebook.Code code = requireDimension(codebook, dimensionKey).code(codeKey).orElseThrow(() -> ApiException.badRequest("coding.noSuchCode",
                "Field 'code': the dimension '" + dimensionKey + "' has no code '" + codeKey + "'.").with("dimension", dimensionKey).with("code", codeKey));
        if (!code.appliesTo(role)) {
            String roles = String.join(" or ", code.roles().stream().map(SpeakerRole::key).toList());
            throw ApiException.badRequest("coding.codeNotForRole", "The code '" + codeKey + "' applies to " + roles
                    + " utterances; this utterance is by the " + role.key() + ".", java.util.Map.of("field", "code", "speakerRole", role.key()))
                    .with("code", codeKey).with("roles", code.roles().stream().map(SpeakerRole::key).toList()).with("speakerRole", role.key());
        }
    }

    static Codebook.RatingItem requireItem(Codebook codebook, String scaleKey, String itemKey) {
        Codebook.RatingScale scale = codebook.ratingScale(scaleKey).orElseThrow(() -> ApiException.badRequest("coding.noSuchScale",
                "The codebook '" + codebook.key() + "' has no rating scale '" + scaleKey + "'.").with("codebook", codebook.key()).with("scale", scaleKey));
        return scale.item(itemKey).orElseThrow(() -> ApiException.badRequest("coding.noSuchItem",
                "The rating scale '" + scaleKey + "' has no item '" + itemKey + "'.").with("scale", scaleKey).with("item", itemKey));
    }

    static void checkRating(Codebook codebook, String scaleKey, String itemKey, double value) {
        Codebook.RatingItem item = requireItem(codebook, scaleKey, itemKey);
        if (value != Math.rint(value) || value < item.min() || value > item.max()) {
            throw ApiException.badRequest("coding.ratingOutOfRange", "Field 'value': the item '" + itemKey + "' takes a whole number from "
                    + item.min() + " to " + item.max() + "; got " + CodingService.format(value) + ".")
                    .with("item", itemKey).with("min", item.min()).with("max", item.max()).with("value", CodingService.format(value));
        }
    }
}
