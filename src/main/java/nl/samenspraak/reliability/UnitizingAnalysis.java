package nl.samenspraak.reliability;

import nl.samenspraak.agreement.AgreementOptions;
import nl.samenspraak.agreement.AgreementResult;
import nl.samenspraak.agreement.Coefficient;
import nl.samenspraak.agreement.Estimate;
import nl.samenspraak.agreement.KrippendorffUnitizing;
import nl.samenspraak.agreement.Level;
import nl.samenspraak.agreement.Reliability;
import nl.samenspraak.agreement.ReliabilityData;
import nl.samenspraak.agreement.UnitizingData;
import nl.samenspraak.agreement.UnitizingResult;
import nl.samenspraak.codebook.Codebook.Dimension;
import nl.samenspraak.codebook.Codebook.Text;
import nl.samenspraak.results.CoefficientView;
import nl.samenspraak.results.UnitizingReliability.Alpha;
import nl.samenspraak.results.UnitizingReliability.CategoryAlpha;
import nl.samenspraak.results.UnitizingReliability.Copy;
import nl.samenspraak.results.UnitizingReliability.DimensionUnitizing;
import nl.samenspraak.results.UnitizingReliability.MatchedAgreement;
import nl.samenspraak.results.UnitizingReliability.Pooled;
import nl.samenspraak.results.UnitizingReliability.PooledDimension;
import nl.samenspraak.results.UnitizingReliability.Recording;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The figures of one recording unitized independently by several coders (their copies, {@code UnitCopies}), from the
 * units as read: no database here, so a test can hand it units and compare with {@link KrippendorffUnitizing} directly.
 *
 * <p>The continuum is the recording, in milliseconds from 0 to its duration. A unit still open (no end) runs to the
 * end of the recording; a unit reaching past the end is cut there. alpha_U follows Krippendorff's definition as
 * {@link KrippendorffUnitizing} computes it: each coder's units of a category, the rest of the continuum that coder's
 * gap. For the segmentation every unit is of one category ("unit"); for a dimension a unit's category is the code its
 * coder gave it there, and a unit without a code in that dimension is of no category, so it is left out (counted as
 * {@code uncoded}).
 *
 * <p>Matching, for the coding agreement: for each pair of coders, the pairs of their units that overlap are taken in
 * order of the largest overlap first, each unit at most once, and a pair counts as matched when the overlap is at
 * least half of the shorter unit ({@link #MATCH_RULE}). The matched pairs are the units of a reliability-data matrix
 * (two coders, nominal codes) for percent agreement, Cohen's kappa and Krippendorff's alpha.
 */
final class UnitizingAnalysis {
    private UnitizingAnalysis() {}

    static final String SOURCE = "Krippendorff's alpha for unitizing (alpha_U): K. Krippendorff, Content Analysis, 2nd ed. (2004), "
            + "pp. 251–256, the worked example on p. 254 (Sociological Methodology 25 (1995), 47–76); the computation is checked "
            + "against that example and against DKPro Statistics.";
    static final String MATCH_RULE = "Units of two coders are matched by overlap: the pairs with the largest overlap first, each unit "
            + "at most once; a pair counts when the overlap is at least half of the shorter unit.";
    static final String SEGMENTATION = "unit";
    static final List<Coefficient> MATCHED = List.of(Coefficient.PERCENT_AGREEMENT, Coefficient.COHEN_KAPPA, Coefficient.KRIPPENDORFF_ALPHA);

    /** A unit of a coder's copy: its times (end null while open) and its coder's code per dimension. */
    record Unit(long startMs, Long endMs, Map<String, String> codes) {}

    /** A coder's copy of the recording and its units in time order. */
    record CoderUnits(long transcriptId, long coderId, String coder, List<Unit> units) {}

    /** A unit on the continuum: [begin, end) in milliseconds, with its codes. */
    private record Span(long begin, long end, Map<String, String> codes) {
        long length() { return end - begin; }
    }

    static Recording of(long transcriptId, String name, Long durationMs, List<CoderUnits> coders, List<Dimension> dimensions) {
        List<Copy> copies = coders.stream().map(c -> new Copy(c.transcriptId(), c.coderId(), c.coder(), c.units().size(),
                (int) c.units().stream().filter(u -> u.endMs() == null).count())).toList();
        long length = continuum(durationMs, coders);
        if (coders.size() < 2) return new Recording(transcriptId, name, durationMs, copies, null, List.of(), "fewer than two coders unitized this recording");
        if (length < 1) return new Recording(transcriptId, name, durationMs, copies, null, List.of(), "the recording has no known duration and no unit has an end");
        List<List<Span>> spans = coders.stream().map(c -> spans(c, length)).toList();
        List<String> names = coders.stream().map(CoderUnits::coder).toList();
        Alpha segmentation = alpha(length, names, spans, u -> SEGMENTATION, List.of(SEGMENTATION), c -> new Text("uiting", "unit"));
        List<DimensionUnitizing> perDimension = new ArrayList<>();
        for (Dimension d : dimensions) {
            List<String> categories = categories(d, spans);
            Alpha a = alpha(length, names, spans, s -> s.codes().get(d.key()), categories, code -> DimensionAnalysis.label(d, code));
            perDimension.add(new DimensionUnitizing(d.key(), d.label(), a, matched(d, coders, spans)));
        }
        return new Recording(transcriptId, name, durationMs, copies, segmentation, perDimension, null);
    }

    /** One recording's coders and their units, as {@link #of} takes them, for {@link #pooled}. */
    record Input(long transcriptId, Long durationMs, List<CoderUnits> coders) {}

    /**
     * alpha_U over all the recordings at once, as Krippendorff pools several continua: laid end to end, in the given
     * order, as one continuum. A recording's continuum is the one {@link #of} uses (its duration, or the latest end of a
     * unit); each coder's units, cut at their recording's end as there, are shifted by the continua before, so no unit
     * spans two recordings. A gap at a recording's end and one at the next one's start become one gap, as on any
     * continuum. The figure needs every coder on the whole continuum, so it takes the recordings two or more coders
     * unitized and the coders (by id) who unitized every one of them; other coders are named as left out.
     */
    static Pooled pooled(List<Input> recordings, List<Dimension> dimensions) {
        List<Input> eligible = recordings.stream().filter(r -> r.coders().size() >= 2 && continuum(r.durationMs(), r.coders()) >= 1).toList();
        if (eligible.isEmpty()) return new Pooled(List.of(), 0, List.of(), List.of(), null, List.of(), "no recording was unitized by two or more coders");
        Set<Long> common = new LinkedHashSet<>(eligible.get(0).coders().stream().map(CoderUnits::coderId).toList());
        Map<Long, String> names = new LinkedHashMap<>();
        for (Input r : eligible) {
            common.retainAll(r.coders().stream().map(CoderUnits::coderId).toList());
            r.coders().forEach(c -> names.putIfAbsent(c.coderId(), c.coder()));
        }
        List<Long> coders = new ArrayList<>(common);
        List<String> coderNames = coders.stream().map(names::get).toList();
        List<String> leftOut = names.entrySet().stream().filter(e -> !common.contains(e.getKey())).map(Map.Entry::getValue).toList();
        List<Long> ids = eligible.stream().map(Input::transcriptId).toList();
        if (coders.size() < 2) {
            return new Pooled(ids, 0, coderNames, leftOut, null, List.of(), "fewer than two coders unitized every one of these recordings");
        }
        List<List<Span>> spans = new ArrayList<>();
        coders.forEach(c -> spans.add(new ArrayList<>()));
        long offset = 0;
        for (Input r : eligible) {
            long length = continuum(r.durationMs(), r.coders());
            for (CoderUnits c : r.coders()) {
                int j = coders.indexOf(c.coderId());
                if (j < 0) continue;
                for (Span s : spans(c, length)) spans.get(j).add(new Span(s.begin() + offset, s.end() + offset, s.codes()));
            }
            offset += length;
        }
        Alpha segmentation = alpha(offset, coderNames, spans, u -> SEGMENTATION, List.of(SEGMENTATION), c -> new Text("uiting", "unit"));
        List<PooledDimension> perDimension = new ArrayList<>();
        for (Dimension d : dimensions) {
            List<String> categories = categories(d, spans);
            perDimension.add(new PooledDimension(d.key(), d.label(),
                    alpha(offset, coderNames, spans, sp -> sp.codes().get(d.key()), categories, code -> DimensionAnalysis.label(d, code))));
        }
        return new Pooled(ids, offset, coderNames, leftOut, segmentation, perDimension, null);
    }

    /** A dimension's codes, then any other code a unit has, as the categories of its alpha_U. */
    private static List<String> categories(Dimension d, List<List<Span>> spans) {
        List<String> categories = new ArrayList<>(d.codes().stream().map(c -> c.key()).toList());
        spans.forEach(list -> list.forEach(s -> {
            String code = s.codes().get(d.key());
            if (code != null && !categories.contains(code)) categories.add(code);
        }));
        return categories;
    }

    /** The recording's duration, or, when it is unknown, the latest end of any unit. */
    private static long continuum(Long durationMs, List<CoderUnits> coders) {
        if (durationMs != null) return durationMs;
        return coders.stream().flatMap(c -> c.units().stream()).mapToLong(u -> u.endMs() != null ? u.endMs() : u.startMs()).max().orElse(0);
    }

    private static List<Span> spans(CoderUnits c, long length) {
        List<Span> out = new ArrayList<>();
        for (Unit u : c.units()) {
            long begin = Math.max(0, u.startMs());
            long end = Math.min(length, u.endMs() == null ? length : u.endMs());
            if (end > begin) out.add(new Span(begin, end, u.codes()));
        }
        return out;
    }

    /** The engine's data for one way of giving units a category ({@code category} null: the unit is left out). */
    static UnitizingData data(long length, List<String> coders, List<List<Span>> spans, java.util.function.Function<Span, String> category,
                              List<String> categories) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (String c : categories) index.put(c, index.size());
        List<UnitizingData.Unit> units = new ArrayList<>();
        for (int j = 0; j < spans.size(); j++) {
            for (Span s : spans.get(j)) {
                String c = category.apply(s);
                if (c != null) units.add(new UnitizingData.Unit(j, index.get(c), s.begin(), s.length()));
            }
        }
        return new UnitizingData(0, length, coders, categories, units);
    }

    private static Alpha alpha(long length, List<String> coders, List<List<Span>> spans, java.util.function.Function<Span, String> category,
                               List<String> categories, java.util.function.Function<String, Text> label) {
        UnitizingData data = data(length, coders, spans, category, categories);
        int all = spans.stream().mapToInt(List::size).sum();
        UnitizingResult r = KrippendorffUnitizing.compute(data);
        List<CategoryAlpha> per = new ArrayList<>();
        for (UnitizingResult.Category c : r.perCategory()) {
            if (!c.alpha().defined() && c.observedDisagreement().defined() && c.observedDisagreement().value() == 0
                    && c.expectedDisagreement().defined() && c.expectedDisagreement().value() == 0) continue; // a code nobody gave
            per.add(new CategoryAlpha(c.category(), label.apply(c.category()), value(c.alpha()), value(c.observedDisagreement()),
                    value(c.expectedDisagreement()), c.alpha().defined() ? null : c.alpha().reason()));
        }
        return new Alpha(value(r.alpha()), r.alpha().defined() ? null : r.alpha().reason(), per, data.units().size(), all - data.units().size());
    }

    private static Double value(Estimate e) {
        return e.defined() ? e.value() : null;
    }

    /** Per pair of coders, their codes of the dimension on the units they matched. */
    private static List<MatchedAgreement> matched(Dimension d, List<CoderUnits> coders, List<List<Span>> spans) {
        List<MatchedAgreement> out = new ArrayList<>();
        for (int a = 0; a < coders.size(); a++) {
            for (int b = a + 1; b < coders.size(); b++) {
                List<int[]> pairs = match(spans.get(a), spans.get(b));
                List<String> categories = new ArrayList<>(d.codes().stream().map(c -> c.key()).toList());
                List<int[]> columns = new ArrayList<>();
                for (int[] p : pairs) {
                    String x = spans.get(a).get(p[0]).codes().get(d.key());
                    String y = spans.get(b).get(p[1]).codes().get(d.key());
                    if (x == null && y == null) continue;
                    columns.add(new int[]{index(categories, x), index(categories, y)});
                }
                String nameA = coders.get(a).coder();
                String nameB = coders.get(b).coder();
                int unmatchedA = spans.get(a).size() - pairs.size();
                int unmatchedB = spans.get(b).size() - pairs.size();
                if (columns.isEmpty()) {
                    out.add(new MatchedAgreement(nameA, nameB, pairs.size(), 0, unmatchedA, unmatchedB, List.of(),
                            pairs.isEmpty() ? "no unit of the one coder matches a unit of the other" : "neither coder coded a matched unit in this dimension"));
                    continue;
                }
                int[][] codes = new int[2][columns.size()];
                for (int i = 0; i < columns.size(); i++) {
                    codes[0][i] = columns.get(i)[0];
                    codes[1][i] = columns.get(i)[1];
                }
                AgreementResult r = Reliability.compute(ReliabilityData.ofCodes(List.of(nameA, nameB), categories, codes), AgreementOptions.of(Level.NOMINAL));
                out.add(new MatchedAgreement(nameA, nameB, pairs.size(), columns.size(), unmatchedA, unmatchedB,
                        MATCHED.stream().map(c -> CoefficientView.of(r, c, c.key())).toList(), null));
            }
        }
        return out;
    }

    private static int index(List<String> categories, String code) {
        if (code == null) return ReliabilityData.MISSING;
        int i = categories.indexOf(code);
        if (i < 0) {
            categories.add(code);
            i = categories.size() - 1;
        }
        return i;
    }

    /**
     * The matched pairs (index into {@code a}, index into {@code b}) by {@link #MATCH_RULE}. Each coder's units are in
     * time order and do not overlap, so the overlapping pairs are found in one merge.
     */
    static List<int[]> match(List<Span> a, List<Span> b) {
        List<long[]> overlaps = new ArrayList<>();
        int j = 0;
        for (int i = 0; i < a.size(); i++) {
            while (j < b.size() && b.get(j).end() <= a.get(i).begin()) j++;
            for (int k = j; k < b.size() && b.get(k).begin() < a.get(i).end(); k++) {
                long overlap = Math.min(a.get(i).end(), b.get(k).end()) - Math.max(a.get(i).begin(), b.get(k).begin());
                long shorter = Math.min(a.get(i).length(), b.get(k).length());
                if (overlap > 0 && 2 * overlap >= shorter) overlaps.add(new long[]{overlap, i, k});
            }
        }
        overlaps.sort(Comparator.<long[]>comparingLong(o -> -o[0]).thenComparingLong(o -> o[1]).thenComparingLong(o -> o[2]));
        boolean[] usedA = new boolean[a.size()];
        boolean[] usedB = new boolean[b.size()];
        List<int[]> pairs = new ArrayList<>();
        for (long[] o : overlaps) {
            int x = (int) o[1], y = (int) o[2];
            if (usedA[x] || usedB[y]) continue;
            usedA[x] = usedB[y] = true;
            pairs.add(new int[]{x, y});
        }
        pairs.sort(Comparator.comparingInt(p -> p[0]));
        return pairs;
    }
}
