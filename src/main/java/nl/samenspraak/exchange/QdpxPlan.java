package nl.samenspraak.exchange;

import nl.samenspraak.codebook.QdcReader.DimensionCode;
import nl.samenspraak.results.ConsensusName;
import nl.samenspraak.transcript.format.ImportOptions;
import nl.samenspraak.transcript.format.ImportUnit;
import nl.samenspraak.transcript.format.Importer;
import nl.samenspraak.transcript.format.SourceFile;
import nl.samenspraak.transcript.format.TranscriptFormatException;
import nl.samenspraak.transcript.format.TranscriptPreview;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What a REFI-QDA project becomes, before anything is stored: each text source a transcript (its plain text read
 * by the transcript readers, so speaker turns are recognised as in any import), each unit's place in the text,
 * and each coding a coder's code on the units its selection covers (every unit it covers for the most part, else
 * the one it overlaps most). A unit that one coder gave two codes of one dimension is a conflict: listed, and
 * neither code is taken. Everything that cannot be taken is counted in {@link #leftOut}. Pure.
 */
public final class QdpxPlan {
    /** The name of the coder of codings whose file names no user. */
    static final String UNNAMED_CODER = "REFI-QDA coder";

    /** A text source that becomes a transcript: its file for the importer, its preview, and its units' places in the text. */
    public record Source(QdpxFile.TextSource source, SourceFile file, TranscriptPreview preview, int units) {}

    /** One code to store: the source (index in {@link #sources}), the unit's number, the coder's name, dimension and code. */
    public record Code(int source, int seq, String coder, String dimension, String code) {}

    /** A coder of the file: the name, whether it is the consensus of an adjudication, and the number of codes taken. */
    public record Coder(String name, boolean consensus, int codes) {}

    /** A unit given two or more codes of one dimension by one coder. */
    public record Conflict(String coder, String transcript, int unit, String dimension, List<String> codes) {}

    /** A refused source: its name and the reader's refusal. */
    public record Refused(String name, TranscriptPreview.Refusal refusal) {}

    private final List<Source> sources;
    private final List<Code> codes;
    private final List<Coder> coders;
    private final List<Conflict> conflicts;
    private final List<Refused> refused;
    private final Map<String, Integer> leftOut;

    private QdpxPlan(List<Source> sources, List<Code> codes, List<Coder> coders, List<Conflict> conflicts, List<Refused> refused,
                     Map<String, Integer> leftOut) {
        this.sources = sources;
        this.codes = codes;
        this.coders = coders;
        this.conflicts = conflicts;
        this.refused = refused;
        this.leftOut = leftOut;
    }

    public List<Source> sources() { return sources; }
    public List<Code> codes() { return codes; }
    public List<Coder> coders() { return coders; }
    public List<Conflict> conflicts() { return conflicts; }
    public List<Refused> refused() { return refused; }
    /** What could not be taken, by kind ({@code source.PDFSource}, {@code note}, {@code coding.unknownCode}, ...), with counts. */
    public Map<String, Integer> leftOut() { return leftOut; }

    /**
     * Plans the import of {@code content}. {@code codeOf} gives a code's dimension and key from its GUID (null: not in
     * the codebook); {@code forImport} reads as an import does (refusing what a preview only warns about).
     */
    public static QdpxPlan of(QdpxFile.Content content, ImportOptions given, Function<String, DimensionCode> codeOf, boolean forImport) {
        ImportOptions options = new ImportOptions(given.segmentation(), given.roles(), given.pseudonyms(), false, given.defaults(), given.perFile());
        Map<String, Integer> leftOut = new LinkedHashMap<>(content.leftOut());
        List<Source> sources = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        // coder name → (source, seq, dimension) → codes, in the file's order
        Map<String, Map<String, Set<String>>> byCoder = new LinkedHashMap<>();
        Map<String, String> coderNames = new LinkedHashMap<>();
        Set<String> names = new HashSet<>();
        for (QdpxFile.TextSource ts : content.sources()) {
            int selections = ts.selections().size();
            if (ts.text() == null) {
                count(leftOut, "source.text." + ts.missing(), 1);
                count(leftOut, "selection.ofLeftOutSource", selections);
                continue;
            }
            String name = uniqueName(ts.name(), names);
            SourceFile file = new SourceFile(name + ".txt", ts.text().getBytes(StandardCharsets.UTF_8));
            Importer.Group group = new Importer.Group(name, List.of(file));
            TranscriptPreview preview = TranscriptPreview.of(group, options);
            List<ImportUnit> units = new ArrayList<>();
            try {
                if (preview.error() != null) throw new RefusedSource(preview.error());
                Importer.read(group, options, !forImport, units::add);
            } catch (RefusedSource e) {
                refused.add(new Refused(name, e.refusal));
                count(leftOut, "selection.ofLeftOutSource", selections);
                continue;
            } catch (TranscriptFormatException e) {
                refused.add(new Refused(name, new TranscriptPreview.Refusal(e.getMessage(), e.file(), e.location(), e.problem(), 400, e.said(), e.place())));
                count(leftOut, "selection.ofLeftOutSource", selections);
                continue;
            }
            int index = sources.size();
            sources.add(new Source(ts, file, preview, units.size()));
            int[][] places = places(ts.text(), units);
            int length = ts.text().codePointCount(0, ts.text().length());
            boolean utf16 = countsUtf16(ts.text(), ts.selections());
            for (QdpxFile.Selection sel : ts.selections()) {
                int start = utf16 ? codePoints(ts.text(), sel.start()) : Math.min(sel.start(), length);
                int end = utf16 ? codePoints(ts.text(), sel.end()) : Math.min(sel.end(), length);
                if (sel.codings().isEmpty()) { count(leftOut, "selection.uncoded", 1); continue; }
                int[] covered = start < end ? covered(places, start, end) : new int[0];
                for (QdpxFile.Coding coding : sel.codings()) {
                    DimensionCode dc = codeOf.apply(coding.code());
                    if (dc == null) { count(leftOut, "coding.unknownCode", 1); continue; }
                    if (covered.length == 0) { count(leftOut, "coding.outsideUnits", 1); continue; }
                    String userGuid = coding.user() != null ? coding.user() : sel.user() != null ? sel.user() : ts.user();
                    String coder = coderName(content, userGuid);
                    coderNames.putIfAbsent(nameKey(coder), coder);
                    Map<String, Set<String>> mine = byCoder.computeIfAbsent(coderNames.get(nameKey(coder)), k -> new LinkedHashMap<>());
                    for (int u : covered) {
                        mine.computeIfAbsent(index + "\u0000" + units.get(u).seq() + "\u0000" + dc.dimension(), k -> new LinkedHashSet<>()).add(dc.code());
                    }
                }
            }
        }
        List<Code> codes = new ArrayList<>();
        List<Coder> coders = new ArrayList<>();
        List<Conflict> conflicts = new ArrayList<>();
        for (var coder : byCoder.entrySet()) {
            int taken = 0;
            for (var unit : coder.getValue().entrySet()) {
                String[] k = unit.getKey().split("\u0000", 3);
                int source = Integer.parseInt(k[0]);
                int seq = Integer.parseInt(k[1]);
                if (unit.getValue().size() > 1) {
                    conflicts.add(new Conflict(coder.getKey(), sources.get(source).file().name().replaceFirst("\\.txt$", ""), seq, k[2],
                            List.copyOf(unit.getValue())));
                    continue;
                }
                codes.add(new Code(source, seq, coder.getKey(), k[2], unit.getValue().iterator().next()));
                taken++;
            }
            coders.add(new Coder(coder.getKey(), isConsensus(coder.getKey()), taken));
        }
        if (!conflicts.isEmpty()) count(leftOut, "unit.conflict", conflicts.size());
        return new QdpxPlan(List.copyOf(sources), List.copyOf(codes), List.copyOf(coders), List.copyOf(conflicts), List.copyOf(refused),
                new TreeMap<>(leftOut));
    }

    private static final class RefusedSource extends RuntimeException {
        final TranscriptPreview.Refusal refusal;

        RefusedSource(TranscriptPreview.Refusal refusal) {
            super(refusal.message(), null, false, false);
            this.refusal = refusal;
        }
    }

    /** The consensus of a Samenspraak export comes back as the consensus, in either language. */
    static boolean isConsensus(String name) {
        return name.equals(ConsensusName.in("en")) || name.equals(ConsensusName.in("nl"));
    }

    private static String coderName(QdpxFile.Content content, String userGuid) {
        QdpxFile.User user = userGuid == null ? null : content.users().get(userGuid);
        if (user != null && !user.name().isBlank()) return user.name();
        if (userGuid != null) return "REFI-QDA user " + userGuid.substring(0, Math.min(8, userGuid.length()));
        return UNNAMED_CODER;
    }

    private static String nameKey(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /** A transcript name from the source's name: no path separators, and unique within the file ("Interview (2)"). */
    static String uniqueName(String raw, Set<String> taken) {
        String base = raw.replace('/', '-').replace('\\', '-').strip();
        if (base.toLowerCase(Locale.ROOT).endsWith(".txt")) base = base.substring(0, base.length() - 4);
        if (base.isEmpty()) base = "Source";
        if (base.length() > 180) base = base.substring(0, 180);
        String name = base;
        for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) name = base + " (" + n + ")";
        return name;
    }

    /**
     * Each unit's place in the source text, in code points [start, end); {-1, -1} for a unit whose text was not found.
     * The readers tidy a turn's text (labels, times, runs of white space), so units are found in order with white space
     * ignored; a unit whose whole text is not found is looked for by its first 24 characters.
     */
    static int[][] places(String text, List<ImportUnit> units) {
        StringBuilder dense = new StringBuilder(text.length());
        int[] at = new int[text.length()];
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) continue;
            at[dense.length()] = i;
            dense.append(c);
        }
        String haystack = dense.toString();
        int[][] out = new int[units.size()][];
        int cursor = 0;
        for (int u = 0; u < units.size(); u++) {
            String needle = squeeze(units.get(u).text());
            out[u] = new int[] {-1, -1};
            if (needle.isEmpty()) continue;
            int found = haystack.indexOf(needle, cursor);
            int length = needle.length();
            if (found < 0) {
                String head = needle.substring(0, Math.min(24, needle.length()));
                found = haystack.indexOf(head, cursor);
                length = Math.min(needle.length(), haystack.length() - Math.max(found, 0));
            }
            if (found < 0) continue;
            int startChar = at[found];
            int endChar = at[found + length - 1] + 1;
            out[u][0] = text.codePointCount(0, startChar);
            out[u][1] = out[u][0] + text.codePointCount(startChar, endChar);
            cursor = found + length;
        }
        return out;
    }

    private static String squeeze(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) b.append(c);
        }
        return b.toString();
    }

    /**
     * Whether the selections' positions count UTF-16 code units (NVivo) rather than characters (code points: QualCoder,
     * this workbench). The two differ only after a character outside the Basic Multilingual Plane (an emoji); then the
     * reading under which more selections begin and end between words is taken, code points when even.
     */
    static boolean countsUtf16(String text, List<QdpxFile.Selection> selections) {
        if (text.codePointCount(0, text.length()) == text.length()) return false;
        int utf16 = 0;
        int points = 0;
        int length = text.codePointCount(0, text.length());
        for (QdpxFile.Selection s : selections) {
            utf16 += boundary(text, Math.min(s.start(), text.length())) + boundary(text, Math.min(s.end(), text.length()));
            points += boundary(text, text.offsetByCodePoints(0, Math.min(s.start(), length)))
                    + boundary(text, text.offsetByCodePoints(0, Math.min(s.end(), length)));
        }
        return utf16 > points;
    }

    /** 1 when a position (a UTF-16 index) lies between words: not between two letters or digits. */
    private static int boundary(String text, int i) {
        if (i <= 0 || i >= text.length()) return 1;
        return Character.isLetterOrDigit(text.charAt(i - 1)) && Character.isLetterOrDigit(text.charAt(i)) ? 0 : 1;
    }

    private static int codePoints(String text, int utf16) {
        return text.codePointCount(0, Math.min(Math.max(utf16, 0), text.length()));
    }

    /** The units a selection [start, end) codes: those it covers for the most part, else the one it overlaps most. */
    static int[] covered(int[][] places, int start, int end) {
        List<Integer> most = new ArrayList<>();
        int best = -1;
        int bestOverlap = 0;
        for (int u = 0; u < places.length; u++) {
            int us = places[u][0];
            int ue = places[u][1];
            if (us < 0 || ue <= start) continue;
            if (us >= end) break; // units are found in order: every later one starts later still
            int overlap = Math.min(end, ue) - Math.max(start, us);
            if (overlap <= 0) continue;
            if (2 * overlap > ue - us) most.add(u);
            if (overlap > bestOverlap) { bestOverlap = overlap; best = u; }
        }
        if (!most.isEmpty()) return most.stream().mapToInt(Integer::intValue).toArray();
        return best < 0 ? new int[0] : new int[] {best};
    }

    private static void count(Map<String, Integer> leftOut, String what, int n) {
        if (n > 0) leftOut.merge(what, n, Integer::sum);
    }
}
