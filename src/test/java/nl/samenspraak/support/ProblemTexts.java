package nl.samenspraak.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/** A coded problem's text as a page shows it (web/i18n, key problem.<code>, {name} filled from its parameters). */
public final class ProblemTexts {
    private ProblemTexts() {}

    private static final Map<String, JsonNode> LANGS = Map.of("en", I18nTexts.strings("en"), "nl", I18nTexts.strings("nl"));

    /** The text of {@code code} in {@code lang} with its parameters filled in; null when the language has no text for it. */
    public static String text(String lang, String code, Map<String, ?> params) {
        JsonNode s = LANGS.get(lang).get("problem." + code);
        if (s == null) return null;
        String out = s.asText();
        for (var p : params.entrySet()) out = out.replace("{" + p.getKey() + "}", String.valueOf(p.getValue()));
        return out;
    }
}
