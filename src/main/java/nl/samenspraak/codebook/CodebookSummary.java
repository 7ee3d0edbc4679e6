package nl.samenspraak.codebook;

/** Counts that say what a codebook holds, for a one-line summary. */
public record CodebookSummary(String key, String version, int dimensions, int codes, int composites, int scales, int items) {
    public static CodebookSummary of(Codebook c) {
        return new CodebookSummary(c.key(), c.version(), c.dimensions().size(),
                c.dimensions().stream().mapToInt(d -> d.codes().size()).sum(), c.composites().size(),
                c.ratingScales().size(), c.ratingScales().stream().mapToInt(s -> s.items().size()).sum());
    }

    public String line() {
        return key + " " + version + ": " + count(dimensions, "dimension") + ", " + count(codes, "code") + ", "
                + count(composites, "composite") + ", " + count(scales, "rating scale") + ", " + count(items, "item");
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
