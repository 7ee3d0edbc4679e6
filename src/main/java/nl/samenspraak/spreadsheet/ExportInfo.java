package nl.samenspraak.spreadsheet;

import nl.samenspraak.codebook.Codebook;
import nl.samenspraak.results.Person;

import java.time.Instant;
import java.util.List;

/**
 * What the README sheet says about an export: the project, the codebook version the labels come from,
 * when, which coders and how many transcripts, the language of labels, the bootstrap used, and whether
 * free text (the units' text, comments, text session fields) is in it.
 */
public record ExportInfo(String project, Codebook codebook, Instant exportedAt, List<Person> coders, int transcripts,
                         String language, int bootstrap, long seed, boolean freeText) {
    public ExportInfo {
        coders = List.copyOf(coders);
    }

    public ExportInfo(String project, Codebook codebook, Instant exportedAt, List<Person> coders, int transcripts, String language, int bootstrap,
                      long seed) {
        this(project, codebook, exportedAt, coders, transcripts, language, bootstrap, seed, true);
    }
}
