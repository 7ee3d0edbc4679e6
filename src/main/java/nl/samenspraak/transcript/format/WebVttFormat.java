package nl.samenspraak.transcript.format;

import java.util.regex.Pattern;

/**
 * WebVTT subtitles (W3C WebVTT): a "WEBVTT" header, then cues of an optional identifier, a
 * timing line {@code 00:01:02.500 --> 00:01:04.000} (hours optional, settings after it
 * ignored) and text, read as they stream. NOTE, STYLE and REGION blocks are skipped. Speakers:
 * see {@link CueTurns}. Cues are numbered by position (1 = first cue) in messages, with their line.
 */
final class WebVttFormat {
    private WebVttFormat() {}

    private static final Pattern HEADER = Pattern.compile("^\\uFEFF?WEBVTT(?:[ \\t].*)?$");
    private static final Pattern SKIPPED = Pattern.compile("^(?:NOTE|STYLE|REGION)(?:[ \\t].*)?$");

    static void parse(ReadNotes notes, LineReader lines, TurnSink sink) {
        CueTurns cues = new CueTurns(notes, sink);
        SubtitleBlocks.Block block = SubtitleBlocks.next(lines);
        if (block == null || block.firstLine() != 1 || !HEADER.matcher(block.lines().get(0)).matches())
            throw new TranscriptFormatException(notes.file, Place.line(1), Said.of("transcript.vttNoHeader", "a WebVTT file must start with the line 'WEBVTT'."));
        int count = 0;
        // The header block may run on into a first cue when the blank line after it is missing.
        for (boolean header = true; block != null; block = SubtitleBlocks.next(lines), header = false) {
            if (SKIPPED.matcher(block.lines().get(0)).matches()) continue;
            int timing = block.timingIndex();
            if (timing < 0) {
                if (header) continue;
                throw new TranscriptFormatException(notes.file, Place.line(block.firstLine()), Said.of("transcript.vttNoTiming", "expected a cue "
                        + "with a timing line such as '00:00:01.000 --> 00:00:04.000', found '" + TextFormat.abbreviate(block.lines().get(0)) + "'.",
                        "found", TextFormat.abbreviate(block.lines().get(0))));
            }
            cues.read(SubtitleBlocks.cue(notes.file, block, timing, ++count));
        }
        cues.finish();
    }
}
