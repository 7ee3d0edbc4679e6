package nl.samenspraak.transcript.format;

import java.util.List;

/**
 * One subtitle cue of a WebVTT or SRT file.
 *
 * @param number  1-based: the SRT index when the file gives one, else the cue's position
 * @param line    the file line of the cue's timing line, for messages
 * @param payload the cue's text lines, tags still in
 */
record Cue(int number, int line, String startText, long startMs, String endText, long endMs, List<String> payload) {
    Place location() { return Place.cue(number, line); }
}
