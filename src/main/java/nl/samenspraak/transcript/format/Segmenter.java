package nl.samenspraak.transcript.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts turns into coding units. Units keep the order of the turns and each keeps its turn's
 * speaker and source.
 *
 * <p>Times with {@link Segmentation#SENTENCE}: a turn with a start and an end time gives each
 * sentence a share of that span in proportion to its length in characters, rounded to whole
 * milliseconds from the cumulative length, so that the first sentence starts at the turn's start,
 * the last ends at its end, each starts where the previous ended, and all stay in order. This is
 * an estimate (speech rate varies) that is good enough to find the spot in a recording. A turn
 * with only a start time gives every sentence that start and no end; a turn without times gives
 * none.
 */
public final class Segmenter {
    private Segmenter() {}

    public static List<ParsedTurn> segment(List<ParsedTurn> turns, Segmentation segmentation) {
        if (segmentation == Segmentation.TURN) return List.copyOf(turns);
        List<ParsedTurn> units = new ArrayList<>();
        for (ParsedTurn turn : turns) units.addAll(sentences(turn));
        return List.copyOf(units);
    }

    private static List<ParsedTurn> sentences(ParsedTurn turn) {
        List<String> sentences = SentenceSplitter.split(turn.text());
        if (sentences.size() <= 1) return List.of(turn);
        long total = sentences.stream().mapToLong(String::length).sum();
        List<ParsedTurn> units = new ArrayList<>();
        long before = 0;
        for (String sentence : sentences) {
            long after = before + sentence.length();
            units.add(new ParsedTurn(turn.speaker(), sentence, share(turn, before, total, turn.startMs()),
                    share(turn, after, total, null), turn.source()));
            before = after;
        }
        return units;
    }

    /** The time at {@code chars} of {@code total} characters into the turn. */
    private static Long share(ParsedTurn turn, long chars, long total, Long withoutEnd) {
        if (turn.startMs() == null || turn.endMs() == null) return withoutEnd;
        long span = turn.endMs() - turn.startMs();
        return turn.startMs() + Math.round((double) span * chars / total);
    }
}
