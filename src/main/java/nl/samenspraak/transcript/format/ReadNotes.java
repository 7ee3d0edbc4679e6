package nl.samenspraak.transcript.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Collects what a reader finds about a file while it reads, and becomes its {@link FileReading}.
 * Warnings are kept up to {@link #KEPT_PER_CODE} of each kind; the rest are counted, so that a
 * file with a million odd lines gives one readable list, not a million entries.
 */
final class ReadNotes {
    static final int KEPT_PER_CODE = 20;

    final String file;
    final ReadOptions options;
    String format;
    /** Why the format was recognised: the detector's reason, then what the reader found (a layout, a table). */
    final List<Said> recognised = new ArrayList<>();
    FileReading.Encoding encoding;
    FileReading.Columns columns;
    List<FileReading.Tier> tiers;
    private final List<ImportWarning> warnings = new ArrayList<>();
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    final Map<String, String> roleHints = new LinkedHashMap<>();

    ReadNotes(String file, ReadOptions options) {
        this.file = file;
        this.options = options;
    }

    void warn(String code, Place place, Said said) {
        int n = counts.merge(code, 1, Integer::sum);
        if (n <= KEPT_PER_CODE) warnings.add(new ImportWarning(code, place, said));
    }

    /** Why the format was recognised, in English: the reasons joined by "; ". */
    String recognisedBy() {
        return recognised.isEmpty() ? null : Said.joined(recognised).text();
    }

    FileReading reading() {
        List<ImportWarning> all = new ArrayList<>(warnings);
        counts.forEach((code, n) -> {
            if (n > KEPT_PER_CODE) all.add(new ImportWarning("more", null, Said.of("warning.more", String.format(Locale.ROOT,
                    "%,d more warnings like the ones of kind '%s' above.", n - KEPT_PER_CODE, code), "n", n - KEPT_PER_CODE, "warningKind", code)));
        });
        return new FileReading(file, format, recognisedBy(), encoding, columns, tiers, List.copyOf(all), Map.copyOf(roleHints),
                recognised.isEmpty() ? null : Said.joined(recognised));
    }
}
