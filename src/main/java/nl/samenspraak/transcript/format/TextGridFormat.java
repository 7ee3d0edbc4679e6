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

    private record Interval(int tier, long start, long end, String text, int number) {}

    static void parse(ReadNotes notes, LineReader lines, TurnSink sink) {
        PraatTokens tokens = new PraatTokens(notes.file, lines);
        if (!tokens.string("the file type").startsWith("ooTextFile") || !"TextGrid".equals(tokens.string("the object class")))
            throw new TranscriptFormatException(notes.file, "line 1", "this is not a TextGrid in Praat's text format.");
        tokens.number("xmin");
        tokens.number("xmax");
        if (!tokens.flag()) throw new TranscriptFormatException(notes.file, null, "the TextGrid has no tiers.");
        int size = (int) tokens.number("the number of tiers");
        List<TierRules.Candidate> candidates = new ArrayList<>();
        List<List<Interval>> byTier = new ArrayList<>();
        for (int t = 0; t < size; t++) {
            String kind = tokens.string("the tier class");
            String name = tokens.string("the tier name");
            tokens.number("xmin");
            tokens.number("xmax");
            int count = (int) tokens.number("the number of intervals");
            List<Interval> intervals = new ArrayList<>();
            boolean points = kind.equals("TextTier");
            if (!points && !kind.equals("IntervalTier"))
                throw new TranscriptFormatException(notes.file, "tier " + name, "unknown tier class '" + kind + "'.");
            for (int i = 1; i <= count; i++) {
                double from = tokens.number("a time");
                double to = points ? from : tokens.number("a time");
                String text = tokens.string("a label");
                if (!points && !text.isBlank()) intervals.add(new Interval(t, Math.round(from * 1000), Math.round(to * 1000), text, i));
            }
            candidates.add(new TierRules.Candidate(name, null, kind, null, null, intervals.size(),
                    points ? "a point tier (TextTier): points, not stretches of speech" : null));
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
            turns.add(tiers.get(i.tier()).speaker(), i.text(), i.start(), i.end(), "tier " + tiers.get(i.tier()).name() + ", interval " + i.number());
        turns.finish();
    }
}
