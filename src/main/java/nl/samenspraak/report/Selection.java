package nl.samenspraak.report;

import nl.samenspraak.app.ApiException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the analyst chose to look at: coders and transcripts (empty: all who coded / all live
 * transcripts), the bootstrap of alpha (samples, 0 for none, and seed) and the language of labels.
 * Parsed from query parameters such as {@code ?coders=3,4&transcripts=1,2,5&bootstrap=1000&seed=1&lang=nl}.
 */
public record Selection(List<Long> coders, List<Long> transcripts, int bootstrap, long seed, String language) {
    public static final int DEFAULT_BOOTSTRAP = 1000;
    public static final int MAX_BOOTSTRAP = 20_000;
    public static final long DEFAULT_SEED = 1;

    public Selection {
        coders = List.copyOf(coders);
        transcripts = List.copyOf(transcripts);
    }

    public static Selection all() {
        return new Selection(List.of(), List.of(), DEFAULT_BOOTSTRAP, DEFAULT_SEED, "en");
    }

    /** Parses the query parameters (each may be null); a bad value is a 400 naming the parameter. */
    public static Selection parse(String coders, String transcripts, String bootstrap, String seed, String lang) {
        int samples = bootstrap == null || bootstrap.isBlank() ? DEFAULT_BOOTSTRAP : (int) number("bootstrap", bootstrap);
        if (samples < 0 || samples > MAX_BOOTSTRAP) {
            throw ApiException.badRequest("Parameter 'bootstrap': give 0 (no interval) to " + MAX_BOOTSTRAP + " samples; got " + bootstrap + ".");
        }
        String language = lang == null || lang.isBlank() ? "en" : lang.trim().toLowerCase(Locale.ROOT);
        if (!language.equals("en") && !language.equals("nl")) throw ApiException.badRequest("Parameter 'lang': use en or nl; got " + lang + ".");
        return new Selection(ids("coders", coders), ids("transcripts", transcripts), samples,
                seed == null || seed.isBlank() ? DEFAULT_SEED : number("seed", seed), language);
    }

    private static List<Long> ids(String name, String text) {
        List<Long> ids = new ArrayList<>();
        if (text == null || text.isBlank()) return ids;
        for (String part : text.split(",")) {
            if (part.isBlank()) continue;
            long id = number(name, part);
            if (!ids.contains(id)) ids.add(id);
        }
        return ids;
    }

    private static long number(String name, String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Parameter '" + name + "': '" + text.trim() + "' is not a whole number.");
        }
    }
}
