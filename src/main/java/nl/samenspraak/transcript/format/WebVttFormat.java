package nl.samenspraak.transcript.format;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * WebVTT subtitles (W3C WebVTT): a "WEBVTT" header, then cues of an optional identifier, a
 * timing line {@code 00:01:02.500 --> 00:01:04.000} (hours optional, settings after it
 * ignored) and text. NOTE, STYLE and REGION blocks are skipped. Speakers: see {@link CueTurns}.
 * Cues are numbered by position (1 = first cue) in messages, with their line.
 */
final class WebVttFormat {
    private WebVttFormat() {}

    private static final Pattern HEADER = Pattern.compile("^WEBVTT(?:[ \\t].*)?$");
    private static final Pattern SKIPPED = Pattern.compile("^(?:NOTE|STYLE|REGION)(?:[ \\t].*)?$");

    static List<ParsedTurn> parse(String file, String text) {
        List<SubtitleBlocks.Block> blocks = SubtitleBlocks.split(text);
        if (blocks.isEmpty() || blocks.get(0).firstLine() != 1 || !HEADER.matcher(blocks.get(0).lines().get(0)).matches())
            throw new TranscriptFormatException(file, "line 1", "a WebVTT file must start with the line 'WEBVTT'"
                    + (text.contains("-->") && text.contains(",") ? "; this looks like SRT, so rename it to .srt." : "."));
        List<Cue> cues = new ArrayList<>();
        // The header block may run on into a first cue when the blank line after it is missing.
        for (int b = 0; b < blocks.size(); b++) {
            SubtitleBlocks.Block block = blocks.get(b);
            if (SKIPPED.matcher(block.lines().get(0)).matches()) continue;
            int timing = block.timingIndex();
            if (timing < 0) {
                if (b == 0) continue;
                throw new TranscriptFormatException(file, "line " + block.firstLine(), "expected a cue with a timing "
                        + "line such as '00:00:01.000 --> 00:00:04.000', found '" + TextFormat.abbreviate(block.lines().get(0)) + "'.");
            }
            cues.add(SubtitleBlocks.cue(file, block, timing, cues.size() + 1));
        }
        return CueTurns.fromCues(file, cues);
    }
}
