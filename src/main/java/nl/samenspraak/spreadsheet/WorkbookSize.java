package nl.samenspraak.spreadsheet;

/**
 * How large a project workbook will be, estimated before it is written from what the database counts
 * cheaply, so that one too large for an .xlsx is refused at once instead of after minutes of writing.
 *
 * <p>An .xlsx is a zip, and this writer writes zip32 ({@link ZipPackage}): every part's size and every
 * offset is a 32-bit number, so nothing may pass 4 GiB. The estimate is of the sheets' XML before
 * compression. When that is under the limit, every part and the compressed whole are too (compression
 * only shrinks); it is also about what Excel must read into memory, far past what it opens in practice.
 * The figures per row are the markup the writer puts around the values ({@link UnitSheets}): measured
 * on generated workbooks by WorkbookSizeTest, rounded up. Text counts once per Units row (every coder
 * and dimension repeats the unit's text), once in Wide, and once per dimension in Disagreements at worst.
 */
public final class WorkbookSize {
    /** The largest size a zip32 entry or offset can hold. */
    public static final long ZIP32_LIMIT = 0xFFFF_FFFFL;
    /** A Units row without its text: twelve cells, mostly shared strings. */
    static final long UNITS_ROW = 400;
    /** A Wide or Disagreements row without its text and code cells. */
    static final long CONTEXT_ROW = 360;
    /** One code (or agreement) cell. */
    static final long CODE_CELL = 32;
    /** Escapes (&amp;, _x005F_) make text longer than its UTF-8; rarely by more than a quarter. */
    static final double TEXT_GROWTH = 1.25;
    /** README, frequencies, ratings, reliability, per category, confusion matrices, and the workbook's own parts. */
    static final long SUMMARY_SHEETS = 16L * 1024 * 1024;

    private WorkbookSize() {}

    /**
     * What the database counts: the coded rows of the Units sheet and the UTF-8 bytes of their texts;
     * the units of the selected transcripts and the bytes of their texts.
     */
    public record Volume(long codeRows, long codeTextBytes, long units, long unitTextBytes) {}

    /** The sheets' XML in bytes, for {@code dimensions} codebook dimensions and {@code coders} coders. */
    public static long estimate(Volume v, int dimensions, int coders) {
        double units = v.codeRows() * (double) UNITS_ROW + v.codeTextBytes() * TEXT_GROWTH;
        double wide = v.units() * (double) (CONTEXT_ROW + (long) dimensions * (coders + 1) * CODE_CELL) + v.unitTextBytes() * TEXT_GROWTH;
        double disagreements = (double) dimensions * (v.units() * (double) (CONTEXT_ROW + coders * CODE_CELL) + v.unitTextBytes() * TEXT_GROWTH);
        return (long) Math.min(Long.MAX_VALUE, units + wide + disagreements + SUMMARY_SHEETS);
    }

    public static boolean fits(long estimate) {
        return estimate <= ZIP32_LIMIT;
    }
}
