package nl.samenspraak.transcript.format;

import java.util.ArrayList;
import java.util.List;

/**
 * SubRip subtitles: blocks of an index, a timing line {@code 00:00:01,000 --> 00:00:04,000}
 * and text lines. Messages name a cue by its index as written (by position when it has none).
 * Speakers: "Name:" prefixes, also after dialogue dashes; see {@link CueTurns}.
 */
final class SrtFormat {
    private SrtFormat() {}

    static List<ParsedTurn> parse(String file, String text) {
        if (text.startsWith("WEBVTT"))
            throw new TranscriptFormatException(file, "line 1", "this is a WebVTT file, not SRT; rename it to .vtt.");
        List<Cue> cues = new ArrayList<>();
        for (SubtitleBlocks.Block block : SubtitleBlocks.split(text)) {
            int timing = block.timingIndex();
            if (timing < 0)
                throw new TranscriptFormatException(file, "line " + block.firstLine(), "expected a subtitle with a "
                        + "timing line such as '00:00:01,000 --> 00:00:04,000', found '"
                        + TextFormat.abbreviate(block.lines().get(0)) + "'.");
            cues.add(SubtitleBlocks.cue(file, block, timing, number(block, timing, cues.size() + 1)));
        }
        return CueTurns.fromCues(file, cues);
    }

    private static int number(SubtitleBlocks.Block block, int timing, int position) {
        if (timing == 0) return position;
        String index = block.lines().get(timing - 1).strip();
        return index.matches("\\d{1,9}") ? Integer.parseInt(index) : position;
    }
}
