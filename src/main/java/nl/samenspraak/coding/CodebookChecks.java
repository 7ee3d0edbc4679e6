package nl.samenspraak.coding;

import nl.samenspraak.codebook.Codebook;
import nl.samenspraak.codebook.SpeakerRole;
import nl.samenspraak.http.ApiException;
import nl.samenspraak.http.ErrorMapper;

import java.util.List;

/** What a save must fit in the codebook: the dimension and code (for the speaker's role), the scale, item and value of a rating. */
final class CodebookChecks {
    private CodebookChecks() {}

    static Codebook.Dimension requireDimension(Codebook codebook, String key) {
        return codebook.dimension(key).orElseThrow(() -> ApiException.badRequest("coding.noSuchDimension",
                "The codebook '" + codebook.key() + "' has no dimension '" + key + "'.").with("codebook", codebook.key()).with("dimension", key));
    }

    /**
     * The code must exist and fit the speaker's role. A refusal for the role says why in plain words and where
     * roles are set, and its details name the speaker, the roles, the code and the transcript (issue 9, defect 8),
     * so that a page can explain it in its own language and link to the roles.
     */
    static void checkCode(Codebook codebook, String dimensionKey, String codeKey, CodingDao.Target target) {
        Codebook.Code code = requireDimension(codebook, dimensionKey).code(codeKey).orElseThrow(() -> ApiException.badRequest("coding.noSuchCode",
                "Field 'code': the dimension '" + dimensionKey + "' has no code '" + codeKey + "'.").with("dimension", dimensionKey).with("code", codeKey));
        SpeakerRole role = SpeakerRole.fromKey(target.speakerRole());
        if (code.appliesTo(role)) return;
        List<String> roles = code.roles().stream().map(SpeakerRole::key).toList();
        throw ApiException.badRequest("coding.codeNotForRole", "'" + codeKey + "' (" + code.label().in("en") + ") is a code for what the "
                        + String.join(" or the ", roles) + " says; this unit is spoken by '" + target.speakerLabel() + "', whose role in this transcript is "
                        + role.key() + ". If that role is wrong, an administrator or trainer of the project sets the speakers' roles on its transcripts page.",
                ErrorMapper.details("field", "code", "code", codeKey, "dimension", dimensionKey, "speakerLabel", target.speakerLabel(),
                        "speakerRole", role.key(), "codeRoles", roles, "transcriptId", target.transcriptId(), "projectId", target.projectId()))
                .with("code", codeKey).with("label", code.label()).with("roles", roles)
                .with("speaker", target.speakerLabel()).with("speakerRole", role.key());
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
