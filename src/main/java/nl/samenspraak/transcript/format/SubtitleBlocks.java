package nl.samenspraak.transcript.format;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits subtitle text into blank-line separated blocks as it streams, and reads their timing lines. */
final class SubtitleBlocks {
    private SubtitleBlocks() {}

    /** A block's lines; {@code firstLine} is the 1-based file line of its first line. */
    record Block(int firstLine, List<String> lines) {
        int timingIndex() {
            for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains("-->")) return i;
            return -1;
        }
    }

    private static final Pattern TIMING = Pattern.compile("^\\s*(\\S+)\\s+-->\\s+(\\S+)(?:\\s.*)?$");

    /** The next block, or null at the end of the text. */
    static Block next(LineReader lines) {
        List<String> current = new ArrayList<>();
        int first = 0;
        for (String line = lines.next(); line != null; line = lines.next()) {
            if (line.isBlank()) {
                if (!current.isEmpty()) return new Block(first, current);
            } else {
                if (current.isEmpty()) first = lines.number();
                current.add(line);
            }
        }
        return current.isEmpty() ? null : new Block(first, current);
    }

    /** The cue of a block whose timing line is at {@code timing}; the payload follows it. */
    static Cue cue(String file, Block block, int timing, int number) {
        int line = block.firstLine() + timing;
        Place location = Place.cue(number, line);
        Matcher m = TIMING.matcher(block.lines().get(timing));
        if (!m.matches())
            throw new TranscriptFormatException(file, location, Said.of("transcript.badTimingLine", "the timing line '"
                    + block.lines().get(timing).strip() + "' is not of the form '00:00:01.000 --> 00:00:04.000'.",
                    "timing", block.lines().get(timing).strip()));
        long start = time(file, location, m.group(1));
        long end = time(file, location, m.group(2));
        List<String> payload = block.lines().subList(timing + 1, block.lines().size());
        return new Cue(number, line, m.group(1), start, m.group(2), end, payload);
    }

    private static long time(String file, Place location, String text) {
        return TimeParsing.parseClock(text).orElseThrow(() -> new TranscriptFormatException(file, location,
                Said.of("transcript.badCueTime", "'" + text + "' is not a valid cue time; expected hh:mm:ss.ttt or mm:ss.ttt.", "time", text)));
    }
}
