package nl.samenspraak.transcript.format;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Praat TextGrids, in the long and the short text format (Praat manual, "TextGrid file formats"),
 * UTF-8 or UTF-16 as Praat writes them. Each interval tier is a speaker (its name), each
 * non-empty interval a turn timed by its xmin and xmax (seconds); point tiers and tiers that are
 * not speech (words, phones, notes: {@link TierRules}) are left out and listed; turns of all
 * tiers are sorted by start time. Several TextGrids of one recording (one per speaker, as
 * consultation corpora ship them) are merged at import ({@link ReadOptions}, "merge").
 */
final class TextGridFormat {
    private TextGridFormat() {}

    private static final Said XMIN = Said.of("word.xmin", "xmin");
    private static final Said XMAX = Said.of("word.xmax", "xmax");
    private static final Said A_TIME = Said.of("word.aTime", "a time");

    private record Interval(int tier, long start, long end, String text, int number) {}

    static void parse(ReadNotes notes, LineReader lines, TurnSink sink) {
        PraatTokens tokens = new PraatTokens(notes.file, lines);
        if (!tokens.string(Said.of("word.fileType", "the file type")).startsWith("ooTextFile")
                || !"TextGrid".equals(tokens.string(Said.of("word.objectClass", "the object class"))))
            throw new TranscriptFormatException(notes.file, Place.line(1), Said.of("transcript.notTextGrid", "this is not a TextGrid in Praat's text format."));
        tokens.number(XMIN);
        tokens.number(XMAX);
        if (!tokens.flag()) throw new TranscriptFormatException(notes.file, null, Said.of("transcript.noTiers", "the TextGrid has no tiers."));
        int size = (int) tokens.number(Said.of("word.tierCount", "the number of tiers"));
        List<TierRules.Candidate> candidates = new ArrayList<>();
        List<List<Interval>> byTier = new ArrayList<>();
        for (int t = 0; t < size; t++) {
            String kind = tokens.string(Said.of("word.tierClass", "the tier class"));
            String name = tokens.string(Said.of("word.tierName", "the tier name"));
            tokens.number(XMIN);
            tokens.number(XMAX);
            int count = (int) tokens.number(Said.of("word.intervalCount", "the number of intervals"));
            List<Interval> intervals = new ArrayList<>();
            boolean points = kind.equals("TextTier");
            if (!points && !kind.equals("IntervalTier"))
                throw new TranscriptFormatException(notes.file, Place.tier(name), Said.of("transcript.unknownTierClass",
                        "unknown tier class '" + kind + "'.", "kind", kind));
            for (int i = 1; i <= count; i++) {
                double from = tokens.number(A_TIME);
                double to = points ? from : tokens.number(A_TIME);
                String text = tokens.string(Said.of("word.label", "a label"));
                if (!points && !text.isBlank()) intervals.add(new Interval(t, Math.round(from * 1000), Math.round(to * 1000), text, i));
            }
            candidates.add(new TierRules.Candidate(name, null, kind, null, null, intervals.size(),
                    points ? Said.of("reason.pointTier", "a point tier (TextTier): points, not stretches of speech") : null));
            byTier.add(intervals);
        }
        List<FileReading.Tier> tiers = TierRules.choose(notes, candidates);
        notes.tiers = tiers;
        TierRules.warn(notes, tiers);
        List<Interval> all = new ArrayList<>();
        for (int t = 0; t < tiers.size(); t++) if (tiers.get(t).included()) all.addAll(byTier.get(t));
        all.sort(Comparator.comparingLong(Interval::start).thenComparingLong(Interval::end).thenComparingInt(Interval::tier));
        TurnList turns = new TurnList(notes, sink);
        for (Interval i : all)
            turns.add(tiers.get(i.tier()).speaker(), i.text(), i.start(), i.end(), Place.interval(tiers.get(i.tier()).name(), i.number()));
        turns.finish();
    }
}
