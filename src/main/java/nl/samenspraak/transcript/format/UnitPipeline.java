package nl.samenspraak.transcript.format;

import java.util.List;
import java.util.Locale;

/**
 * Turns to units as they are read: cut by the chosen segmentation, each unit given its speaker's
 * stored label and role ({@link Speakers}), numbered from 1, and refused as soon as the
 * transcript passes {@link #MAX_UNITS} units, so that a file of a million lines costs no more
 * than reading its first part.
 */
final class UnitPipeline implements TurnSink {
    /**
     * The most units one transcript may have: about a hundred hours of talk cut into turns, far
     * beyond what anyone codes, and small enough that a transcript always fits the coding screen.
     */
    static final int MAX_UNITS = 200_000;

    private final String file;
    private final Segmentation segmentation;
    private final Speakers speakers;
    private final UnitSink out;
    private int seq;

    UnitPipeline(String file, ImportOptions options, UnitSink out) {
        this.file = file;
        this.segmentation = options.segmentation();
        this.speakers = new Speakers(options.roles(), options.pseudonyms());
        this.out = out;
    }

    @Override
    public void accept(ParsedTurn turn) {
        List<ParsedTurn> units = segmentation == Segmentation.TURN ? List.of(turn) : Segmenter.segment(List.of(turn), segmentation);
        for (ParsedTurn u : units) {
            if (seq == MAX_UNITS)
                throw new TooManyUnitsException(file, Place.ofSource(turn.source()), Said.of("transcript.tooManyUnits", String.format(Locale.ROOT,
                        "the transcript has more than %,d units; the limit is %,d per transcript. Split the file into sessions.", MAX_UNITS, MAX_UNITS),
                        "limit", MAX_UNITS));
            var speaker = speakers.unit(u.speaker());
            out.accept(new ImportUnit(++seq, speakers.stored(speaker), speakers.role(speaker), u.text(), u.startMs(), u.endMs()));
        }
    }

    @Override
    public void roleHint(String speaker, String hint) { speakers.hint(speaker, hint); }

    int units() { return seq; }

    List<SpeakerSummary> speakers() { return speakers.summaries(); }
}
