package nl.samenspraak.report;

import nl.samenspraak.http.ApiException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the analyst chose to look at: coders and transcripts (empty: all who coded / all live
 * transcripts), the bootstrap of alpha (samples, 0 for none, and seed), the language of labels and
 * the dataset: the original coders (default; the adjudicated consensus is left out unless its coder
 * id is among {@code coders}) or the consensus coding alone, the final dataset after adjudication.
 * Parsed from query parameters such as {@code ?coders=3,4&transcripts=1,2,5&bootstrap=1000&seed=1&lang=nl&dataset=consensus}.
 */
public record Selection(List<Long> coders, List<Long> transcripts, int bootstrap, long seed, String language, Dataset dataset) {
    /** Which codings a selection reads: the coders' own, or the consensus of adjudication. */
    public enum Dataset {
        CODERS, CONSENSUS;

        static Dataset parse(String text) {
            if (text == null || text.isBlank() || text.trim().equalsIgnoreCase("coders")) return CODERS;
            if (text.trim().equalsIgnoreCase("consensus")) return CONSENSUS;
            throw ApiException.badRequest("report.badDataset", "Parameter 'dataset': use coders (the original codings) or consensus (the adjudicated one); got '"
                    + text.trim() + "'.").with("value", text.trim());
        }
    }

    public static final int DEFAULT_BOOTSTRAP = 1000;
    public static final int MAX_BOOTSTRAP = 20_000;
    public static final long DEFAULT_SEED = 1;

    public Selection {
        coders = List.copyOf(coders);
        transcripts = List.copyOf(transcripts);
        if (dataset == null) dataset = Dataset.CODERS;
        if (dataset == Dataset.CONSENSUS && !coders.isEmpty()) {
            throw ApiException.badRequest("report.codersWithConsensus", "Parameters 'coders' and 'dataset': the consensus dataset is one coding; leave out 'coders'.");
        }
    }

    /** A selection of the original coders' codings. */
    public Selection(List<Long> coders, List<Long> transcripts, int bootstrap, long seed, String language) {
        this(coders, transcripts, bootstrap, seed, language, Dataset.CODERS);
    }

    public static Selection all() {
        return new Selection(List.of(), List.of(), DEFAULT_BOOTSTRAP, DEFAULT_SEED, "en");
    }

    /** Parses the query parameters (each may be null); a bad value is a 400 naming the parameter. */
    public static Selection parse(String coders, String transcripts, String bootstrap, String seed, String lang) {
        return parse(coders, transcripts, bootstrap, seed, lang, null);
    }

    public static Selection parse(String coders, String transcripts, String bootstrap, String seed, String lang, String dataset) {
        int samples = bootstrap == null || bootstrap.isBlank() ? DEFAULT_BOOTSTRAP : (int) number("bootstrap", bootstrap);
        if (samples < 0 || samples > MAX_BOOTSTRAP) {
            throw ApiException.badRequest("report.badBootstrap", "Parameter 'bootstrap': give 0 (no interval) to " + MAX_BOOTSTRAP + " samples; got " + bootstrap + ".")
                    .with("max", MAX_BOOTSTRAP).with("value", bootstrap);
        }
        String language = lang == null || lang.isBlank() ? "en" : lang.trim().toLowerCase(Locale.ROOT);
        if (!language.equals("en") && !language.equals("nl")) {
            throw ApiException.badRequest("report.badLanguage", "Parameter 'lang': use en or nl; got " + lang + ".").with("value", lang);
        }
        return new Selection(ids("coders", coders), ids("transcripts", transcripts), samples,
                seed == null || seed.isBlank() ? DEFAULT_SEED : number("seed", seed), language, Dataset.parse(dataset));
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
            throw ApiException.badRequest("request.notAnId", "Parameter '" + name + "': '" + text.trim() + "' is not a whole number.")
                    .with("field", name).with("value", text.trim());
        }
    }
}
