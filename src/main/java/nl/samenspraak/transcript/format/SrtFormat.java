package nl.samenspraak.transcript.format;

/**
 * SubRip subtitles: blocks of an index, a timing line {@code 00:00:01,000 --> 00:00:04,000}
 * and text lines, read as they stream. Messages name a cue by its index as written (by position
 * when it has none). Speakers: see {@link CueTurns}.
 */
final class SrtFormat {
    private SrtFormat() {}

    static void parse(ReadNotes notes, LineReader lines, TurnSink sink) {
        CueTurns cues = new CueTurns(notes, sink);
        int position = 0;
        for (SubtitleBlocks.Block block = SubtitleBlocks.next(lines); block != null; block = SubtitleBlocks.next(lines)) {
            int timing = block.timingIndex();
            if (timing < 0)
                throw new TranscriptFormatException(notes.file, Place.line(block.firstLine()), Said.of("transcript.srtNoTiming",
                        "expected a subtitle with a timing line such as '00:00:01,000 --> 00:00:04,000', found '"
                        + TextFormat.abbreviate(block.lines().get(0)) + "'.", "found", TextFormat.abbreviate(block.lines().get(0))));
            cues.read(SubtitleBlocks.cue(notes.file, block, timing, number(block, timing, ++position)));
        }
        cues.finish();
    }

    private static int number(SubtitleBlocks.Block block, int timing, int position) {
        if (timing == 0) return position;
        String index = block.lines().get(timing - 1).strip();
        return index.matches("\\d{1,9}") ? Integer.parseInt(index) : position;
    }
}
